/** Whether something (file or directory) is at `path`. */
import { stat } from 'node:fs/promises';

export async function pathExists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
