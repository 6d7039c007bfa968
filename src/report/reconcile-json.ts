/**
 * `dmap reconcile --json`: the reconciliation as a versioned document (docs/json-output.md),
 * byte-identical for the same estimate, bill, flags and version.
 */
import type { Reconciliation } from '../reconcile/index.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';

export const RECONCILE_FORMAT = 'dmap-planner/reconcile';
export const RECONCILE_FORMAT_VERSION = 1;

export function buildReconciliationJson(r: Reconciliation, estimateFile: string) {
  return {
    format: RECONCILE_FORMAT,
    formatVersion: RECONCILE_FORMAT_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    estimateFile,
    ...r,
  };
}
