/**
 * Items read so far and not yet put into a batch: a counter, not a list, so a run of
 * ten million items keeps no object per item.
 */
export interface ItemSupply {
  /** Items read and waiting to be batched. */
  available: number;
  /** True once the reader has delivered its last item. */
  exhausted: boolean;
}
