import { createHash } from 'node:crypto';
import { formatProblem } from '../../errors.js';
import { renderSummaryText } from '../../report/summary-text.js';
import { loadScenarioFile } from '../../scenario/load-scenario.js';
import { simulate } from '../../simulate.js';
import { ExitCode } from '../exit-codes.js';
import type { CliOutput } from '../output.js';

export interface SimulateFlags {
  seed?: number;
  json?: boolean;
}

export async function runSimulateCommand(file: string, flags: SimulateFlags, io: CliOutput): Promise<number> {
  const loaded = await loadScenarioFile(file);
  const { json } = simulate(loaded.scenario, {
    seed: flags.seed,
    identity: { file, sha256: createHash('sha256').update(loaded.text).digest('hex') },
  });
  // Warnings come from the file, with line numbers; the library's own copies lack them.
  json.warnings = loaded.warnings.map((w) => ({ field: w.field, message: w.message, value: w.value }));
  if (flags.json) {
    io.out(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    for (const warning of loaded.warnings) io.err(`warning: ${formatProblem(warning)}\n`);
    io.out(renderSummaryText(json));
  }
  return ExitCode.ok;
}
