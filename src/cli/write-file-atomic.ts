/**
 * Writes a file so that nobody ever sees half of it: into a temporary file beside it,
 * then renamed over it (a rename within a directory is atomic). A failure leaves the
 * previous file untouched and becomes a UserInputError naming the file and the reason.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UserInputError } from '../errors.js';

export async function writeFileAtomic(path: string, text: string, what = 'file'): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(temporary, text, 'utf8');
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw new UserInputError([{ file: path, message: `cannot write the ${what}: ${(error as Error).message}` }]);
  }
}
