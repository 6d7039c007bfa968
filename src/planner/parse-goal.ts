/**
 * Goals as people write them: a deadline such as `10m`, `90s`, `1h30m` or `600` (seconds),
 * and a budget in USD per run such as `5` or `$0.50`.
 */
export function parseDeadlineSeconds(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  const parts = [...trimmed.matchAll(/(\d+(?:\.\d+)?)\s*(ms|h|m|s)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== trimmed.replace(/\s+/g, '')) return undefined;
  const unitSeconds: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 0.001 };
  const seconds = parts.reduce((sum, p) => sum + Number(p[1]) * (unitSeconds[p[2] as string] as number), 0);
  return seconds > 0 ? seconds : undefined;
}

export function parseBudgetUsd(text: string): number | undefined {
  const match = /^\$?(\d+(?:\.\d+)?)$/.exec(text.trim());
  const value = match ? Number(match[1]) : NaN;
  return value > 0 ? value : undefined;
}
