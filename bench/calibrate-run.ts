/**
 * One `dmap calibrate` run in its own process, so that its peak memory (maxRSS) is its
 * own: the built CLI, in process, on the sources given. Prints one JSON line: seconds
 * (the calibration alone, module loading excluded), peak RSS and the exit code.
 * Usage: tsx bench/calibrate-run.ts <source...>
 */
const { runCli } = await import('../dist/cli/program.js');
const args = process.argv.slice(2);
let err = '';
const start = process.hrtime.bigint();
const code = await runCli(['calibrate', ...args, '--json'], { out: () => undefined, err: (text: string) => (err += text) });
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
process.stdout.write(`${JSON.stringify({ code, seconds: Number(seconds.toFixed(2)), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024), err: err.slice(0, 500) })}\n`);
