/**
 * What `dmap studio` puts into the page besides the code: the scenario as the CLI loaded
 * it (its text, for the saved file, and its parsed document, which the page validates
 * and changes exactly as the CLI would), the start's seed and run count, and what the
 * pricing flags gave: the scenario's pricing with them applied, the catalogue when one
 * was given, and the flags themselves for the command that reproduces the page.
 */
import type { PriceCatalogue } from '../pricing/catalogue-schema.js';
import type { Scenario } from '../scenario/scenario-schema.js';

export const STUDIO_DATA_FORMAT = 'dmap-planner/studio';
export const STUDIO_DATA_FORMAT_VERSION = 1;

export interface StudioData {
  format: typeof STUDIO_DATA_FORMAT;
  formatVersion: typeof STUDIO_DATA_FORMAT_VERSION;
  tool: { name: string; version: string };
  /** The scenario file as given on the command line. */
  file: string;
  /** Its text (for `--workload`, the scenario imported and completed, as YAML). */
  text: string;
  /** The document as parsed, before defaults. */
  document: unknown;
  seed: number;
  runs: number;
  /** With pricing flags: the scenario's pricing block with them applied (replaces the document's). */
  pricing?: Scenario['pricing'];
  /** With `--catalogue`: the catalogue, used instead of the shipped one. */
  catalogue?: PriceCatalogue;
  /** The pricing flags as given, repeated in the `dmap simulate` command the page shows. */
  pricingArgs?: string[];
}

/** Ids of the page's embedded JSON blocks. */
export const DATA_ELEMENT_ID = 'dmap-studio-data';
export const WORKER_ELEMENT_ID = 'dmap-studio-worker';
