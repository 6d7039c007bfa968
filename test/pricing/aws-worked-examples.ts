/**
 * AWS's own published worked pricing examples, recorded as test data for `dmap price`.
 *
 * Each entry gives the example's usage in the usage-document format, the dollar figures
 * the page prints (as strings, exactly as printed), and in `notes` the page's arithmetic
 * in words, re-checked by hand, plus the conventions the example uses (free tier, rounding,
 * month length, unit prices). All examples are us-east-1 (US East, N. Virginia).
 *
 * Conventions these examples show (see ../shared/reference/pricing.md §6):
 * - AWS rounds each line to cents and then adds the rounded lines; the only exception
 *   found is the Step Functions workshop, which prints an unrounded $0.075.
 * - The free tier is applied in some examples and ignored in others; `usage.freeTier`
 *   records which. No example below applies it to only some lines.
 * - Month length: 31-day months (10,000 × 24 × 31 messages) and 30-day months
 *   (users × 20 × 30 days) both appear; the usage here is already the month's total.
 * - Unit prices: pre-2020 examples use $0.00001667 per GB-s instead of $0.0000166667
 *   (see `unitPriceOverrides`).
 *
 * Where the text came from (the search corpora hold stored copies, not the live pages):
 * - Lambda pricing page, current examples: a verbatim copy of https://aws.amazon.com/lambda/pricing/
 *   kept in a public GitHub repository (a late-2025/2026 copy, it already has the
 *   Managed Instances, Durable Functions and MicroVMs sections). The stored aws.amazon.com
 *   copy agrees on Example 1's heading and inputs. A third-party pytest file checks
 *   the same totals ($2.73, $249.49).
 * - Lambda pricing page, pre-Dec-2020 version (128–3008 MB, 100 ms billing): the
 *   stored aws.amazon.com copy shows Example 1 in full and Example 2's inputs. Example 2's
 *   arithmetic comes from a third-party file that quotes it word for word.
 * - Step Functions pricing page: only the Express memory-estimate and duration example
 *   survives in the stored copies (a markdown rendering of aws.amazon.com/step-functions/pricing
 *   on mdsite.deno.dev). The copy is cut off right after the heading "Total monthly charges".
 * - AWS Step Functions Workshop (aws-samples/the-aws-step-functions-workshop,
 *   content/module-13/step-5/index.en.md, commit 1f1ba75f): read in full.
 * - "New for AWS Lambda – 1ms Billing Granularity Adds Cost Savings" (AWS News Blog):
 *   stored copies break off at "For this scenario, overall costs i…", so the blog's total
 *   sentence was not seen. The totals below add up the printed lines.
 *
 * SKIPPED. These examples exist but cannot be written as a usage document:
 * - Lambda page, Provisioned Concurrency Example 1 "Mobile application launch" ($19.96)
 *   and Example 2 "Routing customers … during Cyber Monday" ($32.26): PC charges and PC
 *   duration price ($0.0000097222/GB-s) are not in the format. Example 1 also subtracts
 *   the free tier from the non-PC part only.
 * - Lambda page, SnapStart "Enriching streaming telemetry…" ($263.92): SnapStart cache and
 *   restore charges. Its request and compute lines ($1.49, $248.00) equal on-demand
 *   Example 2 below.
 * - Lambda page, HTTP response streaming "Streaming Server Side Rendered Web Content"
 *   ($39.04): bytes-streamed charge ($0.008/GB, 1 GB = 1,024 MB) is not in the format.
 * - Lambda page, Lambda@Edge example ($6.63): separate price ($0.60/M, $0.00000625125
 *   per 128 MB-s).
 * - Lambda page, Managed Instances "High-throughput API service" ($160.36): EC2 instance
 *   and management-fee charges.
 * - Lambda page, Durable Functions insurance-claim example ($490.46): durable operations,
 *   data written and retained. Its compute line applies the 400,000 GB-s free tier to Arm
 *   (31,600,000 × $0.0000133334 = $421.34) and its request line the 1M free requests.
 * - Lambda page, Tenant isolation "Multi-tenant SaaS application" ($368.74): tenant-
 *   isolation charge ($0.000167 per environment per GB) is not in the format. It applies no free tier:
 *   10M requests × $0.2/M = $2; 20M GB-s × $0.0000166667 = $333.34.
 * - Lambda page, Provisioned Mode for ESM Examples 1–3 ($1,153.3, $580, $1,193.2): EPU-hour
 *   charges. Example 1 subtracts the 400,000 free GB-s but charges all 60M requests
 *   ($12.00). Examples 2–3 apply no free tier. All three use 30-day months
 *   (1M/day × 30), and Example 3 uses 720 h.
 * - Lambda page, MicroVMs Examples 1–2 ($1,241.22, $1,124.03): vCPU/memory-second and
 *   snapshot charges.
 *
 * NOT FOUND / NOT RECORDED (inputs or figures not retrievable; not invented):
 * - "Introducing tiered pricing for AWS Lambda": the example is x86, 2048 MB, "stock
 *   portfolio analysis". The stored copies end at "average fun[ction duration]", before the
 *   invocation count and dollar figures.
 * - "Building cost-effective AWS Step Functions workflows": the stored copies end before
 *   the Standard vs Express cost figures for the 1,000-execution e-commerce workflow.
 * - "AWS Lambda standardizes billing for INIT Phase": no dollar example seen. The blog only
 *   says INIT happens in under 1% of invocations.
 * - Step Functions pricing page Standard-workflow examples and the other Express example:
 *   the page refers to "Pricing examples 3 and 4". Only the example below was retrievable.
 * - Pre-2020 Lambda page Example 3 (three functions of 128/448/1024 MB): not seen in any
 *   stored copy.
 */

