/**
 * The `dmap` command line: declares commands and flags, calls the library, and maps
 * errors to exit codes. No simulation logic lives here.
 */
import { Command, CommanderError } from 'commander';
import { formatProblem, isUserInputError } from '../errors.js';
import { TOOL_VERSION } from '../version.js';
import type { SimulateFlags } from './commands/simulate-command.js';
import type { SweepFlags } from './commands/sweep-command.js';
import type { SensitivityFlags } from './commands/sensitivity-command.js';
import type { BacktestFlags } from './commands/backtest-command.js';
import type { WorkflowTypeFlags } from './commands/workflow-type-command.js';
import type { CompareFlags } from './commands/compare-command.js';
import { parseFailIf, type FailIf } from '../planner/fail-if.js';
import type { ImportFlags } from './commands/import-command.js';
import type { CalibrateFlags } from './commands/calibrate-command.js';
import { parseBatchSize, parseOverheadMs } from './parse-calibrate-flags.js';
import type { ReconcileFlags } from './commands/reconcile-command.js';
import type { StudioFlags } from './commands/studio-command.js';
import { collectProducts, parseBillFormat, parseRegion } from './parse-reconcile-flags.js';
import { ExitCode } from './exit-codes.js';
import type { CliOutput } from './output.js';
import { parseBatchSizes, parseCostUsd, parseMaxRuns, parsePrecision, parseRuns, parseSeed, parseThrottles, parseWorkers } from './parse-flags.js';
import { addCurrencyFlags, addPricingFlags } from './pricing-flags.js';
import type { PriceFlags } from './commands/price-command.js';
import { parseVaryFlag, type Variation } from '../planner/variation.js';
import { parseConfidence } from './parse-confidence.js';
import { collectIds, parseBudget, parseDeadline, parseRankBy, parseSensitivityRuns } from './parse-flags.js';

const EXIT_CODES_HELP = `
Exit codes:
  0  success
  1  a result breached a threshold you set
  2  bad input: a scenario file, field or flag is wrong (every problem is listed)
  3  internal error: a bug in dmap-planner; please report it with the output`;

