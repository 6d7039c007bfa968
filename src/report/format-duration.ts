/**
 * Durations as people read them: `850 ms`, `12.4 s`, `2 m 11 s`, `1 h 02 m 03 s`.
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${trimZero((ms / 1000).toFixed(1))} s`;
  const totalSeconds = Math.round(ms / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (hours === 0) return `${minutes} m ${seconds} s`;
  return `${hours} h ${pad(minutes)} m ${pad(seconds)} s`;
}

/** Whole numbers with thousands separators, always in the same locale so output is stable. */
export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function trimZero(text: string): string {
  return text.endsWith('.0') ? text.slice(0, -2) : text;
}
