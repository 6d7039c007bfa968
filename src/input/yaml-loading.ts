/**
 * The one way dmap-planner reads YAML (and JSON, which is YAML 1.2): scenarios, workload
 * files, usage documents, price catalogues, state machine definitions and templates all
 * come through `loadYaml`. Every problem is a UserInputError with the file, line and
 * column: syntax errors, an alias naming no anchor, an alias inside the node it names
 * (which would repeat forever), and aliases that repeat more values than any real file
 * does (an "alias bomb": a few lines that expand to billions of values). Aliases are
 * counted by the values they put into the result, so 100 aliases of one scalar cost
 * 100 and a nested bomb is stopped after MAX_ALIASED_VALUES, long before it costs
 * memory. Objects get own properties only: a key `__proto__` is a key, never a prototype.
 * Pure: the caller reads the file.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Alias, type Document, type Node, type Tags } from 'yaml';
import { UserInputError } from '../errors.js';
import { excessiveFlowDepth } from './flow-depth.js';

/** Most values aliases may add to one document (an alias adds as many as the node it names holds). */
export const MAX_ALIASED_VALUES = 100_000;
/** Deepest nesting of the result, aliases followed (YAML itself stops near 800 levels written out). */
export const MAX_DEPTH = 1_000;

export interface YamlOptions {
  /** Reject a key given twice in one mapping (scenarios, usage documents, catalogues). */
  uniqueKeys?: boolean;
  /** Tags beyond YAML's own, e.g. CloudFormation's `!Ref`. */
  customTags?: Tags;
  /** What a node written with a local tag (`!Name`) becomes; without it, its plain value. */
  tagged?: (name: string, value: unknown) => unknown;
  /** Start of a syntax error's message, e.g. "not valid YAML or JSON". */
  syntaxErrorPrefix?: string;
}

export interface LoadedYaml {
  /** The document as plain JavaScript values (objects, arrays, strings, numbers, booleans, null). */
  value: unknown;
  /** The parsed document, for locating fields later. */
  document: Document;
  lineCounter: LineCounter;
}

/** Parses `text` and converts it to plain values; throws a UserInputError locating every problem. */
export function loadYaml(text: string, file: string, options: YamlOptions = {}): LoadedYaml {
  const tooDeep = excessiveFlowDepth(text, MAX_DEPTH);
  if (tooDeep !== undefined) {
    const lineCounter = new LineCounter();
    lineCounter.addNewLine(0);
    for (let i = text.indexOf('\n'); i >= 0 && i < tooDeep; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
    throw new UserInputError([{ file, ...position(lineCounter, tooDeep), message: `nested more than ${MAX_DEPTH.toLocaleString('en-US')} levels deep` }]);
  }
  const { document, lineCounter } = parseYamlDocument(text, options);
  if (document.errors.length > 0) {
    const prefix = options.syntaxErrorPrefix ?? 'not valid YAML or JSON';
    throw new UserInputError(
      document.errors.map((error) => ({ file, ...position(lineCounter, error.pos[0]), message: `${prefix}: ${error.message.split('\n')[0]}` })),
    );
  }
  const converter = new Converter(anchorTargets(document), options.tagged, (node, message) =>
    new UserInputError([{ file, ...(node.range ? position(lineCounter, node.range[0]) : {}), message }]),
  );
  return { value: converter.convert(document.contents, 0, undefined), document, lineCounter };
}

/** Parses without converting or throwing: for locating a field in a text already loaded. */
export function parseYamlDocument(text: string, options: Pick<YamlOptions, 'uniqueKeys' | 'customTags'> = {}): { document: Document; lineCounter: LineCounter } {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: options.uniqueKeys ?? false,
    ...(options.customTags ? { customTags: options.customTags } : {}),
  });
  return { document, lineCounter };
}

export function position(lineCounter: LineCounter, offset: number): { line: number; column: number } {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

/**
 * The node each alias names: the last node with its anchor before it, in document order
 * (YAML's rule). An alias inside the node it names points at that node; conversion
 * refuses it. Undefined when no anchor of that name comes first.
 */
function anchorTargets(document: Document): Map<Alias, Node | undefined> {
  const anchors = new Map<string, Node>();
  const targets = new Map<Alias, Node | undefined>();
  visit(document, {
    Node: (_key, node) => {
      if (isAlias(node)) targets.set(node, anchors.get(node.source));
      else if (node.anchor) anchors.set(node.anchor, node);
    },
  });
  return targets;
}

class Converter {
  private aliasedValues = 0;
  /** The collections being converted, outermost first: an alias naming one of them is a cycle. */
  private readonly open = new Set<Node>();

  constructor(
    private readonly targets: Map<Alias, Node | undefined>,
    private readonly tagged: YamlOptions['tagged'],
    private readonly problem: (node: Node, message: string) => UserInputError,
  ) {}

  /** `via` is the outermost alias being expanded, when the node is a copy made by one. */
  convert(node: unknown, depth: number, via: Alias | undefined): unknown {
    if (node === null || node === undefined) return null;
    if (isAlias(node)) return this.expand(node, depth, via);
    const yamlNode = node as Node;
    if (depth > MAX_DEPTH) throw this.problem(via ?? yamlNode, `nested more than ${MAX_DEPTH.toLocaleString('en-US')} levels deep`);
    if (via && ++this.aliasedValues > MAX_ALIASED_VALUES) {
      throw this.problem(
        via,
        `aliases repeat more than ${MAX_ALIASED_VALUES.toLocaleString('en-US')} values in this document (the alias *${via.source} pushed it over): ` +
          'a document whose aliases expand this far is an alias bomb, not a workload; write the values out or use fewer, smaller anchors',
      );
    }
    let value: unknown;
    if (isScalar(node)) value = typeof node.value === 'bigint' ? Number(node.value) : node.value;
    else if (isSeq(node)) value = this.inside(node, () => node.items.map((item) => this.convert(item, depth + 1, via)));
    else if (isMap(node)) value = this.inside(node, () => this.mapping(node.items, depth, via));
    else if (isPair(node)) value = this.mapping([node], depth, via);
    else return null;
    const tag = yamlNode.tag;
    return this.tagged && tag && /^![A-Za-z]+$/.test(tag) ? this.tagged(tag.slice(1), value) : value;
  }

  private expand(alias: Alias, depth: number, via: Alias | undefined): unknown {
    const target = this.targets.get(alias);
    if (!target) throw this.problem(alias, `the alias *${alias.source} names no anchor: an anchor &${alias.source} must come before it`);
    if (this.open.has(target)) {
      throw this.problem(alias, `the alias *${alias.source} is inside the node its anchor &${alias.source} marks: it would repeat itself forever`);
    }
    return this.convert(target, depth, via ?? alias);
  }

  private inside<T>(node: Node, convert: () => T): T {
    this.open.add(node);
    try {
      return convert();
    } finally {
      this.open.delete(node);
    }
  }

  private mapping(pairs: readonly unknown[], depth: number, via: Alias | undefined): Record<string, unknown> {
    const object: Record<string, unknown> = {};
    for (const pair of pairs) {
      if (!isPair(pair)) continue;
      const key = this.convert(pair.key, depth + 1, via);
      const name = key === null ? '' : typeof key === 'object' ? JSON.stringify(key) : String(key);
      // An own property whatever the name: `__proto__: x` must not replace the prototype.
      Object.defineProperty(object, name, { value: this.convert(pair.value, depth + 1, via), writable: true, enumerable: true, configurable: true });
    }
    return object;
  }
}
