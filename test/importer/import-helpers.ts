/** Shared by the importer tests: import a fixture as `dmap import` does, and show notes one per line. */
import { importDefinition, type DefinitionImport } from '../../src/importer/import-definition.js';
import type { ImportNote } from '../../src/importer/import-notes.js';
import { readDefinitionFile } from '../../src/importer/read-definition-file.js';

export const FIXTURES = 'test/fixtures/asl';

export async function importFixture(path: string, map?: string): Promise<DefinitionImport> {
  return importDefinition(await readDefinitionFile(`${FIXTURES}/${path}`), map !== undefined ? { map } : {});
}

/** `kind field: message [from]`, the form the expectations are written in. */
export function noteLines(notes: ImportNote[]): string[] {
  return notes.map((n) => `${n.kind} ${n.field}: ${n.message}${n.from ? ` [${n.from}]` : ''}`);
}

/** The notes every imported map ends with: the two Lambda durations are always asked for. */
export const DURATION_NOTES = [
  'required lambda.invocationOverheadMs: time one invocation spends regardless of its batch size, in ms (a number or a distribution): a workload fact no definition holds',
  'required lambda.perItemDurationMs: average time per item within one invocation, in ms (a number or a distribution): a workload fact no definition holds',
];

/** The notes of a function named by ARN or placeholder whose settings the definition cannot give. */
export function functionSettingsRequired(reason: string): string[] {
  return [
    `required lambda: the function's memory, architecture and timeout: ${reason}`,
    "required lambda.memoryMb: the function's MemorySize, in MB",
    "required lambda.architecture: the function's architecture: x86_64 or arm64",
    "required lambda.timeoutSeconds: the function's Timeout, in seconds",
  ];
}

export const REGION_REQUIRED =
  'required region: the AWS Region the state machine runs in, e.g. us-east-1: the definition does not name it, and it sets quotas and prices';

export const NULL_LAMBDA = { memoryMb: null, architecture: null, timeoutSeconds: null, invocationOverheadMs: null, perItemDurationMs: null };
