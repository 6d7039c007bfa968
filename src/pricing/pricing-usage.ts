/**
 * Usage in billing units, ready to price: what `dmap price` reads from a usage document
 * and what a simulated Map Run produces. Quantities are plain numbers of the unit each
 * price key is counted in (requests, transitions, GB-seconds, GB-hours, GB).
 */
import type { PriceKey } from './price-keys.js';

export interface UsageQuantity {
  key: PriceKey;
  /** Exact decimal, so derived quantities (ms × requests ÷ 1,000 × MB ÷ 1,024) carry no float noise. */
  quantity: string;
  /** How the quantity was derived, in words, for the line's formula. */
  derivation: string;
  /** Which function or part of the workload it belongs to, when several share a key. */
  label?: string;
}

export interface PricingUsage {
  region: string;
  quantities: UsageQuantity[];
}
