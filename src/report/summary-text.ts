/**
 * The readable summary `dmap simulate` prints on a terminal. Renders the same model as
 * the JSON output, so the two never disagree.
 */
import { describeTaskResource } from '../aws/task-resource.js';
import { sumOverFunctions } from '../model/index.js';
import { formatCount, formatDuration } from './format-duration.js';
import { currencyNote, formatUsdFine, withCurrency } from './format-money.js';
import { usdCents } from './report-sections.js';
import { describeBottleneck, readingPhrase } from './bottleneck.js';
import type { SimulationJson } from './simulation-json.js';
import type { CostReport } from '../pricing/index.js';

export function renderSummaryText(model: SimulationJson): string {
  const sections = [header(model), runSection(model), costSection(model)];
  if (model.runs > 1) sections.push(distributionSection(model));
  if (model.warnings.length > 0) {
    const line = (w: SimulationJson['warnings'][number]) => `  - ${w.title ? `${w.title}: ` : w.field ? `${w.field}: ` : ''}${w.message}`;
    sections.push(['Warnings:', ...model.warnings.map(line)].join('\n'));
  }
  return `${sections.join('\n\n')}\n`;
}

function header(model: SimulationJson): string {
  return [
    `${model.scenario.name}${model.scenario.description ? ` — ${model.scenario.description}` : ''}`,
    `seed ${model.seed}, ${formatCount(model.runs)} run${model.runs === 1 ? '' : 's'}, ${model.tool.name} ${model.tool.version}`,
  ].join('\n');
}

function runSection(model: SimulationJson): string {
  const run = model.mapRun;
  const items = run.itemCounts;
  const seconds = (s: number) => formatDuration(s * 1000);
  const itemParts = [
    `${formatCount(items.succeeded)} succeeded`,
    ...(['failed', 'timedOut', 'aborted', 'pending'] as const)
      .filter((k) => items[k] > 0)
      .map((k) => `${formatCount(items[k])} ${k === 'timedOut' ? 'timed out' : k}`),
  ];
  const rows: Array<[string, string]> = [
    ['Map Run', `${run.status}${run.error ? ` (${run.error})` : ''} in ${seconds(run.wallTimeSeconds)}`],
    ...(model.runs === 1 ? [['Bounded by', describeBottleneck(model.bottleneck)] as [string, string]] : []),
    ['Items', `${formatCount(items.total)}: ${itemParts.join(', ')}`],
    [
      'Child executions',
      `${formatCount(run.executionCounts.total)} ${run.executionType} (MaxConcurrency ${formatCount(run.maxConcurrency)}, peak ${formatCount(run.peakRunningChildren)} running)`,
    ],
  ];
  // A long-form child may call no function at all: then there is no Lambda row to show.
  if (run.lambda.invocations > 0 || model.usage.lambda !== undefined) {
    rows.push([
      'Lambda',
      `${formatCount(run.lambda.invocations)} invocations, peak ${formatCount(run.peakConcurrentInvocations)} concurrent of ${formatCount(run.lambdaConcurrencyLimit)}, ${formatCount(sumOverFunctions(model.usage, 'coldStarts'))} cold starts`,
    ]);
  }
  for (const [name, fn] of Object.entries(run.functions ?? {})) {
    rows.push([`  ${name}`, `${formatCount(fn.invocations)} invocations, peak ${formatCount(fn.peakConcurrentInvocations)} concurrent, ${formatCount(fn.coldStarts)} cold starts, ${formatCount(fn.throttles)} throttled`]);
  }
  for (const task of model.usage.tasks ?? []) {
    rows.push([`Task ${task.state.split('.').pop()}`, `${formatCount(task.calls)} calls to ${describeTaskResource(task.resource)}${task.throttledAttempts > 0 ? `, ${formatCount(task.throttledAttempts)} throttled${task.quota ? ` by quota ${task.quota}` : ''}` : ''}`]);
  }
  const attempts = run.attempts;
  if (attempts.throttled > 0 || attempts.retries > 0) {
    rows.push(['Throttling', `${formatCount(attempts.throttled)} attempts throttled${model.usage.tasks ? '' : ' (TooManyRequests)'}, ${formatCount(attempts.retries)} retries`]);
  }
  const failures = Object.entries(attempts.failuresByError).filter(([name]) => name !== 'Lambda.TooManyRequestsException');
  if (failures.length > 0) rows.push(['Errors', failures.map(([name, count]) => `${name} × ${formatCount(count)}`).join(', ')]);
  const reader = run.itemReader;
  if (reader.listRequests > 0 || reader.getRequests > 0) {
    const requests = reader.listRequests > 0 ? `${formatCount(reader.listRequests)} ListObjectsV2 pages` : `${formatCount(reader.getRequests)} GET requests`;
    rows.push(['Item reader', `${requests}, ${readingPhrase(reader, seconds)}`]);
  }
  if (run.resultWriter) {
    const files = run.resultWriter.files;
    rows.push(['Result writer', `${formatCount(files)} result file${files === 1 ? '' : 's'} and a manifest written in ${seconds(run.resultWriter.writeSeconds)}`]);
  }
  return table(rows, model.runs > 1 ? 'First run' : undefined);
}

