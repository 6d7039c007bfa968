/**
 * The flags of `dmap reconcile` that are its own: the bill's format, a Region and product
 * codes to keep. A bad value is a UserInputError naming the flag.
 */
import { UserInputError } from '../errors.js';
import { BILL_FORMATS, type BillFormat } from '../reconcile/bill-format.js';
import { RECONCILED_PRODUCTS } from '../reconcile/usage-type.js';

export function parseBillFormat(text: string): BillFormat {
  const value = text.trim() as BillFormat;
  if (!BILL_FORMATS.includes(value)) throw new UserInputError([{ field: '--format', message: `must be one of ${BILL_FORMATS.join(', ')}`, value: text }]);
  return value;
}

export function parseRegion(text: string): string {
  const value = text.trim();
  if (!/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(value)) throw new UserInputError([{ field: '--region', message: 'must be an AWS Region code such as us-east-1', value: text }]);
  return value;
}

/** `--product AWSLambda,AmazonStates --product AmazonS3`: every product code named, once. */
export function collectProducts(text: string, previous: string[] = []): string[] {
  const codes = text.split(',').map((c) => c.trim());
  for (const code of codes) {
    if (!RECONCILED_PRODUCTS.includes(code)) {
      throw new UserInputError([{ field: '--product', message: `must be a product code reconcile reads: ${RECONCILED_PRODUCTS.join(', ')}`, value: code }]);
    }
  }
  return [...new Set([...previous, ...codes])];
}
