/**
 * Writes a report directory so that nothing is lost: every file goes into a fresh
 * temporary sibling directory first; only when all are written does it take the
 * report's place (the previous report moved aside, then removed). A failure before the
 * swap removes the temporary directory and leaves the previous report untouched.
 */
import { chmod, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UserInputError } from '../errors.js';
import type { ReportFile } from '../report/report-file.js';
import { pathExists } from './path-exists.js';

export type { ReportFile } from '../report/report-file.js';

export async function writeReportDirectory(target: string, files: ReportFile[]): Promise<void> {
  const parent = dirname(target);
  await mkdir(parent, { recursive: true });
  const staging = await mkdtemp(join(parent, `.${basename(target)}.writing-`));
  try {
    // mkdtemp makes the directory private (0700); a report is for sharing.
    await chmod(staging, 0o755);
    for (const file of files) {
      const path = join(staging, file.path);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, file.content);
    }
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  const previous = (await pathExists(target)) ? `${staging}.previous` : undefined;
  if (previous) await rename(target, previous);
  try {
    await rename(staging, target);
  } catch (error) {
    if (previous) await rename(previous, target);
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  if (previous) await rm(previous, { recursive: true, force: true });
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