/**
 * The first run's cost, labelled as such: its exact cost per run (4 significant figures,
 * as every per-run figure) and its month as AWS bills it (each line to the cent). The
 * statistics across runs come under "Across N runs" (docs/pricing.md, "Which cost is which").
 */
function costSection(model: SimulationJson): string {
  const cost = model.cost;
  const currency = cost.currency;
  const money = (usd: number) => withCurrency(formatUsdFine(usd), usd, currency);
  const byService = new Map<string, number>();
  for (const line of cost.lines) {
    if (line.costUsd === null) continue;
    byService.set(line.service, (byService.get(line.service) ?? 0) + Number(line.costUsd) / cost.runsPerMonth);
  }
  const services = [...byService.entries()].map(([service, usd]) => `${service} ${money(usd)}`).join(' · ');
  const runs = cost.runsPerMonth;
  const rows: Array<[string, string]> = [
    [model.runs > 1 ? 'First run\'s cost' : 'Cost per run', `${money(Number(cost.perRunUsd))} per run, exact (${services})`],
    [
      'Billed a month',
      `${withCurrency(usdCents(cost.monthlyTotalUsdAwsRounded), cost.monthlyTotalUsdAwsRounded, currency)} for ${formatCount(runs)} run${runs === 1 ? '' : 's'} a month like ${model.runs > 1 ? 'the first' : 'this one'}, each line rounded to the cent as AWS bills`,
    ],
    ['Prices', `${cost.catalogue.name} ${cost.catalogue.version}, ${cost.region}, as of ${cost.catalogue.effectiveDate}; ${pricingOptionsText(cost)}`],
  ];
  if (currency) rows.push(['Currency', currencyNote(currency)]);
  for (const warning of cost.warnings) rows.push(['UNPRICED', warning]);
  return table(rows);
}

/** How the run was priced, in words: free tier, discounts, Savings Plan, custom prices. */
export function pricingOptionsText(cost: CostReport['options']): string {
  const discounts = Object.entries(cost.discounts ?? {}).map(([service, percent]) => `${percent} % off ${service}`);
  const plan = cost.savingsPlan;
  return [
    `free tier ${cost.freeTier ? 'subtracted' : 'not subtracted'}`,
    ...(cost.discountPercent > 0 ? [`${cost.discountPercent} % discount${discounts.length > 0 ? ' on the other services' : ''}`] : []),
    ...(discounts.length > 0 ? [`discounts: ${discounts.join(', ')}`] : []),
    ...(plan ? [`Compute Savings Plan of $${plan.commitmentUsdPerHour} an hour at ${plan.discountPercent} % on Lambda duration, over ${formatCount(plan.hours)} hours`] : []),
    ...(cost.priceOverrides.length > 0 ? [`custom prices for ${cost.priceOverrides.join(', ')}`] : []),
  ].join('; ');
}

