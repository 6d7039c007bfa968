/** The bill formats `dmap reconcile` reads (`--format`). */
export const BILL_FORMATS = ['cur2', 'cost-explorer'] as const;
export type BillFormat = (typeof BILL_FORMATS)[number];
