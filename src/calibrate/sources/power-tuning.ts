/**
 * The output of AWS Lambda Power Tuning (https://github.com/alexcasalboni/aws-lambda-power-tuning,
 * README-INPUT-OUTPUT.md, "State Machine Output"):
 *
 *   { "results": { "power": "128", "cost": 2.1e-7, "duration": 2.9,
 *                  "stateMachine": { "executionCost": …, "lambdaCost": …, "visualization": "https://lambda-power-tuning.show/#…" },
 *                  "stats": [{ "value": 128, "averagePrice": …, "averageDuration": …, "totalCost": … }, …] } }
 *
 * `stats` (one entry per memory size tried) is there when the execution ran with
 * `includeOutputResults: true`. Without it the same figures are in the visualization
 * URL's fragment: three base64 arrays separated by `;`, the memory sizes as Int16, the
 * average durations and costs as Float32, little-endian (lambda/utils.js,
 * buildVisualizationURL). The durations are Power Tuning's average of billed durations
 * with the fastest and slowest 20 % left out (discardTopBottom). Also read: the
 * `results` object alone, and `aws stepfunctions describe-execution` output, whose
 * `output` holds the same JSON as a string. Pure.
 */
import { sourceProblem } from '../source-problem.js';
import type { MemoryPoint } from '../fit/memory-curve.js';

export interface PowerTuningResult {
  points: MemoryPoint[];
  /** Where the points came from: `stats` or the visualization URL. */
  from: 'stats' | 'visualization URL';
  /** The configuration Power Tuning recommended, if it says. */
  recommendedMemoryMb?: number;
}

/** Whether a parsed JSON document looks like Power Tuning output. */
export function isPowerTuningDocument(document: Record<string, unknown>): boolean {
  const results = resultsOf(document);
  return results !== undefined && ('stats' in results || 'stateMachine' in results || ('power' in results && 'duration' in results));
}

export function readPowerTuning(document: Record<string, unknown>, file: string): PowerTuningResult {
  const results = resultsOf(document);
  const problem = (field: string, message: string, value?: unknown): never => {
    throw sourceProblem(file, message, { field, value });
  };
  if (!results) return problem('results', 'is not AWS Lambda Power Tuning output: no `results` object');
  const recommended = Number(results['power']);
  const extra = Number.isFinite(recommended) && recommended > 0 ? { recommendedMemoryMb: recommended } : {};
  const stats = results['stats'];
  if (Array.isArray(stats)) {
    const points: MemoryPoint[] = [];
    stats.forEach((stat, i) => {
      if (typeof stat !== 'object' || stat === null) return problem(`results.stats[${i}]`, 'must be an object with value and averageDuration', stat);
      const { value, averageDuration } = stat as { value?: unknown; averageDuration?: unknown };
      const memoryMb = Number(value);
      if (!Number.isFinite(memoryMb) || memoryMb <= 0) return problem(`results.stats[${i}].value`, 'must be the memory size in MB', value);
      // Power Tuning's own analyzer leaves out entries without an average duration.
      if (averageDuration === undefined || averageDuration === null || averageDuration === 0) return;
      if (typeof averageDuration !== 'number' || !(averageDuration > 0)) return problem(`results.stats[${i}].averageDuration`, 'must be a duration in ms', averageDuration);
      points.push({ memoryMb, durationMs: averageDuration });
    });
    return { points: sortedPoints(points), from: 'stats', ...extra };
  }
  const machine = results['stateMachine'];
  const url = typeof machine === 'object' && machine !== null ? (machine as { visualization?: unknown }).visualization : undefined;
  if (typeof url === 'string' && url.includes('#')) {
    const points = decodeVisualization(url);
    if (!points) return problem('results.stateMachine.visualization', 'is not a Power Tuning visualization URL (#sizes;durations;costs in base64)', url);
    return { points: sortedPoints(points), from: 'visualization URL', ...extra };
  }
  return problem('results.stats', 'is missing: run Power Tuning with "includeOutputResults": true, or give its output with results.stateMachine.visualization');
}

/** The `results` object, whether the document is the execution output, `results` alone, or describe-execution output. */
function resultsOf(document: Record<string, unknown>): Record<string, unknown> | undefined {
  let root: unknown = document;
  if (typeof document['output'] === 'string') {
    try {
      root = JSON.parse(document['output']);
    } catch {
      return undefined;
    }
  }
  if (typeof root !== 'object' || root === null) return undefined;
  const results = (root as Record<string, unknown>)['results'];
  if (typeof results === 'object' && results !== null && !Array.isArray(results)) return results as Record<string, unknown>;
  const bare = root as Record<string, unknown>;
  return 'stats' in bare || 'stateMachine' in bare ? bare : undefined;
}

function decodeVisualization(url: string): MemoryPoint[] | undefined {
  const [sizes, durations] = (url.split('#')[1] ?? '').split(';');
  if (!sizes || !durations) return undefined;
  const sizeBytes = Buffer.from(sizes, 'base64');
  const durationBytes = Buffer.from(durations, 'base64');
  if (sizeBytes.length === 0 || sizeBytes.length % 2 !== 0 || durationBytes.length !== sizeBytes.length * 2) return undefined;
  const points: MemoryPoint[] = [];
  for (let i = 0; i < sizeBytes.length / 2; i++) {
    const memoryMb = sizeBytes.readInt16LE(i * 2);
    const durationMs = durationBytes.readFloatLE(i * 4);
    if (memoryMb > 0 && durationMs > 0) points.push({ memoryMb, durationMs });
  }
  return points;
}

function sortedPoints(points: MemoryPoint[]): MemoryPoint[] {
  return points.sort((a, b) => a.memoryMb - b.memoryMb);
}