function distributionSection(model: SimulationJson): string {
  const s = model.summary;
  const time = (v: number) => formatDuration(v * 1000);
  const wall = s.wallTimeSeconds;
  const cost = s.costUsd;
  const money = (usd: number) => withCurrency(formatUsdFine(usd), usd, model.cost.currency);
  const rows: Array<[string, string]> = [
    ['Bounded by', describeBottleneck(model.bottleneck)],
    ['Wall time', `P50 ${time(wall.p50)} · P90 ${time(wall.p90)} (95 % CI ${time(wall.ci95.p90[0])}–${time(wall.ci95.p90[1])}) · P99 ${time(wall.p99)} · mean ${time(wall.mean)} ± ${time(wall.sd)}`],
    ['Cost per run', `P50 ${money(cost.p50)} · P90 ${money(cost.p90)} (95 % CI ${money(cost.ci95.p90[0])}–${money(cost.ci95.p90[1])}) · P99 ${money(cost.p99)} · mean ${money(cost.mean)}, exact`],
    ...(model.cost.runsPerMonth > 1
      ? [['Cost a month', `P50 ${money(s.monthlyCostUsd.p50)} · P90 ${money(s.monthlyCostUsd.p90)} · mean ${money(s.monthlyCostUsd.mean)} for ${formatCount(model.cost.runsPerMonth)} runs a month like each run`] as [string, string]]
      : []),
    ['Throttles', `P50 ${count(s.counters.throttles?.p50)} · P90 ${count(s.counters.throttles?.p90)} attempts`],
    ['Retries', `P50 ${count(s.counters.retries?.p50)} · P90 ${count(s.counters.retries?.p90)}`],
    ['Cold starts', `P50 ${count(s.counters.coldStarts?.p50)} · P90 ${count(s.counters.coldStarts?.p90)}`],
    [
      'Map Run failed',
      `in ${formatCount(s.failure.runsFailed)} of ${formatCount(s.runs)} runs (${(s.failure.probability * 100).toFixed(1)} %, 95 % CI ${(s.failure.ci95[0] * 100).toFixed(1)}–${(s.failure.ci95[1] * 100).toFixed(1)} %)`,
    ],
  ];
  const economics = model.failureEconomics;
  if (economics.deadline || economics.itemsToRedriveMean > 0) {
    const deadline = economics.deadline ? `misses ${time(economics.deadline.seconds)} in ${percentText(economics.deadline.missProbability)} of runs (95 % CI ${percentText(economics.deadline.ci95[0])}–${percentText(economics.deadline.ci95[1])}) · ` : '';
    rows.push([
      'Failure costs',
      `${deadline}expected cost with a redrive of failed, aborted and pending items ${money(economics.expectedCostUsd)} · at risk P90 ${money(economics.costAtRiskUsd.p90)}, P99 ${money(economics.costAtRiskUsd.p99)}`,
    ]);
  }
  if (model.precision) {
    const p = model.precision;
    rows.push([
      'Precision',
      `P90 wall time known to ±${p.achievedPercent.toFixed(2)} % after ${formatCount(s.runs)} runs (target ±${p.targetPercent} %${p.met ? '' : `, not met within ${formatCount(p.maxRuns)} runs`})`,
    ]);
  }
  return table(rows, `Across ${formatCount(s.runs)} runs`);
}

function percentText(share: number): string {
  return `${(share * 100).toFixed(1)} %`;
}

/** Percentiles of counts interpolate between runs; a whole number reads better. */
function count(value: number | undefined): string {
  return formatCount(Math.round(value ?? 0));
}

function table(rows: Array<[string, string]>, title?: string): string {
  const width = Math.max(...rows.map(([label]) => label.length));
  const lines = rows.map(([label, text]) => `${label.padEnd(width)}  ${text}`);
  return (title ? [`${title}:`, ...lines.map((l) => `  ${l}`)] : lines).join('\n');
}
