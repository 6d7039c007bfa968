import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCanvas, loadImage } from 'canvas';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCharts } from '../../src/report/charts/build-charts.js';
import { renderChartPng } from '../../src/report/charts/render-png.js';
import type { ChartSpec } from '../../src/report/report-model.js';
import { parseScenarioText } from '../../src/scenario/index.js';
import { simulate } from '../../src/simulate.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Where the rendered charts are left for a person to look at. */
const OUT_DIR = join(tmpdir(), 'dmap-charts');

async function chartsFor(file: string, runs: number): Promise<ChartSpec[]> {
  const { scenario } = parseScenarioText(readFileSync(file, 'utf8'), file);
  return buildCharts((await simulate(scenario, { runs, workers: 1 })).json);
}

/** Share of pixels that are not white, and how many distinct colours there are. */
async function ink(png: Buffer, width: number, height: number): Promise<{ share: number; colours: number }> {
  const image = await loadImage(png);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  const { data } = ctx.getImageData(0, 0, width, height);
  let nonWhite = 0;
  const colours = new Set<number>();
  for (let i = 0; i < data.length; i += 4) {
    const [r, g, b, a] = [data[i] as number, data[i + 1] as number, data[i + 2] as number, data[i + 3] as number];
    if (r < 250 || g < 250 || b < 250 || a < 250) nonWhite++;
    colours.add(((r << 16) | (g << 8) | b) >>> 0);
  }
  return { share: nonWhite / (width * height), colours: colours.size };
}

let flagship: ChartSpec[];
let single: ChartSpec[];

beforeAll(async () => {
  flagship = await chartsFor('scenarios/reinvent-500k.yaml', 30);
  single = await chartsFor('scenarios/small-inline.yaml', 1);
  mkdirSync(OUT_DIR, { recursive: true });
}, 120_000);

describe('renderChartPng', () => {
  it.each(['concurrency', 'items-completed', 'wall-time', 'cost-by-line', 'cost-distribution'])(
    'draws %s as a non-blank PNG of the spec size',
    async (id) => {
      for (const [name, charts] of [['flagship', flagship], ['one-run', single]] as const) {
        const spec = charts.find((c) => c.id === id) as ChartSpec;
        const png = await renderChartPng(spec);
        writeFileSync(join(OUT_DIR, `${name}-${id}.png`), png);
        expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
        expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
        expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([spec.widthPx, spec.heightPx]);
        expect([spec.widthPx, spec.heightPx]).toEqual([960, 480]);
        const { share, colours } = await ink(png, spec.widthPx, spec.heightPx);
        expect(share, `${name} ${id}`).toBeGreaterThan(0.02);
        expect(colours, `${name} ${id}`).toBeGreaterThanOrEqual(3);
      }
    },
    30_000,
  );

  it('draws on a copy: the spec stays responsive for the HTML', async () => {
    const spec = flagship[0] as ChartSpec;
    const before = structuredClone(spec);
    await renderChartPng(spec);
    expect(spec).toStrictEqual(before);
    expect(spec.config.options?.responsive).toBe(true);
  });

  it('draws the same chart to the same bytes', async () => {
    const spec = flagship[2] as ChartSpec;
    expect((await renderChartPng(spec)).equals(await renderChartPng(spec))).toBe(true);
  });
});
