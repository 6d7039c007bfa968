import { createHash } from 'node:crypto';

/** SHA-256 of a file's text, to tell which version of a scenario a result came from. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
