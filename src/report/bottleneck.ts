/**
 * The one-line verdict on what bounds a Map Run: its largest cause along the critical
 * path, named in the words a user of that reader would use ("listing-bound" for S3
 * listing), with its share of the wall time and the next causes after it.
 */
import { BOUND_CAUSE_LABELS, BOUND_CAUSES, BOUND_VERDICTS, type BoundCause } from '../model/index.js';

export interface Bottleneck {
  /** e.g. "listing-bound" */
  verdict: string;
  cause: BoundCause;
  /** Share of the wall time, 0..1. */
  share: number;
  /** The other causes with a share of at least 5 %, largest first. */
  next: Array<{ cause: BoundCause; label: string; share: number }>;
}

const NOTABLE_SHARE = 0.05;

export function bottleneckOf(shares: Record<BoundCause, number>, readerSource: string): Bottleneck {
  const ranked = [...BOUND_CAUSES].sort((a, b) => shares[b] - shares[a] || BOUND_CAUSES.indexOf(a) - BOUND_CAUSES.indexOf(b));
  const cause = ranked[0] as BoundCause;
  const verdict = cause === 'reading' && readerSource === 's3ListObjectsV2' ? 'listing-bound' : BOUND_VERDICTS[cause];
  return {
    verdict,
    cause,
    share: shares[cause],
    next: ranked
      .slice(1)
      .filter((c) => shares[c] >= NOTABLE_SHARE)
      .map((c) => ({ cause: c, label: BOUND_CAUSE_LABELS[c], share: shares[c] })),
  };
}

const percent = (share: number) => `${Math.round(share * 100)} %`;

/** "listing-bound: 49 % of wall time (then child dispatch pace 33 %, the work itself 14 %)" */
export function describeBottleneck(b: Bottleneck): string {
  const next = b.next.map((n) => `${n.label} ${percent(n.share)}`).join(', ');
  return `${b.verdict}: ${percent(b.share)} of wall time${next ? ` (then ${next})` : ''}`;
}

/** "all items read after 56.1 s", or, when a failing Map Run stopped the reader, "reading stopped after 3.2 s, when the Map Run failed". */
export function readingPhrase(reader: { complete: boolean; readCompleteSeconds: number }, duration: (seconds: number) => string): string {
  return reader.complete ? `all items read after ${duration(reader.readCompleteSeconds)}` : `reading stopped after ${duration(reader.readCompleteSeconds)}, when the Map Run failed`;
}
