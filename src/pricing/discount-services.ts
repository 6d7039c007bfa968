/**
 * The services a negotiated discount can name, one per family of price keys (the key's
 * first segment): `--discount stepFunctions=5,lambda=12` or a scenario's
 * `pricing.discounts: { lambda: 12 }`. A private pricing agreement can discount services
 * differently, so one percentage on everything is not enough. Pure data.
 */
import { PRICE_KEY_NAMES, PRICE_KEYS, type PriceKey } from './price-keys.js';

export const DISCOUNT_SERVICES = [
  'stepFunctions',
  'lambda',
  's3',
  'cloudwatchLogs',
  'dataTransfer',
  'dynamodb',
  'sqs',
  'sns',
  'eventbridge',
  'fargate',
  'batch',
  'other',
  'bedrock',
] as const;

export type DiscountService = (typeof DISCOUNT_SERVICES)[number];

/** The discount service a price key belongs to: the key's first segment. */
export function discountServiceOf(key: PriceKey): DiscountService {
  return key.split('.')[0] as DiscountService;
}

/** The AWS name of a discount service, as its cost lines name it ("AWS Lambda"). */
export function discountServiceName(service: DiscountService): string {
  const key = PRICE_KEY_NAMES.find((k) => discountServiceOf(k) === service) as PriceKey;
  return PRICE_KEYS[key].service;
}
