/**
 * Reads a definition or template from disk, and the files it points at: the local files
 * SAM state machines name with DefinitionUri (relative to the template's folder), and,
 * for Terraform, every `.tf` file of the folder (a `.tf` file is read with its folder,
 * which is one Terraform module), its terraform.tfvars and *.auto.tfvars, and the files
 * `templatefile()` and `file()` read. The only file reading of the importer besides the
 * workload file.
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UserInputError } from '../errors.js';
import { readTextFile } from '../input/read-text-file.js';
import { parseDefinitionText } from './definition-syntax.js';
import { isPending, parseDefinitionSource, parseDefinitionUriText, type LoadedDefinition } from './load-definition.js';
import type { FileRead } from './terraform-configuration.js';
import { readTerraformSource, type TerraformFileText } from './terraform-state-machines.js';

/** `file()` and `templatefile()` may name files whose templates name more: read that many rounds at most. */
const FILE_ROUNDS = 5;

export async function readDefinitionFile(file: string): Promise<LoadedDefinition> {
  if (await isDirectory(file)) return readTerraformFolder(file, undefined);
  const text = await readTextFile(file, 'state machine definition');
  if (parseDefinitionText(text, file).format === 'hcl') return readTerraformFolder(dirname(file), { file, text });
  const source = parseDefinitionSource(text, file);
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

/** A Terraform folder, or the folder of a `.tf` file given (its state machines only, the folder's variables and functions). */
async function readTerraformFolder(folder: string, given: TerraformFileText | undefined): Promise<LoadedDefinition> {
  const names = (await readdir(folder)).sort();
  const read = async (name: string): Promise<TerraformFileText> => {
    if (given && name === basename(given.file)) return given;
    const path = join(folder, name);
    return { file: path, text: await readTextFile(path, 'Terraform file') };
  };
  const files = await Promise.all(names.filter((name) => /\.tf$/i.test(name) || (given !== undefined && name === basename(given.file))).map(read));
  if (files.length === 0) {
    throw new UserInputError([{ file: folder, message: 'is a folder without .tf files: give a state machine definition, a template, or a Terraform folder' }]);
  }
  const tfvarsNames = [...names.filter((n) => n === 'terraform.tfvars'), ...names.filter((n) => /\.auto\.tfvars$/i.test(n))];
  const tfvars = await Promise.all(tfvarsNames.map(read));
  const fileTexts = new Map<string, FileRead>();
  for (let round = 0; round < FILE_ROUNDS; round++) {
    const result = readTerraformSource({ given: given?.file ?? folder, folder, files, tfvars, ...(given ? { only: given.file } : {}), fileTexts });
    if (result.kind === 'done') return result.source as LoadedDefinition;
    for (const path of result.files) fileTexts.set(path, await readForTemplate(path));
  }
  throw new UserInputError([{ file: given?.file ?? folder, message: `file() and templatefile() name files that name more files, over ${FILE_ROUNDS} rounds: import the definition's own file` }]);
}

async function readForTemplate(path: string): Promise<FileRead> {
  try {
    return { text: await readTextFile(path, 'template') };
  } catch (error) {
    const message = error instanceof UserInputError ? (error.problems[0]?.message ?? '') : (error as Error).message;
    return { error: message.replace(/^cannot read the template: /, '') };
  }
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