/**
 * Runs the CLI with `argv` (without the node and script entries) and returns the exit code.
 * Each command's module is imported when the command runs, so a command loads only what
 * it uses: start-up time is paid on every run and by every worker-bound simulation.
 */
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

  addPricingFlags(program
    .command('simulate')
    .description('Simulate a scenario\'s Map Run: time, cost, what breaks; with --runs, as a distribution.')
    .argument('<scenario>', 'scenario file (.yaml, .yml or .json); with --workload, a state machine definition or template')
    .option('--workload <file>', 'the workload facts (item count, durations, ...) completing the Distributed Map imported from <scenario>, a definition (docs/import.md)')
    .option('--map <name>', 'with --workload: which Distributed Map, when the definition has several (state name or path)')
    .option('--seed <n>', 'seed of the random streams (default: the scenario\'s seed)', parseSeed)
    .option('--runs <n>', 'replications, each with its own seeded streams (default 1)', parseRuns)
    .option('--precision <percent>', 'add runs until the P90 wall time\'s 95 % interval is within ± this percent', parsePrecision)
    .option('--max-runs <n>', 'most runs --precision may use (default 10,000)', parseMaxRuns)
    .option('--deadline <duration>', 'also give the chance that a run misses this deadline (or fails), e.g. 90s or 10m', parseDeadline)
    .option('--workers <n>', 'worker threads for several runs (default: one per core); results do not depend on it', parseWorkers)
    .option('--force', 'run even when the estimated work is far beyond a planning question (over 10^9 simulated events); without it such a run is refused with the estimate')
    .option('--json', 'print the versioned JSON result (docs/json-output.md) instead of the summary')
    .option('--report [dir]', 'also write a report directory: report.html, summary.md, charts/*.png, result.json, CSVs (default reports/<scenario name>/)')
    .option('--sensitivity-runs <n>', 'with --report: runs per end of each assumption in the report\'s Sensitivity section (default 100); 0 leaves it out', parseSensitivityRuns)
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  $ dmap simulate scenarios/reinvent-500k.yaml',
        '  $ dmap simulate scenarios/reinvent-500k.yaml --runs 1000 --report',
        '  $ dmap simulate scenarios/reinvent-500k.yaml --runs 1000',
        '  $ dmap simulate scenarios/noaa-weather.yaml --precision 1 --json > result.json',
        '  $ dmap simulate statemachines/dmap-temperatures.asl.json --workload workload.yaml',
      ].join('\n'),
    )
  )
    .action(async (file: string, flags: SimulateFlags) => {
      const { runSimulateCommand } = await import('./commands/simulate-command.js');
      exitCode = await runSimulateCommand(file, flags, io);
    });

  addPricingFlags(program
    .command('studio')
    .description('Write one self-contained HTML page that runs the simulator as you move batch size, concurrency, memory and more (or serve it on 127.0.0.1).')
    .argument('<scenario>', 'scenario file (.yaml, .yml or .json); with --workload, a state machine definition or template')
    .option('--out <file>', 'write the page here (default reports/<scenario name>-studio.html; with --serve, only when given)')
    .option('--serve', 'serve the page on 127.0.0.1 until Ctrl-C, for those who prefer a URL')
    .option('--port <n>', 'with --serve: the port (default 8417; 0 picks a free one)')
    .option('--runs <n>', 'runs the page starts with (default 200, at most 10,000)', parseRuns)
    .option('--seed <n>', 'seed the page starts with (default: the scenario\'s seed)', parseSeed)
    .option('--workload <file>', 'the workload facts completing the Distributed Map imported from <scenario>, a definition (docs/import.md)')
    .option('--map <name>', 'with --workload: which Distributed Map, when the definition has several')
    .addHelpText(
      'after',
      [
        '',
        'The page works offline; its figures equal `dmap simulate --runs N --seed S --json` for the same settings and pricing flags (docs/studio.md).',
        '',
        'Examples:',
        '  $ dmap studio scenarios/reinvent-500k.yaml',
        '  $ dmap studio scenarios/reinvent-500k.yaml --out studio.html --runs 500',
        '  $ dmap studio scenarios/reinvent-500k.yaml --serve --port 8417',
        '  $ dmap studio scenarios/reinvent-500k.yaml --runs-per-month 720 --discount lambda=12',
      ].join('\n'),
    ))
    .action(async (file: string, flags: StudioFlags) => {
      const { runStudioCommand } = await import('./commands/studio-command.js');
      exitCode = await runStudioCommand(file, flags, io);
    });

  addPricingFlags(program
    .command('sweep')
    .description('Try every combination of settings, find the Pareto frontier of P90 time and cost, and recommend one.')
    .argument('<scenario>', 'scenario file (.yaml, .yml or .json)')
    .option('--vary <field=v1,v2,...>', 'a field and the values to try (repeatable); adds to the scenario\'s sweep.vary', (text: string, previous: Variation[] = []) => [
      ...previous,
      parseVaryFlag(text),
    ])
    .option('--runs <n>', 'replications per configuration, the most a configuration gets when racing (default: sweep.runs, or 100)', parseRuns)
    .option('--deadline <duration>', 'recommend the cheapest configuration finishing within this in --confidence of runs, e.g. 10m', parseDeadline)
    .option('--budget <usd>', 'recommend the fastest configuration costing at most this per run (redrives included) in --confidence of runs', parseBudget)
    .option('--confidence <percent>', 'the probability of meeting --deadline or --budget a recommendation must reach (default 95)', parseConfidence)
    .option('--no-racing', 'run every configuration for every run (the full grid) instead of dropping those clearly out')
    .option('--report [dir]', 'also write a report directory: sweep.html, sweep.md, sweep.json, sweep.csv, charts/*.png (default reports/<scenario name>-sweep/)')
    .option('--seed <n>', 'seed shared by every configuration (common random numbers)', parseSeed)
    .option('--workers <n>', 'worker threads (default: one per core)', parseWorkers)
    .option('--force', 'run even when the estimated work is far beyond a planning question (over 10^9 simulated events); without it such a run is refused with the estimate')
    .option('--json', 'print the versioned JSON result instead of the table')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  $ dmap sweep scenarios/reinvent-500k.yaml --vary itemBatcher.maxItemsPerBatch=100,250,1000 --vary maxConcurrency=500,1000,3000',
        '  $ dmap sweep scenarios/reinvent-500k.yaml --vary lambda.memoryMb=1024,2048 --deadline 10m',
        '  $ dmap sweep scenarios/reinvent-500k.yaml --vary itemBatcher.maxItemsPerBatch=250,500 --vary maxConcurrency=500,1000 --deadline 2m --confidence 99 --report',
      ].join('\n'),
    )
  )
    .action(async (file: string, flags: SweepFlags) => {
      const { runSweepCommand } = await import('./commands/sweep-command.js');
      exitCode = await runSweepCommand(file, flags, io);
    });

  addPricingFlags(program
    .command('sensitivity')
    .description('Vary every uncertain assumption and input across its plausible range: P90 time, P90 cost and P(fail) at both ends, ranked, and what flips the outcome.')
    .argument('<scenario>', 'scenario file (.yaml, .yml or .json)')
    .option('--runs <n>', 'replications of the baseline and of each end of each range (default 200)', parseRuns)
    .option('--seed <n>', 'seed shared by the baseline and every end (common random numbers)', parseSeed)
    .option('--deadline <duration>', 'also show the chance of missing this deadline, and flips of meeting it at P90, e.g. 90s', parseDeadline)
    .option('--rank-by <figure>', 'rank by the swing in: time (P90 wall time, default), cost (P90 cost per run) or failure (chance the Map Run fails)', parseRankBy)
    .option('--only <ids>', 'vary only these assumptions, by id (comma-separated, repeatable), e.g. itemReader.pageLatencyMs', collectIds)
    .option('--workers <n>', 'worker threads (default: one per core); results do not depend on it', parseWorkers)
    .option('--force', 'run even when the estimated work is far beyond a planning question (over 10^9 simulated events); without it such a run is refused with the estimate')
    .option('--json', 'print the versioned JSON result (docs/json-output.md) instead of the table')
    .option('--report [dir]', 'also write a report directory: sensitivity.html, sensitivity.md, sensitivity.json, sensitivity.csv, charts/tornado-*.png (default reports/<scenario name>-sensitivity/)')
    .addHelpText(
      'after',
      [
        '',
        'The ranges, their sources and confidence: docs/model.md, "Plausible ranges".',
        '',
        'Examples:',
        '  $ dmap sensitivity scenarios/reinvent-500k.yaml',
        '  $ dmap sensitivity scenarios/reinvent-500k.yaml --deadline 90s --report',
        '  $ dmap sensitivity scenarios/reinvent-500k.yaml --only itemReader.pageLatencyMs,lambda.perItemDurationMs --json',
      ].join('\n'),
    )
  )
    .action(async (file: string, flags: SensitivityFlags) => {
      const { runSensitivityCommand } = await import('./commands/sensitivity-command.js');
      exitCode = await runSensitivityCommand(file, flags, io);
    });

  addPricingFlags(program
    .command('backtest')
    .description('Where a real Map Run\'s figures fall in the prediction for its scenario: percentile ranks and verdicts, the actual run marked on the charts.')
    .argument('<scenario>', 'scenario file (.yaml, .yml or .json) of the workload that ran')
    .requiredOption('--map-run <file>', 'the run, as `aws stepfunctions describe-map-run --map-run-arn ARN` printed it (JSON)')
    .option('--executions <file>', 'its children, as `aws stepfunctions list-executions --map-run-arn ARN` printed them: first child start and child spans')
    .option('--cost-usd <usd>', 'what the run cost, from the bill: compared with the predicted cost per run', parseCostUsd)
    .option('--throttles <n>', 'throttled invocations during the run (the function\'s CloudWatch Throttles)', parseThrottles)
    .option('--runs <n>', 'predicted runs (default 200)', parseRuns)
    .option('--seed <n>', 'seed of the prediction (default: the scenario\'s)', parseSeed)
    .option('--workers <n>', 'worker threads (default: one per core); results do not depend on it', parseWorkers)
    .option('--force', 'run even when the estimated work is far beyond a planning question (over 10^9 simulated events); without it such a run is refused with the estimate')
    .option('--json', 'print the versioned JSON result (docs/json-output.md) instead of the table')
    .option('--report [dir]', 'also write the report with a Back-test section and the actual run marked on the charts (default reports/<scenario name>-backtest/)')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  $ aws stepfunctions describe-map-run --map-run-arn "$ARN" > map-run.json',
        '  $ aws stepfunctions list-executions --map-run-arn "$ARN" > children.json',
        '  $ dmap backtest scenarios/noaa-weather.yaml --map-run map-run.json --executions children.json --report',
      ].join('\n'),
    )
  )
    .action(async (file: string, flags: BacktestFlags) => {
      const { runBacktestCommand } = await import('./commands/backtest-command.js');
      exitCode = await runBacktestCommand(file, flags, io);
    });

  addPricingFlags(program
    .command('workflow-type')
    .description('Standard or Express children? The cost per run of both across batch sizes, and the break-even.')
    .argument('<scenario>', 'scenario file (.yaml, .yml or .json)')
    .option('--batch-sizes <list>', 'items per batch to try, comma-separated (default 10,50,100,250,500,1000)', parseBatchSizes)
    .option('--runs <n>', 'replications per batch size and type (default 20)', parseRuns)
    .option('--seed <n>', 'seed shared by every point (common random numbers)', parseSeed)
    .option('--workers <n>', 'worker threads (default: one per core); results do not depend on it', parseWorkers)
    .option('--force', 'run even when the estimated work is far beyond a planning question (over 10^9 simulated events); without it such a run is refused with the estimate')
    .option('--json', 'print the versioned JSON result (docs/json-output.md) instead of the table')
    .option('--report [dir]', 'also write workflow-type.html, .md, .json and the chart (default reports/<scenario name>-workflow-type/)')
    .addHelpText('after', '\nExamples:\n  $ dmap workflow-type scenarios/reinvent-500k.yaml\n  $ dmap workflow-type scenarios/noaa-weather.yaml --batch-sizes 100,250,500,1000 --report')
  )
    .action(async (file: string, flags: WorkflowTypeFlags) => {
      const { runWorkflowTypeCommand } = await import('./commands/workflow-type-command.js');
      exitCode = await runWorkflowTypeCommand(file, flags, io);
    });

  addPricingFlags(program
    .command('compare')
    .description('Compare two options at P50 and P90, in money and time, line by line; guard CI with --fail-if.')
    .argument('<a>', 'option A: a scenario file, or a result saved with `dmap simulate --json`')
    .argument('<b>', 'option B: the same')
    .option('--runs <n>', 'replications of each scenario (default 100)', parseRuns)
    .option('--seed <n>', 'seed for both (common random numbers)', parseSeed)
    .option('--workers <n>', 'worker threads (default: one per core)', parseWorkers)
    .option('--force', 'run even when the estimated work is far beyond a planning question (over 10^9 simulated events); without it such a run is refused with the estimate')
    .option('--markdown', 'print GitHub Markdown, for a pull-request comment')
    .option('--json', 'print the comparison as JSON')
    .option('--fail-if <guard>', 'exit 1 when B breaches it, e.g. "cost-p90 > 10%", "time-p50 > 30s" (repeatable)', (text: string, previous: FailIf[] = []) => [
      ...previous,
      parseFailIf(text),
    ])
    .addHelpText(
      'after',
      '\nExamples:\n  $ dmap compare scenarios/reinvent-500k.yaml candidate.yaml --markdown\n  $ dmap compare baseline.json candidate.yaml --fail-if "cost-p90 > 10%" --fail-if "time-p90 > 5%"',
    )
  )
    .action(async (a: string, b: string, flags: CompareFlags) => {
      const { runCompareCommand } = await import('./commands/compare-command.js');
      exitCode = await runCompareCommand(a, b, flags, io);
    });

  addPricingFlags(program
    .command('price')
    .description('Price a usage document directly, with no simulation (finance checks, figures from elsewhere).')
    .argument('<usage>', 'usage document (.yaml, .yml or .json); see docs/pricing.md')
    .option('--json', 'print the line items and both totals as JSON')
    .option('--csv', 'print the line items as CSV, one row per line, with a header row')
    .addHelpText('after', '\nExamples:\n  $ dmap price examples/usage/lambda-pricing-example-1.yaml\n  $ dmap price usage.yaml --free-tier --csv > cost-lines.csv')
    , { runsPerMonth: false })
    .action(async (file: string, flags: PriceFlags) => {
      const { runPriceCommand } = await import('./commands/price-command.js');
      exitCode = await runPriceCommand(file, flags, io);
    });

  program
    .command('prices')
    .description('List the price catalogue: every price with its unit, source and confidence.')
    .option('--region <region>', 'only this Region')
    .option('--catalogue <file>', 'a catalogue file instead of the shipped one')
    .option('--json', 'print the catalogue as JSON')
    .addHelpText('after', '\nExample:\n  $ dmap prices --region eu-west-1')
    .action(async (flags: { region?: string; catalogue?: string; json?: boolean }) => {
      const { runPricesCommand } = await import('./commands/prices-command.js');
      exitCode = await runPricesCommand(flags, io);
    });

  addCurrencyFlags(program
    .command('reconcile')
    .description('Compare an estimate with an AWS bill line by line: by service and usage type, in money and percent, and what only one side has.')
    .argument('<result>', 'the estimate: a `dmap simulate --json` result (or a report\'s result.json), or `dmap price --json` output')
    .requiredOption('--bill <file>', 'the bill: a Cost and Usage Report (CUR 2.0 or legacy CUR, CSV, .csv.gz too) or a Cost Explorer CSV export grouped by usage type')
    .option('--format <format>', 'the bill\'s format, cur2 or cost-explorer (default: detected from the header)', parseBillFormat)
    .option('--runs <n>', 'Map Runs the bill covers (default: the result\'s runsPerMonth); the estimate is scaled to them', parseRuns)
    .option('--region <region>', 'only the bill\'s rows of this Region, for a CUR of a whole account', parseRegion)
    .option('--product <codes>', 'only the bill\'s rows of these product codes, e.g. AWSLambda,AmazonStates (repeatable; CUR only)', collectProducts)
    .option('--include-covered', 'compare usage covered by a Savings Plan or reservation as usage, at its on-demand cost (CUR only)')
    .option('--csv', 'print the reconciliation as CSV')
    .option('--json', 'print the reconciliation as versioned JSON (docs/json-output.md)')
    .option('--markdown', 'print GitHub Markdown, for a pull request or a wiki')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  $ dmap reconcile reports/nightly/result.json --bill cur-2025-10.csv.gz',
        '  $ dmap reconcile result.json --bill cost-explorer.csv --runs 31 --markdown',
        '  $ dmap reconcile result.json --bill cur.csv --region us-east-1 --product AWSLambda,AmazonStates,AmazonS3',
      ].join('\n'),
    )
  )
    .action(async (file: string, flags: ReconcileFlags) => {
      const { runReconcileCommand } = await import('./commands/reconcile-command.js');
      exitCode = await runReconcileCommand(file, flags, io);
    });

  program
    .command('import')
    .description('Write a scenario from a state machine definition (ASL) or a CloudFormation, SAM or CDK template, one per Distributed Map.')
    .argument('<definition>', 'ASL definition (.json, .yaml) or template holding AWS::StepFunctions::StateMachine or AWS::Serverless::StateMachine')
    .option('--out <path>', 'write the scenario to this file (atomically); with several Distributed Maps, a directory: one <name>.yaml each (default: stdout, separated by ---)')
    .option('--map <name>', 'import only this Distributed Map: its state name, its path (States.Process.Branches[1].States.Reindex), or its state machine\'s logical ID')
    .addHelpText(
      'after',
      [
        '',
        'What the definition cannot say (item counts, durations, the Region) is written as null under a',
        '# REQUIRED comment; what it sets only at run time (...Path fields, JSONata) under # runtime value.',
        'The notes on stderr say where every field came from and what is approximated.',
        '',
        'Examples:',
        '  $ dmap import statemachines/dmap-temperatures.asl.json --out noaa.yaml',
        '  $ dmap import template.yaml --map NOAAWeatherStateMachine --out noaa.yaml',
        '  $ dmap import cdk.out/MyStack.template.json --out scenarios/',
      ].join('\n'),
    )
    .action(async (file: string, flags: ImportFlags) => {
      const { runImportCommand } = await import('./commands/import-command.js');
      exitCode = await runImportCommand(file, flags, io);
    });

  program
    .command('calibrate')
    .description('Fit a scenario to what really happened: Lambda REPORT lines, Map Run records, AWS Lambda Power Tuning output.')
    .argument('<source...>', 'sources, kind detected from the content: REPORT lines (text export, filter-log-events JSON, Logs Insights CSV or JSON; FILE:N gives their batch size), DescribeMapRun, ListExecutions --map-run-arn, GetExecutionHistory of the parent, Power Tuning output')
    .option('--scenario <file>', 'a scenario to patch: its fitted fields are replaced, everything else is kept (default: write a new scenario)')
    .option('--out <file>', 'write the calibrated scenario to this file, atomically (.json: JSON; default: stdout)')
    .option('--batch-size <n>', 'items per invocation of logs without FILE:N (default: ListExecutions\' itemCount)', parseBatchSize)
    .option('--overhead-ms <ms>', 'time per invocation whatever its batch, when the logs show one batch size and cannot separate it (default 0)', parseOverheadMs)
    .option('--function <name>', 'fit functions.<name> of a long-form scenario instead of the lambda block')
    .option('--json', 'print every fit as versioned JSON (docs/json-output.md) instead of the summary')
    .addHelpText(
      'after',
      [
        '',
        'What each source tells and how it is fitted: docs/calibrate.md.',
        '',
        'Examples:',
        '  $ dmap calibrate logs-100.txt:100 logs-250.txt:250 --out calibrated.yaml',
        '  $ dmap calibrate events.json executions.json map-run.json --scenario scenarios/reinvent-500k.yaml --out calibrated.yaml',
        '  $ dmap calibrate insights.csv --batch-size 250 power-tuning.json --json',
      ].join('\n'),
    )
    .action(async (files: string[], flags: CalibrateFlags) => {
      const { runCalibrateCommand } = await import('./commands/calibrate-command.js');
      exitCode = await runCalibrateCommand(files, flags, io);
    });

  program
    .command('validate')
    .description('Check a scenario file and list every problem in it.')
    .argument('<scenario>', 'scenario file (.yaml, .yml or .json)')
    .addHelpText('after', '\nExample:\n  $ dmap validate scenarios/reinvent-500k.yaml')
    .action(async (file: string) => {
      const { runValidateCommand } = await import('./commands/validate-command.js');
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
