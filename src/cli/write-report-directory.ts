/**
 * Writes a report directory so that nothing is lost, even to `kill -9` or a power cut
 * mid-write: the report path is a symbolic link to a hidden sibling directory holding
 * one complete version of the report, and a new version replaces it in one atomic step.
 *
 * On disk, for `--report reports/nightly`:
 *
 *     reports/nightly -> .nightly.report-Ab12Cd      (a relative symbolic link)
 *     reports/.nightly.report-Ab12Cd/report.html ...  (the files)
 *
 * Every file is written into a fresh `.nightly.report-XXXXXX`; only when all are written
 * does a new link to it, made beside the old one, take the report path's place by
 * rename(2), which replaces an existing link atomically on Linux (and any POSIX file
 * system): at every moment the path shows the old complete report or the new one. The
 * old version is removed afterwards, with anything an interrupted write left behind. A
 * failure before the swap removes the new directory and leaves the previous report
 * untouched. A report path that is a real directory (written by an older dmap) is moved
 * aside just before the first swap; only that one replacement is not atomic. One writer
 * at a time per report path.
 */
import { chmod, lstat, mkdir, mkdtemp, readdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UserInputError } from '../errors.js';
import type { ReportFile } from '../report/report-file.js';

export type { ReportFile } from '../report/report-file.js';

export async function writeReportDirectory(target: string, files: ReportFile[]): Promise<void> {
  const parent = dirname(target);
  const versionPrefix = `.${basename(target)}.report-`;
  await mkdir(parent, { recursive: true });
  const staging = await mkdtemp(join(parent, versionPrefix));
  const link = `${staging}.link`;
  let legacy: string | undefined;
  try {
    // mkdtemp makes the directory private (0700); a report is for sharing.
    await chmod(staging, 0o755);
    for (const file of files) {
      const path = join(staging, file.path);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, file.content);
    }
    const existing = await lstat(target).catch(() => undefined);
    if (existing && !existing.isSymbolicLink()) {
      if (!existing.isDirectory()) throw Object.assign(new Error(`${target} is a file`), { code: 'EEXIST' });
      legacy = `${staging}.previous`;
      await rename(target, legacy);
    }
    await symlink(basename(staging), link);
    await rename(link, target);
  } catch (error) {
    if (legacy) await rename(legacy, target);
    await rm(link, { force: true });
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  // The swap is done: what remains of earlier versions and interrupted writes goes.
  const current = basename(staging);
  for (const entry of await readdir(parent)) {
    if (entry.startsWith(versionPrefix) && entry !== current) await rm(join(parent, entry), { recursive: true, force: true });
  }
}

const FILE_ERRORS: Record<string, string> = {
  EEXIST: 'a file is in the way of the directory',
  ENOTDIR: 'a file is in the way of the directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
};

/**
 * writeReportDirectory for a command: a directory that cannot be written is the user's
 * to fix, not a bug, so it becomes a UserInputError naming `--report` and the reason.
 */
export async function writeReportForUser(target: string, files: ReportFile[]): Promise<void> {
  try {
    await writeReportDirectory(target, files);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const reason = FILE_ERRORS[code] ?? (error as Error).message;
    throw new UserInputError([{ field: '--report', message: `cannot write the report there (${reason}); the previous report, if any, is untouched`, value: target }]);
  }
}
