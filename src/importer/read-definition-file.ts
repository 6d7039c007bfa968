/**
 * Reads a definition or template from disk, and the local files its SAM state machines
 * point at with DefinitionUri (relative to the template's folder). The only file reading
 * of the importer besides the workload file.
 */
import { dirname, join } from 'node:path';
import { readTextFile } from '../input/read-text-file.js';
import { isPending, parseDefinitionSource, parseDefinitionUriText, type LoadedDefinition } from './load-definition.js';

export async function readDefinitionFile(file: string): Promise<LoadedDefinition> {
  const source = parseDefinitionSource(await readTextFile(file, 'state machine definition'), file);
  const machines = [];
  for (const machine of source.machines) {
    if (!isPending(machine)) {
      machines.push(machine);
      continue;
    }
    const uriFile = join(dirname(file), machine.uri);
    machines.push(parseDefinitionUriText(machine, await readTextFile(uriFile, `definition of ${machine.logicalId} (DefinitionUri)`), uriFile));
  }
  return { ...source, machines };
}
