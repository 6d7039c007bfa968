/**
 * `dmap import <definition>`: writes a scenario for each Distributed Map of a state
 * machine definition or template, with what it could read filled in and what it could
 * not marked REQUIRED. The YAML goes to stdout or --out; what was found, and where every
 * field came from, goes to stderr.
 */
import { stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { UserInputError } from '../../errors.js';
import { fieldsToFill, importDefinition, type DefinitionImport, type ImportedMap } from '../../importer/import-definition.js';
import type { ImportNote } from '../../importer/import-notes.js';
import { plural } from '../../importer/json-value.js';
import { readDefinitionFile } from '../../importer/read-definition-file.js';
import { ExitCode } from '../exit-codes.js';
import { writeFileAtomic } from '../write-file-atomic.js';
import type { CliOutput } from '../output.js';
import { slug } from './simulate-command.js';

export interface ImportFlags {
  /** A file for one scenario; a directory for several. */
  out?: string;
  /** Import only this Distributed Map (state name, path or state machine). */
  map?: string;
}

export async function runImportCommand(file: string, flags: ImportFlags, io: CliOutput): Promise<number> {
  const definition = await readDefinitionFile(file);
  const result = importDefinition(definition, flags.map !== undefined ? { map: flags.map } : {});
  io.err(renderFound(result));
  for (const imported of result.maps) io.err(renderNotes(imported));

  if (flags.out === undefined) {
    io.out(result.maps.map((m) => m.yaml).join('---\n'));
  } else if (result.maps.length === 1 && !(await isDirectory(flags.out))) {
    await writeFileAtomic(flags.out, (result.maps[0] as ImportedMap).yaml, 'scenario');
    io.out(`${wroteLine(flags.out, result.maps[0] as ImportedMap)}\n`);
  } else {
    if (!(await isDirectory(flags.out)) && /\.(ya?ml|json)$/i.test(extname(flags.out))) {
      throw new UserInputError([
        {
          field: '--out',
          message: `must be a directory: ${file} has ${plural(result.maps.length, 'Distributed Map')} (${result.maps.map((m) => m.map.id).join(', ')}); give a directory for one file each, or pick one with --map`,
          value: flags.out,
        },
      ]);
    }
    const used = new Set<string>();
    for (const imported of result.maps) {
      let name = slug(String(imported.document['name']));
      for (let n = 2; used.has(name); n++) name = `${slug(String(imported.document['name']))}-${n}`;
      used.add(name);
      const path = join(flags.out, `${name}.yaml`);
      await writeFileAtomic(path, imported.yaml, 'scenario');
      io.out(`${wroteLine(path, imported)}\n`);
    }
  }
  return ExitCode.ok;
}

function wroteLine(path: string, imported: ImportedMap): string {
  const toFill = fieldsToFill(imported);
  return toFill.length === 0
    ? `Wrote ${path} (${imported.map.id}); check it with \`dmap validate ${path}\`.`
    : `Wrote ${path} (${imported.map.id}); fill in ${toFill.join(', ')}, then run \`dmap validate ${path}\`.`;
}

/** "Found a SAM template with 14 resources and 3 state machines: ..." */
function renderFound(result: DefinitionImport): string {
  const { definition, surveys } = result;
  const count = (n: number) => (n === 0 ? 'no Distributed Map' : plural(n, 'Distributed Map'));
  if (definition.kind === 'asl') {
    return `Found ${definition.description} in ${definition.file} with ${count(surveys[0]?.distributed.length ?? 0)}.\n`;
  }
  const width = Math.max(...surveys.map((s) => s.machine.name.length), ...definition.skipped.map((s) => s.logicalId.length));
  const lines = [`Found ${definition.description} in ${definition.file}, with ${plural(surveys.length + definition.skipped.length, 'state machine')}:`];
  for (const survey of surveys) lines.push(`  ${survey.machine.name.padEnd(width)}  ${count(survey.distributed.length)} (${survey.machine.origin})`);
  for (const skipped of definition.skipped) lines.push(`  ${skipped.logicalId.padEnd(width)}  not read: ${skipped.reason}`);
  return `${lines.join('\n')}\n`;
}

const SECTIONS: [ImportNote['kind'], string][] = [
  ['required', 'REQUIRED: workload facts to fill in'],
  ['runtime', 'Runtime values to fill in (the definition sets them only when it runs)'],
  ['unsupported', 'Not modelled (approximations)'],
  ['read', 'Read from the definition'],
];

/** The notes of one map, grouped by kind, one per line. */
function renderNotes(imported: ImportedMap): string {
  const width = Math.min(34, Math.max(...imported.notes.map((n) => n.field.length)));
  const lines = ['', `Distributed Map ${imported.map.id} → scenario "${String(imported.document['name'])}"`];
  for (const [kind, title] of SECTIONS) {
    const notes = imported.notes.filter((n) => n.kind === kind);
    if (notes.length === 0) continue;
    lines.push(`  ${title}:`);
    for (const note of notes) lines.push(`    ${(note.field || '(map)').padEnd(width)}  ${note.message}${kind === 'read' && note.from ? ` [${note.from}]` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

async function isDirectory(path: string): Promise<boolean> {
  if (/[\\/]$/.test(path)) return true;
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
