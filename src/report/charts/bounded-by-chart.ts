/**
 * What bounds the run, as a chart: each cause's share of the wall time along the
 * critical path (averaged over runs), largest first, the verdict as its sentence.
 */
import { BOUND_CAUSE_LABELS, BOUND_CAUSES } from '../../model/index.js';
import { describeBottleneck } from '../bottleneck.js';
import { roundTo } from '../round.js';
import type { ChartSpec } from '../report-model.js';
import type { SimulationJson } from '../simulation-json.js';
import { baseOptions, CHART_PALETTE, spec } from './build-charts.js';

/** Causes below this share are left off the chart: they would be bars of no width. */
const SHOWN_SHARE = 0.005;

export function boundedByChart(result: SimulationJson, caption: string): ChartSpec {
  const shares = result.summary.boundByShare;
  const causes = BOUND_CAUSES.filter((cause) => shares[cause] >= SHOWN_SHARE).sort((a, b) => shares[b] - shares[a]);
  const base = baseOptions('What bounds the run', caption);
  // Plain data: chart.js's option types, narrowed to bars here, upset the checker's
  // comparison of the other charts' datasets.
  const options = {
    ...base,
    indexAxis: 'y',
    scales: {
      x: { type: 'linear', beginAtZero: true, max: 100, title: { display: true, text: 'Share of wall time along the critical path, mean across runs (%)' } },
      y: { type: 'category', ticks: { autoSkip: false } },
    },
  };
  const bottleneck = result.bottleneck.cause;
  const config = {
    type: 'bar',
    data: {
      labels: causes.map((cause) => `${BOUND_CAUSE_LABELS[cause]} — ${Math.round(shares[cause] * 100)} %`),
      datasets: [
        {
          label: 'Share of wall time',
          data: causes.map((cause) => roundTo(shares[cause] * 100, 2)),
          backgroundColor: causes.map((cause) => (cause === bottleneck ? CHART_PALETTE.vermillion : CHART_PALETTE.skyBlue)),
          borderWidth: 0,
        },
      ],
    },
    options,
  };
  const sentence = `The run is ${describeBottleneck(result.bottleneck)}.`;
  return spec('bounded-by', 'What bounds the run', caption, sentence.charAt(0).toUpperCase() + sentence.slice(1), config);
}
