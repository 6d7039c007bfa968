/**
 * Structural mutations of a parsed document (a shipped scenario, usage document or
 * definition): a value replaced by an extreme or non-finite number, a value of the wrong
 * type, a long or odd string, a key that names what every object inherits, a deleted or
 * misspelt key, a copied subtree, a huge array, or a placeholder for deep nesting that
 * the text stage expands. Each mutation is plain data drawn by fast-check, applied here
 * deterministically, so a seed names every input.
 */
import fc from 'fast-check';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Where the text stage puts N levels of nesting: a string no document contains. */
export const DEEP_MARKER = 'FUZZ-DEEP-NESTING';

export type Mutation =
  | { op: 'number'; at: number; value: number }
  | { op: 'scale'; at: number; power: number }
  | { op: 'type'; at: number; value: Json }
  | { op: 'string'; at: number; value: string }
  | { op: 'key'; at: number; key: string; value: Json }
  | { op: 'delete'; at: number }
  | { op: 'rename'; at: number; suffix: string }
  | { op: 'copy'; at: number; to: number }
  | { op: 'array'; at: number; length: number; value: number }
  | { op: 'deep'; at: number };

/** Numbers past every bound, at the edges of floating point, and the non-finite ones YAML can write (.inf, .nan). */
const HOSTILE_NUMBERS = [0, -0, -1, 1, 0.5, 1e-300, 5e-324, 1e-7, 1e308, Number.MAX_VALUE, -Number.MAX_VALUE, 2 ** 53 + 2, 1e12, 1e15, 1e21, 4294967296, -1e12, Infinity, -Infinity, NaN];

const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'isPrototypeOf'];

const ODD_STRINGS = ['', ' ', 'NaN', 'Infinity', '-1', '1e308', '0x10', '\u0000', '\ud800', '‮', 'us-east-1\n', '${AWS::Region}', '$.items', 'arn:aws:states:::lambda:invoke', '*', '&a', '%', '{{', '"\''];

const wrongType: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(null, true, false, [], {}, [1, 2], { a: 1 }, '1e308', '12', '', 'x'),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
);

const oddString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...ODD_STRINGS),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.record({ char: fc.constantFrom('a', 'é', '😀', '\t', '\\', '\u2028'), length: fc.integer({ min: 1_000, max: 50_000 }) }).map(({ char, length }) => char.repeat(length)),
);

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('number' as const), at: fc.nat(), value: fc.oneof(fc.constantFrom(...HOSTILE_NUMBERS), fc.double()) }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('scale' as const), at: fc.nat(), power: fc.integer({ min: -15, max: 15 }) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('type' as const), at: fc.nat(), value: wrongType }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('string' as const), at: fc.nat(), value: oddString }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('key' as const), at: fc.nat(), key: fc.constantFrom(...PROTOTYPE_KEYS), value: wrongType }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('rename' as const), at: fc.nat(), suffix: fc.constantFrom('s', 'X', '_', 'Ms') }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('copy' as const), at: fc.nat(), to: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('array' as const), at: fc.nat(), length: fc.integer({ min: 1_000, max: 20_000 }), value: fc.constantFrom(0, 1, 1e308, -1) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('deep' as const), at: fc.nat() }) },
);

type Path = (string | number)[];

/** Every node's path, the root first, depth first in key order. */
function pathsOf(value: Json, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (Array.isArray(value)) value.forEach((item, i) => pathsOf(item, [...path, i], out));
  else if (value !== null && typeof value === 'object') for (const key of Object.keys(value)) pathsOf(value[key] as Json, [...path, key], out);
  return out;
}

function get(root: Json, path: Path): Json {
  return path.reduce<Json>((node, key) => (node as Record<string, Json>)[key as string] as Json, root);
}

/** Sets an own property, even one named __proto__ (plain assignment would change the prototype). */
function setOwn(target: Record<string, Json> | Json[], key: string | number, value: Json): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function set(root: Json, path: Path, value: Json): Json {
  if (path.length === 0) return value;
  const parent = get(root, path.slice(0, -1));
  if (parent !== null && typeof parent === 'object') setOwn(parent, path.at(-1) as string | number, value);
  return root;
}

/** The document with `mutations` applied in order; each picks its node by index modulo the nodes there are then. */
export function mutateDocument(document: Json, mutations: readonly Mutation[]): Json {
  let root = structuredClone(document);
  for (const m of mutations) {
    const paths = pathsOf(root);
    const path = paths[m.at % paths.length] as Path;
    const node = get(root, path);
    switch (m.op) {
      case 'number':
        root = set(root, path, m.value);
        break;
      case 'scale':
        if (typeof node === 'number') root = set(root, path, node * 10 ** m.power);
        break;
      case 'type':
        root = set(root, path, m.value);
        break;
      case 'string':
        root = set(root, path, m.value);
        break;
      case 'key':
        if (node !== null && typeof node === 'object' && !Array.isArray(node)) setOwn(node, m.key, m.value);
        break;
      case 'delete': {
        const parent = path.length > 0 ? get(root, path.slice(0, -1)) : undefined;
        if (Array.isArray(parent)) parent.splice(path.at(-1) as number, 1);
        else if (parent !== null && typeof parent === 'object') delete parent[path.at(-1) as string];
        break;
      }
      case 'rename': {
        const parent = path.length > 0 ? get(root, path.slice(0, -1)) : undefined;
        const key = path.at(-1);
        if (parent !== null && typeof parent === 'object' && !Array.isArray(parent) && typeof key === 'string') {
          setOwn(parent, `${key}${m.suffix}`, node);
          delete parent[key];
        }
        break;
      }
      case 'copy':
        root = set(root, paths[m.to % paths.length] as Path, structuredClone(node));
        break;
      case 'array':
        root = set(root, path, new Array<Json>(m.length).fill(m.value));
        break;
      case 'deep':
        root = set(root, path, DEEP_MARKER);
        break;
    }
  }
  return root;
}
