/**
 * Preloaded (`node --import`) by test/cli/report-interruption.test.ts: makes each file
 * operation a report write uses take longer and announce itself on stderr ("dmap-fs:
 * rename"), so a kill -9 lands between any two of them with a fair chance. Renames,
 * links and removals, where a report is swapped and where atomicity is won or lost, take
 * longest: the window between two renames otherwise lasts microseconds. Timing only:
 * every operation still runs as it would.
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const SWAP = new Set(['rename', 'symlink', 'rm']);
for (const name of ['mkdtemp', 'mkdir', 'chmod', 'writeFile', 'lstat', 'rename', 'rm', 'symlink', 'readdir']) {
  const original = fs.promises[name];
  fs.promises[name] = async (...args) => {
    process.stderr.write(`dmap-fs: ${name}\n`);
    await new Promise((resolve) => setTimeout(resolve, SWAP.has(name) ? 250 : 10));
    return original(...args);
  };
}
syncBuiltinESMExports();
