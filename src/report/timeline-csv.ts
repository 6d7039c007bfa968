/**
 * The Map Run over time as CSV for a spreadsheet: one row per time bucket, with the
 * bucket's start (`time_seconds`), then for each series the 10th, 50th and 90th
 * percentile across runs (`running_children_p10`, ...; a run that had ended counts as
 * 0), then the first run's own values (`running_children_run0`, ...; empty once that
 * run had ended). Pure.
 */
import { stringify } from 'csv-stringify/sync';
import type { SimulationJson } from './simulation-json.js';

interface Band {
  p10: number[];
  p50: number[];
  p90: number[];
}

const BAND_KEYS = ['p10', 'p50', 'p90'] as const;

export function renderTimelineCsv(result: SimulationJson): string {
  const summary = result.summary.timeSeries as unknown as Record<string, unknown>;
  const bands = Object.entries(summary).filter((entry): entry is [string, Band] => isBand(entry[1]));
  const raw = Object.entries(result.timeSeries as unknown as Record<string, unknown>).filter(
    (entry): entry is [string, number[]] => Array.isArray(entry[1]),
  );
  const bucketSeconds = result.summary.timeSeries.bucketSeconds;
  const buckets = Math.max(0, ...bands.map(([, b]) => b.p50.length), ...raw.map(([, values]) => values.length));

  const columns = [
    'time_seconds',
    ...bands.flatMap(([name]) => BAND_KEYS.map((p) => `${snakeCase(name)}_${p}`)),
    ...raw.map(([name]) => `${snakeCase(name)}_run0`),
  ];
  const rows: string[][] = [];
  for (let i = 0; i < buckets; i++) {
    rows.push([
      number(i * bucketSeconds),
      ...bands.flatMap(([, band]) => BAND_KEYS.map((p) => cell(band[p][i]))),
      ...raw.map(([, values]) => cell(values[i])),
    ]);
  }
  return stringify(rows, { header: true, columns, record_delimiter: '\n' });
}

function isBand(value: unknown): value is Band {
  const v = value as Partial<Band> | undefined;
  return typeof v === 'object' && v !== null && Array.isArray(v.p10) && Array.isArray(v.p50) && Array.isArray(v.p90);
}

/** `runningChildren` → `running_children` */
function snakeCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

function cell(value: number | undefined): string {
  return value === undefined ? '' : number(value);
}

/** Percentiles interpolate between runs; three decimals keep float noise (0.30000000000000004) out. */
function number(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}