/** The usage-document format `dmap price` reads (the input form of src/pricing/usage-document.ts). */
export interface UsageDocument {
  region: string;
  freeTier: boolean;
  lambda?: Array<{
    name?: string;
    architecture: 'x86_64' | 'arm64';
    memoryMb: number;
    requests: number;
    averageDurationMs?: number;
    gbSeconds?: number;
    ephemeralStorageMb?: number;
  }>;
  stepFunctions?: {
    standardTransitions?: number;
    express?: { requests: number; averageBilledDurationMs: number; billedMemoryMb: number };
  };
  s3?: { listRequests?: number; getRequests?: number; putRequests?: number };
  cloudwatchLogs?: { ingestedGb: number };
}

export interface WorkedExample {
  /** Short title, as on the page. */
  title: string;
  /** The page the example is on. */
  url: string;
  /** The usage, in dmap-planner's usage-document format. */
  usage: UsageDocument;
  /** The total the page publishes, in USD, as a string exactly as printed (e.g. "18.34"). */
  expectedTotalUsd: string;
  /** Line figures the page publishes, when it does: price key -> USD string as printed. */
  expectedLinesUsd?: Record<string, string>;
  /** Which choices the example makes: free tier applied or not (and to what), rounding (per line to cents, or exact), month length, tier assumptions, shortened unit prices, anything odd. */
  notes: string;
  /** Unit prices the example itself uses when they differ from the list price (e.g. '0.00001667' per GB-s): price key -> USD string, in the same `per` as the catalogue. */
  unitPriceOverrides?: Record<string, { usd: string; per: string }>;
}

const LAMBDA_PRICING = 'https://aws.amazon.com/lambda/pricing/';
const SFN_PRICING = 'https://aws.amazon.com/step-functions/pricing/';
const LAMBDA_1MS_BLOG = 'https://aws.amazon.com/blogs/aws/new-for-aws-lambda-1ms-billing-granularity-adds-cost-savings/';
const SFN_WORKSHOP =
  'https://github.com/aws-samples/the-aws-step-functions-workshop/blob/main/content/module-13/step-5/index.en.md';

