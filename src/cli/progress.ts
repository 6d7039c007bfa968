/**
 * A progress bar on stderr for long runs, only when stderr is a terminal and the output
 * is not JSON and not in CI: logs and pipes stay clean.
 */
import { SingleBar } from 'cli-progress';

export function progressReporter(enabled: boolean, what = 'simulating', unit = 'runs'): { update: (done: number, total: number) => void; stop: () => void } | undefined {
  if (!enabled || !process.stderr.isTTY || process.env.CI) return undefined;
  const bar = new SingleBar({
    stream: process.stderr,
    format: `${what} {bar} {value}/{total} ${unit}`,
    barsize: 30,
    hideCursor: true,
    clearOnComplete: true,
  });
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, done);
        started = true;
      }
      bar.setTotal(total);
      bar.update(done);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
