/**
 * `dmap calibrate <source...>`: reads Lambda logs, Step Functions records of Map Runs and
 * AWS Lambda Power Tuning output, fits what each can tell, and writes a scenario (the
 * base given with --scenario, fitted fields replaced; or a new one with the rest to fill
 * in) whose fitted fields each say where they came from. The scenario goes to --out
 * (atomically) or stdout; the summary of every fit to the terminal, or as JSON with
 * --json. See docs/calibrate.md.
 */
import { calibrate } from '../../calibrate/calibrate.js';
import { renderCalibratedScenario } from '../../calibrate/calibration-patch.js';
import { calibrationJson, renderCalibrationText, type CalibrationOutput } from '../../calibrate/calibration-summary.js';
import { loadScenarioFile } from '../../scenario/load-scenario.js';
import { parseScenarioText } from '../../scenario/index.js';
import { ExitCode } from '../exit-codes.js';
import type { CliOutput } from '../output.js';
import { writeFileAtomic } from '../write-file-atomic.js';
import { parseSourceSpec, readSources } from '../calibrate/read-sources.js';

export interface CalibrateFlags {
  scenario?: string;
  out?: string;
  json?: boolean;
  batchSize?: number;
  overheadMs?: number;
  function?: string;
}

export async function runCalibrateCommand(files: string[], flags: CalibrateFlags, io: CliOutput): Promise<number> {
  const base = flags.scenario !== undefined ? await loadScenarioFile(flags.scenario) : undefined;
  const specs = await Promise.all(files.map(parseSourceSpec));
  const read = await readSources(specs, { ...(flags.batchSize !== undefined ? { batchSize: flags.batchSize } : {}), progress: !flags.json });
  const result = calibrate({
    observations: read.observations,
    logSources: read.sources.flatMap((s) => (s.log ? [s.log] : [])),
    mapRuns: read.mapRuns.observations(),
    powerTuning: read.powerTuning,
    ...(base ? { base: { scenario: base.scenario, document: base.document } } : {}),
    options: {
      ...(flags.overheadMs !== undefined ? { overheadMs: flags.overheadMs } : {}),
      ...(flags.function !== undefined ? { functionName: flags.function } : {}),
    },
  });
  const text = renderCalibratedScenario({
    ...(base ? { baseText: base.text } : {}),
    result,
    sources: files,
    format: flags.out !== undefined && /\.json$/i.test(flags.out) ? 'json' : 'yaml',
  });
  // A patched scenario must still be valid: anything else is a bug here, not the user's.
  if (base) {
    try {
      parseScenarioText(text, flags.out ?? 'the calibrated scenario');
    } catch (error) {
      throw new Error(`the calibrated scenario does not validate: ${(error as Error).message}`);
    }
  }

  if (flags.out !== undefined) await writeFileAtomic(flags.out, text, 'calibrated scenario');
  const output: CalibrationOutput = { sources: read.sources, result, scenario: flags.out !== undefined ? { file: flags.out } : { text } };
  if (flags.json) {
    io.out(`${JSON.stringify(calibrationJson(output), null, 2)}\n`);
    return ExitCode.ok;
  }
  if (flags.out === undefined) {
    io.err(renderCalibrationText(output));
    io.out(text);
    return ExitCode.ok;
  }
  io.out(renderCalibrationText(output));
  io.out(
    base
      ? `\nWrote ${flags.out}: ${flags.scenario} with ${result.fields.length} fitted fields; check it with \`dmap validate ${flags.out}\`.\n`
      : `\nWrote ${flags.out} with ${result.fields.length} fitted fields; fill in the fields marked REQUIRED, then run \`dmap validate ${flags.out}\`.\n`,
  );
  return ExitCode.ok;
}
