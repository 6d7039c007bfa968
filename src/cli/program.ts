/**
 * The `dmap` command line: declares commands and flags, calls the library, and maps
 * errors to exit codes. No simulation logic lives here.
 */
import { Command, CommanderError } from 'commander';
import { formatProblem, isUserInputError } from '../errors.js';
import { TOOL_VERSION } from '../version.js';
import { runSimulateCommand } from './commands/simulate-command.js';
import { runValidateCommand } from './commands/validate-command.js';
import { ExitCode } from './exit-codes.js';
import type { CliOutput } from './output.js';
import { parseSeed } from './parse-flags.js';

const EXIT_CODES_HELP = `
Exit codes:
  0  success
  1  a result breached a threshold you set
  2  bad input: a scenario file, field or flag is wrong (every problem is listed)
  3  internal error: a bug in dmap-planner; please report it with the output`;

/** Runs the CLI with `argv` (without the node and script entries) and returns the exit code. */
export async function runCli(argv: string[], io: CliOutput): Promise<number> {
  let exitCode: number = ExitCode.ok;
  const program = new Command()
    .name('dmap')
    .description('Simulate AWS Step Functions Distributed Map runs: how long, how much, what breaks.')
    .version(TOOL_VERSION, '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', `\nExample:\n  $ dmap simulate scenarios/reinvent-500k.yaml\n${EXIT_CODES_HELP}`);

  program
    .command('simulate')
    .description('Simulate one Map Run of a scenario and summarise it.')
    .argument('<scenario>', 'scenario file (.yaml, .yml or .json)')
    .option('--seed <n>', 'seed of the random streams (default: the scenario\'s seed)', parseSeed)
    .option('--json', 'print the versioned JSON result (docs/json-output.md) instead of the summary')
    .addHelpText(
      'after',
      '\nExamples:\n  $ dmap simulate scenarios/reinvent-500k.yaml\n  $ dmap simulate scenarios/reinvent-500k.yaml --seed 7 --json > result.json',
    )
    .action(async (file: string, flags: { seed?: number; json?: boolean }) => {
      exitCode = await runSimulateCommand(file, flags, io);
    });

  program
    .command('validate')
    .description('Check a scenario file and list every problem in it.')
    .argument('<scenario>', 'scenario file (.yaml, .yml or .json)')
    .addHelpText('after', '\nExample:\n  $ dmap validate scenarios/reinvent-500k.yaml')
    .action(async (file: string) => {
      exitCode = await runValidateCommand(file, io);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    return handleError(error, io);
  }
}

function handleError(error: unknown, io: CliOutput): number {
  if (error instanceof CommanderError) {
    // Help and version are "errors" only to commander; a usage mistake is bad input.
    return error.exitCode === 0 ? ExitCode.ok : ExitCode.badInput;
  }
  if (isUserInputError(error)) {
    const problems = error.problems;
    io.err(`${problems.length === 1 ? 'error' : `${problems.length} problems`}:\n`);
    for (const problem of problems) io.err(`  ${formatProblem(problem)}\n`);
    return ExitCode.badInput;
  }
  io.err(
    `internal error: ${(error as Error)?.stack ?? String(error)}\n` +
      `This is a bug in dmap-planner ${TOOL_VERSION}. Please report it with the command and scenario that caused it.\n`,
  );
  return ExitCode.internalError;
}
