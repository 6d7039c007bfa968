/**
 * One row of a bill as reconcile reads it, whatever the file's format, and the strict
 * reading of its amounts: a malformed amount stops the run with the file and line. Pure.
 */
import { UserInputError } from '../errors.js';
import { Money } from '../pricing/decimal.js';

/** A record of the CSV and the line of the file it starts on. */
export interface CsvRecord {
  fields: string[];
  line: number;
}

export interface BillRow {
  line: number;
  /** `line_item_product_code`; '' when the file has none (Cost Explorer). */
  product: string;
  usageType: string;
  /** `line_item_line_item_type`: Usage, Tax, Credit, SavingsPlanCoveredUsage, ... */
  lineItemType: string;
  /** In the usage type's unit; undefined when the file has costs only. */
  usageAmount: Money | undefined;
  costUsd: Money;
  /** `product_region_code` when the file has it and it is set. */
  regionCode: string | undefined;
  pricingUnit: string | undefined;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
/** "1,234.56" as Cost Explorer may write it, quoted. */
const GROUPED_NUMBER = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/;

/** An amount of a bill: a decimal number ("0.75", "-5", "4.1E-7"); '' is `empty`. */
export function parseAmount(text: string, where: { file: string; line: number; field: string }, empty?: Money): Money {
  const trimmed = text.trim();
  if (trimmed === '' && empty !== undefined) return empty;
  if (NUMBER.test(trimmed)) return new Money(trimmed);
  if (GROUPED_NUMBER.test(trimmed)) return new Money(trimmed.replace(/,/g, ''));
  throw new UserInputError([
    { file: where.file, line: where.line, field: where.field, message: trimmed === '' ? 'is empty; a number is required' : 'must be a number', value: text },
  ]);
}

/** An amount of a row that is skipped anyway: its cost when it reads as a number, else nothing. */
export function amountIfNumber(text: string | undefined): Money | undefined {
  const trimmed = (text ?? '').trim();
  return NUMBER.test(trimmed) ? new Money(trimmed) : undefined;
}