export const AWS_WORKED_EXAMPLES: WorkedExample[] = [
  // ---------------------------------------------------------------- Lambda pricing page (current)
  {
    title: 'Example 1: Mobile application backend',
    url: LAMBDA_PRICING,
    usage: {
      region: 'us-east-1',
      freeTier: true,
      lambda: [{ name: 'food-ordering backend', architecture: 'x86_64', memoryMb: 1536, requests: 3_000_000, averageDurationMs: 120 }],
    },
    expectedTotalUsd: '2.73',
    expectedLinesUsd: { 'lambda.duration.x86_64': '2.33', 'lambda.request': '0.40' },
    notes:
      'Free tier applied to both lines: 400,000 GB-s and 1M requests. ' +
      'Compute: 3M requests × 120 ms = 360,000 s; × 1536/1024 GB = 540,000 GB-s; minus 400,000 free = 140,000 GB-s × $0.0000166667 = $2.333338 → $2.33. ' +
      'Requests: 3M − 1M free = 2M × $0.20/M = $0.40. Total $2.33 + $0.40 = $2.73 (lines rounded to cents, then summed). ' +
      'Reproduces. x86, list price, first tier, per-month quantities (no month-length assumption needed). ' +
      'Older versions of the page used the same scenario; the current text says "on an x86 based processor".',
  },
  {
    title: 'Example 2: Enriching streaming telemetry with additional metadata',
    url: LAMBDA_PRICING,
    usage: {
      region: 'us-east-1',
      freeTier: false,
      lambda: [{ name: 'telemetry inference', architecture: 'x86_64', memoryMb: 1024, requests: 7_440_000, averageDurationMs: 2000 }],
    },
    expectedTotalUsd: '249.49',
    expectedLinesUsd: { 'lambda.request': '1.49', 'lambda.duration.x86_64': '248.00' },
    notes:
      'No free tier applied to either line, although the page applies it in Examples 1 and 3. ' +
      '31-day month: 10,000 vehicles × 24 messages/day × 31 days = 7,440,000 requests. ' +
      'Requests: 7.44M × $0.20/M = $1.488, printed "$1.488 ~= $1.49", so the line is rounded to cents. ' +
      'Compute: 7.44M × 2 s = 14.88M s; × 1024/1024 GB = 14.88M GB-s × $0.0000166667 = $248.000496 → $248.00. ' +
      'Total $1.49 + $248.00 = $249.49. Reproduces. ' +
      'Typo on the page: "14.88M seconds * 1024 MB/1024 MB = 14.88 GB-s" leaves out the "M". The next line uses 14.88M GB-s. ' +
      'The 512 MB ML model is packaged with the function; it is not ephemeral storage, and ephemeral storage stays at the free 512 MB.',
  },
  {
    title: 'Example 3: Performing ML on customer support tickets and interactions to improve customer experience',
    url: LAMBDA_PRICING,
    usage: {
      region: 'us-east-1',
      freeTier: true,
      lambda: [
        {
          name: 'BERT inference',
          architecture: 'x86_64',
          memoryMb: 4096,
          requests: 6_000_000,
          averageDurationMs: 280,
          ephemeralStorageMb: 2048,
        },
      ],
    },
    expectedTotalUsd: '106.41',
    expectedLinesUsd: { 'lambda.duration.x86_64': '105.33', 'lambda.request': '1', 'lambda.ephemeralStorage': '0.08' },
    notes:
      'Free tier applied to compute (400,000 GB-s) and requests (1M). Ephemeral storage has no free tier, only the free 512 MB per function. ' +
      'Compute: 6M × 280 ms = 1,680,000 s; × 4096/1024 = 6,720,000 GB-s; minus 400,000 = 6,320,000 GB-s × $0.0000166667 = $105.333544 → $105.33. ' +
      'Requests: 6M − 1M = 5M × $0.2/M = $1, printed "$1" without cents. ' +
      'Ephemeral storage: 2048 MB configured − 512 MB free = 1536 MB; 1,680,000 s × 1536/1024 = 2,520,000 GB-s × $0.0000000309 = $0.077868 → $0.08. ' +
      'Total $105.33 + $1 + $0.08 = $106.41. Reproduces. ' +
      'Oddity: the total line reads "Compute charges + Request charges = $105.33 + $1 + $0.08": the label leaves out the ephemeral-storage term but the sum includes it. ' +
      'The ephemeral line is based on execution seconds (requests × duration), not on GB-s of memory.',
  },

  // ------------------------------------------------ Lambda pricing page, pre-December-2020 version
  {
    title: 'Example 1 (pre-Dec-2020 page: 512 MB, 3M invocations, 1 s)',
    url: LAMBDA_PRICING,
    usage: {
      region: 'us-east-1',
      freeTier: true,
      lambda: [{ architecture: 'x86_64', memoryMb: 512, requests: 3_000_000, averageDurationMs: 1000 }],
    },
    expectedTotalUsd: '18.74',
    expectedLinesUsd: { 'lambda.duration.x86_64': '18.34', 'lambda.request': '0.40' },
    unitPriceOverrides: { 'lambda.duration.x86_64': { usd: '0.00001667', per: '1' } },
    notes:
      'Historical version of the page (memory 128–3008 MB in 64 MB steps, billed in 100 ms steps; 1 s is already a whole number of steps). ' +
      'Free tier applied to both lines. ' +
      'Compute: 3M × 1 s = 3,000,000 s; × 512/1024 = 1,500,000 GB-s; minus 400,000 = 1,100,000 GB-s × $0.00001667 = $18.337 → $18.34. ' +
      'Requests: 3M − 1M = 2M × $0.2/M = $0.40. Total $18.34 + $0.40 = $18.74. ' +
      'Reproduces only with the shortened unit price $0.00001667 that the page uses. ' +
      'With the list price $0.0000166667 the compute line is $18.33337 → $18.33 and the total $18.73, one cent lower.',
  },
  {
    title: 'Example 2 (pre-Dec-2020 page: 128 MB, 30M invocations, 200 ms)',
    url: LAMBDA_PRICING,
    usage: {
      region: 'us-east-1',
      freeTier: true,
      lambda: [{ architecture: 'x86_64', memoryMb: 128, requests: 30_000_000, averageDurationMs: 200 }],
    },
    expectedTotalUsd: '11.63',
    expectedLinesUsd: { 'lambda.duration.x86_64': '5.83', 'lambda.request': '5.80' },
    unitPriceOverrides: { 'lambda.duration.x86_64': { usd: '0.00001667', per: '1' } },
    notes:
      'Historical version of the page. Inputs (128 MB, 30M executions, 200 ms) come from the stored aws.amazon.com copy. ' +
      'The arithmetic comes from a third-party file that quotes it word for word, because the stored page copy breaks off first. ' +
      'Free tier applied to both lines. ' +
      'Compute: 30M × 0.2 s = 6,000,000 s; × 128/1024 = 750,000 GB-s; minus 400,000 = 350,000 GB-s × $0.00001667 = $5.8345 → $5.83. ' +
      'Requests: 30M − 1M = 29M × $0.2/M = $5.80. Total $5.83 + $5.80 = $11.63. ' +
      'Reproduces with either unit price: the list price gives 350,000 × $0.0000166667 = $5.833345 → $5.83.',
  },

  // ------------------------------------------------------------- Lambda 1 ms billing blog (Dec 2020)
  {
    title: 'New for AWS Lambda – 1ms Billing Granularity Adds Cost Savings (28 ms, 1 ms billing)',
    url: LAMBDA_1MS_BLOG,
    usage: {
      region: 'us-east-1',
      freeTier: false,
      lambda: [{ name: 'web/mobile app', architecture: 'x86_64', memoryMb: 1024, requests: 60_000_000, averageDurationMs: 28 }],
    },
    expectedTotalUsd: '40',
    expectedLinesUsd: { 'lambda.request': '12', 'lambda.duration.x86_64': '28' },
    notes:
      'Free tier ignored on purpose: "For simplicity, I am not considering the Lambda free tier." ' +
      '30-day month: 100,000 users × 20 invocations/day × 30 days = 60 million invocations. ' +
      'Requests: 60M × $0.20/M = $12. Compute: 60M × 28 ms × 1 GB = 1,680,000 GB-s × $0.0000166667 = $28.000056, printed "$28" (whole dollars). ' +
      'TOTAL NOT SEEN: the stored copies break off at "For this scenario, overall costs i…". ' +
      '"40" adds the two printed lines ($12 + $28); check it against the live blog. ' +
      'Memory "1G" is taken as 1024 MB. Duration is the billed duration (27.55 ms rounded up to 28 ms).',
  },
  {
    title: 'New for AWS Lambda – 1ms Billing Granularity Adds Cost Savings (same app under the old 100 ms rounding)',
    url: LAMBDA_1MS_BLOG,
    usage: {
      region: 'us-east-1',
      freeTier: false,
      lambda: [{ name: 'web/mobile app (100 ms billing)', architecture: 'x86_64', memoryMb: 1024, requests: 60_000_000, averageDurationMs: 100 }],
    },
    expectedTotalUsd: '112',
    expectedLinesUsd: { 'lambda.request': '12', 'lambda.duration.x86_64': '100' },
    notes:
      'The blog\'s counterfactual: the same 60M invocations billed before Dec 2020, when each 28 ms run was rounded up to 100 ms. ' +
      'averageDurationMs is therefore the billed 100 ms. ' +
      'No free tier. 30-day month (100,000 users × 20/day × 30). ' +
      'Requests: 60M × $0.20/M = $12. Compute: 60M × 100 ms × 1 GB = 6,000,000 GB-s × $0.0000166667 = $100.0002, printed "$100". ' +
      'TOTAL NOT SEEN (stored copies are cut off mid-sentence). "112" adds the printed lines ($12 + $100); check it against the live blog.',
  },

  // ------------------------------------------------------------------ Step Functions pricing page
  {
    title: 'Express Workflows: estimating memory (50 KB definition, 400 Map steps × 32 KB) and 100 million workflows × 10 s',
    url: SFN_PRICING,
    usage: {
      region: 'us-east-1',
      freeTier: false,
      stepFunctions: { express: { requests: 100_000_000, averageBilledDurationMs: 10_000, billedMemoryMb: 64 } },
    },
    expectedTotalUsd: '482.97',
    expectedLinesUsd: { 'stepFunctions.express.request': '100.00', 'stepFunctions.express.duration': '382.97' },
    notes:
      'Memory estimate: 50 MB + 50 KB definition + 32 KB × 400 Map steps = 50 MB + 50 KB + 12,800 KB = 62.85 MB. ' +
      'That uses 1 MB = 1,000 KB; billed in 64 MB chunks → 64 MB. ' +
      'Requests: 100M × $1.00/M = $100.00. ' +
      'Duration: 100M × 10 s = 1,000,000,000 s; × 64/1024 GB = 62,500,000 GB-s; ÷ 60 ÷ 60 = 17,361.11 GB-hours. ' +
      'Tiers on the monthly total: 1,000 GB-h × $0.06000 = $60.00; next 4,000 GB-h × $0.03000 = $120.00; remaining 12,361.11 GB-h × $0.01642 = $202.97. ' +
      'Duration line $382.97. Each tier line is rounded to cents; GB-hours are shown to 2 dp, and using 12,361.111… instead gives the same $202.97. ' +
      'Express has no free tier. ' +
      'TOTAL: the stored copy (a markdown rendering that also garbles "$60.00 + $120.00 + $202.97" as "60.00+60.00+60.00+120.00+$202.97") ends at the heading "Total monthly charges". ' +
      '"482.97" adds the published lines ($100.00 + $382.97); check it against the live page. ' +
      'Unlike a DMap child, this example assumes the whole month\'s Express usage comes from this one workflow, so all three duration tiers apply.',
  },

  // -------------------------------------------------- AWS Step Functions Workshop, module 13 (AWS's own)
  {
    title: 'Review the Cost Impact: Original Workflow (3 Standard steps × 1,000 executions)',
    url: SFN_WORKSHOP,
    usage: {
      region: 'us-east-1',
      freeTier: false,
      stepFunctions: { standardTransitions: 3_000 },
    },
    expectedTotalUsd: '0.075',
    expectedLinesUsd: { 'stepFunctions.standard.transition': '0.075' },
    notes:
      'The 3 transitions per execution are only the extra steps that nesting removes, not the whole workflow\'s transitions. ' +
      'Total = (3 × 1,000) × $0.000025 = $0.075. ' +
      'Free tier explicitly not applied: "this does not include the 4,000 state transitions included in the AWS Free Tier". With it applied the charge would be $0.00. ' +
      'ROUNDING: printed exact, to a tenth of a cent ($0.075), not rounded to cents. A calculator that rounds each line to cents shows $0.08 (both half-up and half-even give $0.08 in decimal arithmetic; binary floats may give $0.07). ' +
      'Compare at full precision, or accept $0.08 at cent rounding. N. Virginia price $0.025 per 1,000.',
  },
  {
    title: 'Review the Cost Impact: Nested Express Workflow (1,000 executions × 11,300 ms, 64 MB)',
    url: SFN_WORKSHOP,
    usage: {
      region: 'us-east-1',
      freeTier: false,
      stepFunctions: { express: { requests: 1_000, averageBilledDurationMs: 11_300, billedMemoryMb: 64 } },
    },
    expectedTotalUsd: '0.01',
    unitPriceOverrides: { 'stepFunctions.express.duration': { usd: '0.0600192', per: '1' } },
    notes:
      'The workshop prices per request, with a per-100 ms price for 64 MB of $0.0000001042. ' +
      'Duration cost per request = (11,300 ms / 100) × $0.0000001042 = $0.0000117746; execution cost $0.000001 per request. ' +
      'Total = ($0.000001 + $0.0000117746) × 1,000 = $0.0127746, printed "$0.01". The total is rounded to cents; no separate line totals are printed. ' +
      'The $0.0000001042 per 100 ms at 64 MB equals $0.000016672 per GB-s = $0.0600192 per GB-hour (override, per GB-hour). ' +
      'That is $0.06/GB-h (≈ $0.00001667/GB-s) rounded up at the 10th decimal. ' +
      'With the list price: 1,000 × 11.3 s × 64/1024 GB = 706.25 GB-s = 0.196181 GB-h × $0.06 = $0.011771, plus requests 1,000 × $1.00/M = $0.001. ' +
      'Total $0.012771, also → $0.01. Per-line cent rounding would give $0.01 + $0.00 = $0.01. ' +
      'No free tier (Express has none). First duration tier only. ' +
      'The workshop concludes the Standard steps cost "7.5x more" ($0.075 vs $0.01).',
  },
];
