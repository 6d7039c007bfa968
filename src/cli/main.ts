#!/usr/bin/env node
import { endQuietlyWhenPipeCloses } from './closed-pipe.js';
import { processOutput } from './output.js';
import { runCli } from './program.js';

endQuietlyWhenPipeCloses();

process.exitCode = await runCli(process.argv.slice(2), processOutput);
