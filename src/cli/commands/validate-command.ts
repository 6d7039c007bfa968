import { formatProblem } from '../../errors.js';
import { loadScenarioFile } from '../../scenario/load-scenario.js';
import { ExitCode } from '../exit-codes.js';
import type { CliOutput } from '../output.js';

export async function runValidateCommand(file: string, io: CliOutput): Promise<number> {
  const loaded = await loadScenarioFile(file);
  for (const warning of loaded.warnings) io.err(`warning: ${formatProblem(warning)}\n`);
  io.out(`${file}: valid scenario "${loaded.scenario.name}"\n`);
  return ExitCode.ok;
}
