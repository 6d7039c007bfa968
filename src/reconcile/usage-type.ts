/**
 * Reads a bill's usage type: its Region code, if any, and what is left, and finds the
 * price key it bills (usage-type-map.ts). Pure.
 */
import { REGION_BILLING_CODES } from './region-codes.js';
import { PRODUCT_NAMES, USAGE_TYPE_MAPPINGS, type UsageTypeMapping } from './usage-type-map.js';

export interface UsageTypeParts {
  /** The Region of the usage type's code ("USE1" → us-east-1); undefined without a code. */
  region: string | undefined;
  /** The usage type without the code: "Lambda-GB-Second", "USW2-AWS-Out-Bytes". */
  base: string;
}

const REGION_CODE = /^([A-Z]{2,4}\d?)-(.+)$/;

export function splitUsageType(usageType: string): UsageTypeParts {
  const match = REGION_CODE.exec(usageType);
  const region = match ? REGION_BILLING_CODES[match[1] as string] : undefined;
  return region ? { region, base: match?.[2] as string } : { region: undefined, base: usageType };
}

/** The mappings a usage type matches; any product when `product` is undefined (a Cost Explorer export). */
export function mappingsOf(product: string | undefined, base: string): UsageTypeMapping[] {
  return USAGE_TYPE_MAPPINGS.filter((m) => m.usageType.test(base) && (product === undefined || m.products.includes(product)));
}

/** A product whose lines reconcile reads; rows of any other product are skipped and counted. */
export function isReconciledProduct(product: string): boolean {
  return Object.hasOwn(PRODUCT_NAMES, product);
}

export function productName(product: string): string {
  return PRODUCT_NAMES[product] ?? product;
}

export const RECONCILED_PRODUCTS: readonly string[] = Object.keys(PRODUCT_NAMES).sort();
