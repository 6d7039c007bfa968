/**
 * A Distributed Map's ItemProcessor → the long form of `childWorkflow`: every state of
 * the child, of its Parallel branches and of its inline Maps, under the same name, with
 * its Next/End, Retry, Catch, TimeoutSeconds, HeartbeatSeconds and Resource
 * (src/scenario/child-states-schema.ts), and one entry of `functions` per Lambda
 * function its tasks invoke.
 *
 * The long form is written when the child is not "Pass states, one Lambda task, Pass
 * states" (shortFormMisfits says why); the short form (child-workflow.ts) stays for
 * those that are, so their scenarios do not change.
 *
 * Nothing is guessed: what the definition cannot hold is null with a REQUIRED note —
 * how long each non-Lambda task takes, the share of visits each Choice rule takes, a
 * Wait whose time comes from the input, the iterations of an inline Map that does not
 * run over the batch, the type and transitions of a nested execution, each function's
 * settings (unless a template gives them) and durations. A Distributed Map inside the
 * child starts a Map Run of its own: it stands in as a Pass state, with a note. Pure.
 */
import { isJsonata, readNumberField, type FieldRead } from './field-value.js';
import { isDistributed, type FoundMap } from './find-distributed-maps.js';
import { functionBlock } from './function-block.js';
import type { ImportNote, NoteList } from './import-notes.js';
import { renderIntrinsic } from './intrinsics.js';
import { isObject, objectOrEmpty, plural, type JsonObject } from './json-value.js';
import type { TemplateInfo } from './load-definition.js';
import { describeTaskResource } from '../aws/task-resource.js';
import { classifyTask, keyOf, nestedStateMachineType, type LambdaTarget, type TaskKind } from './task-kind.js';
import { lambdaFunctionSettings } from './terraform-functions.js';
import { ownValue, setOwn } from '../own-key.js';

const WORKLOAD_FACT = 'a workload fact no definition holds';

/** The ItemProcessor of a Map state, or its legacy Iterator. */
export function itemProcessorOf(state: JsonObject): { processor: JsonObject; key: 'ItemProcessor' | 'Iterator' } {
  const key = 'ItemProcessor' in state || !('Iterator' in state) ? 'ItemProcessor' : 'Iterator';
  return { processor: objectOrEmpty(state[key]), key };
}

/**
 * Why the child does not fit the short form, or [] when it does: the states reached
 * from StartAt are Pass states and exactly one Lambda task (a plain invocation), and
 * the states reached only through that task's Catch are Pass, Succeed or Fail.
 */
export function shortFormMisfits(processor: JsonObject, at: string, template?: TemplateInfo): string[] {
  const states = objectOrEmpty(processor['States']);
  const main = reachable(states, [String(processor['StartAt'])], false);
  const found = new Map<string, string[]>();
  const add = (what: string, name: string) => found.set(what, [...(found.get(what) ?? []), name]);
  const lambdaTasks: string[] = [];
  const catchTargets: string[] = [];
  for (const name of main) {
    const state = ownValue(states, name) as JsonObject;
    const type = String(state['Type']);
    if (type === 'Pass') continue;
    if (type === 'Task') {
      const kind = classifyTask(state, `${at}.States.${name}`, template);
      if (kind.kind === 'lambda') {
        lambdaTasks.push(name);
        for (const c of Array.isArray(state['Catch']) ? state['Catch'] : []) if (typeof objectOrEmpty(c)['Next'] === 'string') catchTargets.push(objectOrEmpty(c)['Next'] as string);
      } else add('Task that is not a Lambda invocation|Tasks that are not Lambda invocations', `${name}" (${kind.kind === 'unknown' ? kind.text : describeTaskResource(kind.resource)})`);
    } else if (type === 'Map') {
      add(isDistributed(state) ? 'Distributed Map' : 'inline Map', name);
    } else add(`${type} state`, name);
  }
  for (const name of reachable(states, catchTargets, false)) {
    if (main.includes(name)) continue;
    const type = String((ownValue(states, name) as JsonObject)['Type']);
    if (!['Pass', 'Succeed', 'Fail'].includes(type)) add(`${type} state on a Catch path|${type} states on a Catch path`, name);
  }
  const reasons = [...found].map(([what, names]) => {
    const [one, many] = what.includes('|') ? (what.split('|') as [string, string]) : [what, `${what}s`];
    const label = names.length === 1 ? `${/^[aeiou]/i.test(one) ? 'an' : 'a'} ${one}` : `${names.length} ${many}`;
    return `${label} (${names.map((n) => (n.includes('" (') ? `"${n}` : `"${n}"`)).join(', ')})`;
  });
  if (lambdaTasks.length === 0 && reasons.length === 0) reasons.push('no Lambda task');
  if (lambdaTasks.length > 1) reasons.push(`${lambdaTasks.length} Lambda tasks (${lambdaTasks.map((n) => `"${n}"`).join(', ')})`);
  return reasons;
}

/** The states reached from `starts` through Next, Default and Choices[].Next (and Catch[].Next when `withCatch`), in order found. */
function reachable(states: JsonObject, starts: string[], withCatch: boolean): string[] {
  const seen: string[] = [];
  const queue = [...starts];
  while (queue.length > 0) {
    const name = queue.shift() as string;
    if (seen.includes(name) || !isObject(ownValue(states, name))) continue;
    seen.push(name);
    const state = ownValue(states, name) as JsonObject;
    const choices = Array.isArray(state['Choices']) ? state['Choices'].map((c) => objectOrEmpty(c)['Next']) : [];
    const catches = withCatch && Array.isArray(state['Catch']) ? state['Catch'].map((c) => objectOrEmpty(c)['Next']) : [];
    for (const next of [state['Next'], state['Default'], ...choices, ...catches]) if (typeof next === 'string') queue.push(next);
  }
  return seen;
}

export interface LongFormImport {
  childWorkflow: JsonObject;
  /** One entry per Lambda function the tasks invoke; empty when they invoke none. */
  functions: JsonObject;
}

interface FunctionUse {
  key: string;
  target: LambdaTarget;
  tasks: string[];
}

/** A scenario field as segments: state names may hold dots. */
type Path = string[];

/** Notes filed under a field given as segments; `path` is kept when a segment holds a dot. */
class PathNotes {
  constructor(private readonly notes: NoteList) {}
  read(path: Path, message: string, from?: string): void {
    this.add(path, { kind: 'read', message, ...(from !== undefined ? { from } : {}) });
  }
  required(path: Path, message: string, from?: string): void {
    this.add(path, { kind: 'required', message, ...(from !== undefined ? { from } : {}) });
  }
  unsupported(path: Path, message: string, from?: string): void {
    this.add(path, { kind: 'unsupported', message, ...(from !== undefined ? { from } : {}) });
  }
  add(path: Path, note: Omit<ImportNote, 'field' | 'path'>): void {
    this.notes.add({ field: path.join('.'), ...(path.some((segment) => segment.includes('.')) ? { path: [...path] } : {}), ...note });
  }
}

interface Context {
  note: PathNotes;
  template: TemplateInfo | undefined;
  /** The Distributed Map has an ItemBatcher: a child's input is `{ Items: [...] }`. */
  batched: boolean;
  map: FoundMap;
  functions: Map<string, FunctionUse>;
}

/** Writes the long form; sets `document.region` from a function ARN when it can. */
export function childStatesToScenario(map: FoundMap, reasons: string[], notes: NoteList, template: TemplateInfo | undefined, document: JsonObject): LongFormImport {
  const { processor, key } = itemProcessorOf(map.state);
  const at = `${map.pathText}.${key}`;
  const ctx: Context = { note: new PathNotes(notes), template, batched: isObject(map.state['ItemBatcher']), map, functions: new Map() };
  const states = objectOrEmpty(processor['States']);
  notes.read(
    'childWorkflow',
    `the long form: the child is not "Pass states, one Lambda task, Pass states" (it has ${reasons.join(', ')}), so its ${plural(Object.keys(states).length, 'state')} ${Object.keys(states).length === 1 ? 'is' : 'are'} written one by one`,
    at,
  );
  const childWorkflow = scope(processor, at, ['childWorkflow'], ctx, true);
  const functions: JsonObject = {};
  for (const use of ctx.functions.values()) {
    const field = `functions.${use.key}`;
    notes.read(field, `invoked by ${use.tasks.map((t) => `"${t}"`).join(', ')}`, use.target.from);
    setOwn(functions, use.key, functionBlock(field, use.target, notes, template, document));
  }
  return { childWorkflow, functions };
}

/** A scope (the child, a Parallel branch, an inline Map's ItemProcessor): startAt and its states. */
function scope(asl: JsonObject, aslAt: string, field: Path, ctx: Context, top: boolean): JsonObject {
  const out: JsonObject = {};
  if (typeof asl['StartAt'] === 'string') {
    out['startAt'] = asl['StartAt'];
    ctx.note.read([...field, 'startAt'], `StartAt "${asl['StartAt']}"`, `${aslAt}.StartAt`);
  }
  const states: JsonObject = {};
  for (const [name, state] of Object.entries(objectOrEmpty(asl['States']))) {
    if (!isObject(state)) continue;
    setOwn(states, name, convertState(name, state, `${aslAt}.States.${name}`, [...field, 'states', name], ctx, top));
  }
  out['states'] = states;
  return out;
}

function convertState(name: string, state: JsonObject, at: string, field: Path, ctx: Context, top: boolean): JsonObject {
  const type = String(state['Type']);
  const flow = (out: JsonObject): JsonObject => {
    if (typeof state['Next'] === 'string') out['next'] = state['Next'];
    if (state['End'] === true) out['end'] = true;
    return out;
  };
  switch (type) {
    case 'Pass':
      ctx.note.read(field, `Pass "${name}"`, at);
      return flow({ type: 'Pass' });
    case 'Succeed':
      ctx.note.read(field, `Succeed "${name}"`, at);
      return { type: 'Succeed' };
    case 'Fail':
      return failState(name, state, at, field, ctx);
    case 'Wait':
      return flow(waitState(name, state, at, field, ctx));
    case 'Choice':
      return choiceState(name, state, at, field, ctx);
    case 'Task':
      return flow(taskState(name, state, at, field, ctx));
    case 'Parallel': {
      ctx.note.read(field, `Parallel "${name}" with ${plural(Array.isArray(state['Branches']) ? state['Branches'].length : 0, 'branch', 'branches')}`, at);
      const branches = (Array.isArray(state['Branches']) ? state['Branches'] : []).map((b, i) => scope(objectOrEmpty(b), `${at}.Branches[${i}]`, [...field, 'branches', String(i)], ctx, false));
      return flow(errorHandling({ type: 'Parallel' }, state, at, field, ctx, { branches }));
    }
    case 'Map':
      return flow(isDistributed(state) ? nestedDistributedMap(name, state, at, field, ctx) : inlineMap(name, state, at, field, ctx, top));
    default:
      // check-asl.ts rejects any other type before the import gets here.
      return flow({ type });
  }
}

function failState(name: string, state: JsonObject, at: string, field: Path, ctx: Context): JsonObject {
  const out: JsonObject = { type: 'Fail' };
  const error = state['Error'];
  if (typeof error === 'string' && !isJsonata(error)) {
    out['error'] = error;
    ctx.note.read(field, `Fail "${name}", Error ${error}`, at);
  } else if (error !== undefined || state['ErrorPath'] !== undefined) {
    ctx.note.read(field, `Fail "${name}"`, at);
    const how = error !== undefined ? `Error ${JSON.stringify(error)}` : `ErrorPath ${JSON.stringify(state['ErrorPath'])}`;
    ctx.note.unsupported(field, `${how} sets the error name when the state runs: the simulated child fails with States.Fail`, at);
  } else {
    ctx.note.read(field, `Fail "${name}", without an Error: States.Fail`, at);
  }
  return out;
}

function waitState(name: string, state: JsonObject, at: string, field: Path, ctx: Context): JsonObject {
  const out: JsonObject = { type: 'Wait' };
  const seconds = readNumberField(state, 'Seconds', at, ctx.template);
  ctx.note.read(field, `Wait "${name}"`, at);
  if (seconds.kind === 'value' && Number.isInteger(seconds.value) && seconds.value >= 0) {
    out['seconds'] = seconds.value;
    ctx.note.read([...field, 'seconds'], `Seconds ${seconds.value}${seconds.via ? `, ${seconds.via}` : ''}`, seconds.from);
    return out;
  }
  out['durationMs'] = null;
  const wait = `how long "${name}" waits, in ms (a number or a distribution)`;
  if (seconds.kind === 'value') {
    ctx.note.required([...field, 'durationMs'], `${wait}: Seconds ${seconds.value} is not a whole number of seconds`, seconds.from);
  } else if (seconds.kind !== 'absent') {
    ctx.note.required([...field, 'durationMs'], `${wait}: ${seconds.message}`, seconds.from);
  } else {
    const key = ['Timestamp', 'TimestampPath'].find((k) => state[k] !== undefined);
    const how = key ? `${key} ${JSON.stringify(state[key])}: it waits until a point in time, so the wait depends on when the child runs` : 'it gives neither Seconds nor a Timestamp';
    ctx.note.required([...field, 'durationMs'], `${wait}: ${how}`, key ? `${at}.${key}` : at);
  }
  return out;
}

function choiceState(name: string, state: JsonObject, at: string, field: Path, ctx: Context): JsonObject {
  const rules = Array.isArray(state['Choices']) ? state['Choices'].map(objectOrEmpty) : [];
  const out: JsonObject = { type: 'Choice', choices: rules.map((rule) => ({ next: rule['Next'], probability: null })) };
  const fallback = typeof state['Default'] === 'string' ? state['Default'] : undefined;
  if (fallback !== undefined) out['default'] = fallback;
  ctx.note.read(
    field,
    `Choice "${name}": ${plural(rules.length, 'rule')}${fallback !== undefined ? `, Default "${fallback}"` : ', no Default (a visit no rule matches fails with States.NoChoiceMatched)'}`,
    at,
  );
  rules.forEach((rule, i) => {
    ctx.note.required(
      [...field, 'choices', String(i), 'probability'],
      `share of visits to "${name}" that match rule ${i + 1} (${describeRule(rule)}) and go to "${String(rule['Next'])}", between 0 and 1; ${fallback !== undefined ? `the rest takes the Default "${fallback}"` : 'the shares must add up to 1'}: ${WORKLOAD_FACT}`,
      `${at}.Choices[${i}]`,
    );
  });
  return out;
}

/** `$.RuleState StringEquals "DISABLED"`, `Condition {% ... %}`, `an And rule`. */
function describeRule(rule: JsonObject): string {
  if (typeof rule['Condition'] === 'string') return `Condition ${shorten(rule['Condition'])}`;
  for (const compound of ['And', 'Or', 'Not']) if (rule[compound] !== undefined) return `a${compound === 'And' ? 'n' : ''} ${compound} rule`;
  const operator = Object.keys(rule).find((k) => !['Variable', 'Next', 'Comment', 'Assign', 'Output'].includes(k));
  if (typeof rule['Variable'] === 'string' && operator) return `${rule['Variable']} ${operator} ${shorten(JSON.stringify(rule[operator]))}`;
  return 'a rule';
}

function shorten(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function taskState(name: string, state: JsonObject, at: string, field: Path, ctx: Context): JsonObject {
  const kind = classifyTask(state, at, ctx.template);
  const out: JsonObject = { type: 'Task' };
  for (const note of kind.notes) ctx.note.add([...field, 'resource'], { kind: note.kind, message: note.message, from: note.from });
  if (kind.kind === 'unknown') {
    out['resource'] = null;
    ctx.note.read(field, `Task "${name}"`, at);
    ctx.note.required(
      [...field, 'resource'],
      `${kind.reason}: an AWS SDK or optimised integration (arn:aws:states:::...), an activity (arn:aws:states:<region>:<account>:activity:<name>), or a Lambda function (then write arn:aws:states:::lambda:invoke, name the function in \`function\` and add it to \`functions\`, and drop durationMs)`,
      `${at}.Resource`,
    );
    out['durationMs'] = null;
    ctx.note.required([...field, 'durationMs'], `time from the call to its answer, in ms (a number or a distribution): ${WORKLOAD_FACT}`);
  } else {
    out['resource'] = kind.resource;
    ctx.note.read(field, `Task "${name}": ${kind.kind === 'lambda' ? 'a Lambda invocation' : describeKind(kind)}`, at);
    if (kind.kind === 'lambda') out['function'] = useFunction(name, kind.target, ctx);
    else otherTask(name, state, kind, at, field, out, ctx);
  }
  readSeconds(state, 'TimeoutSeconds', 'timeoutSeconds', at, field, out, ctx);
  readSeconds(state, 'HeartbeatSeconds', 'heartbeatSeconds', at, field, out, ctx);
  return errorHandling(out, state, at, field, ctx);
}

function describeKind(kind: Extract<TaskKind, { kind: 'other' }>): string {
  const call = kind.parsed.service === 'activity' ? 'an activity' : describeTaskResource(kind.resource);
  switch (kind.parsed.kind) {
    case 'nested':
      return `${call}, a nested execution${kind.parsed.pattern === 'request' ? ' it does not wait for' : ''}`;
    case 'callback':
      return `${call}, a callback`;
    case 'job':
      return `${call}, a job it waits for`;
    case 'http':
      return `${call}, an HTTPS call`;
    default:
      return call;
  }
}

/** durationMs, and for a nested execution its type and transitions. */
function otherTask(name: string, state: JsonObject, kind: Extract<TaskKind, { kind: 'other' }>, at: string, field: Path, out: JsonObject, ctx: Context): void {
  const { parsed } = kind;
  const duration =
    parsed.kind === 'callback'
      ? `time until the callback (SendTaskSuccess or SendTaskFailure with the task token${parsed.service === 'activity' ? ', from the activity worker' : ''}) arrives, in ms`
      : parsed.kind === 'nested' && parsed.pattern !== 'request'
        ? 'time the nested execution takes, from its start to its end, in ms'
        : parsed.kind === 'nested'
          ? 'time StartExecution takes to answer, in ms (the nested execution then runs on its own)'
          : parsed.kind === 'job'
            ? 'time the job takes, from its start to its end, in ms'
            : parsed.kind === 'http'
              ? 'time the HTTPS endpoint takes to answer, in ms'
              : 'time from the call to its answer, in ms';
  out['durationMs'] = null;
  ctx.note.required([...field, 'durationMs'], `${duration} (a number or a distribution): ${WORKLOAD_FACT}`);
  if (parsed.kind === 'callback' && parsed.service === 'lambda') {
    ctx.note.unsupported([...field, 'resource'], `"${name}" invokes a Lambda function and waits for its callback: the invocation itself is neither simulated nor priced, only the wait`, `${at}.Resource`);
  }
  if (parsed.kind === 'nested') {
    const found = nestedStateMachineType(state, ctx.template);
    const execution: JsonObject = { type: found.type };
    if (found.type !== null) {
      ctx.note.read([...field, 'execution', 'type'], found.message, found.from);
    } else {
      ctx.note.required([...field, 'execution', 'type'], `type of the state machine "${name}" starts, STANDARD or EXPRESS: ${found.message}`);
    }
    if (found.type !== 'EXPRESS') {
      execution['transitions'] = null;
      ctx.note.required([...field, 'execution', 'transitions'], `state transitions one nested execution makes (a Standard execution is billed per transition; 0 for EXPRESS): ${WORKLOAD_FACT}`);
    }
    if (parsed.pattern === 'request' && found.type !== 'STANDARD') {
      execution['durationMs'] = null;
      ctx.note.required(
        [...field, 'execution', 'durationMs'],
        `how long one nested execution runs, in ms (a number or a distribution): "${name}" does not wait for it, and an Express execution is billed for its duration (leave it out for STANDARD): ${WORKLOAD_FACT}`,
      );
    }
    out['execution'] = execution;
  }
}

function readSeconds(state: JsonObject, asl: string, key: string, at: string, field: Path, out: JsonObject, ctx: Context): void {
  const read: FieldRead = readNumberField(state, asl, at, ctx.template);
  if (read.kind === 'absent') return;
  if (read.kind === 'value') {
    out[key] = read.value;
    ctx.note.read([...field, key], `${asl} ${read.value}${read.via ? `, ${read.via}` : ''}`, read.from);
    return;
  }
  out[key] = null;
  ctx.note.add([...field, key], { kind: read.kind === 'invalid' ? 'required' : read.kind, message: read.message, from: read.from });
}

/** Retry and Catch of a Task, Parallel or Map state; `extra` goes between them and the flow fields. */
function errorHandling(out: JsonObject, state: JsonObject, at: string, field: Path, ctx: Context, extra: JsonObject = {}): JsonObject {
  Object.assign(out, extra);
  const retry = state['Retry'];
  if (Array.isArray(retry) && retry.length > 0) {
    out['retry'] = retry.map((r) => retrier(objectOrEmpty(r)));
    ctx.note.read([...field, 'retry'], `${plural(retry.length, 'retrier')}`, `${at}.Retry`);
  }
  const catchers = state['Catch'];
  if (Array.isArray(catchers) && catchers.length > 0) {
    out['catch'] = catchers.map((c) => {
      const catcher = objectOrEmpty(c);
      return { errorEquals: catcher['ErrorEquals'], next: catcher['Next'] };
    });
    ctx.note.read([...field, 'catch'], `${plural(catchers.length, 'catcher')}: ${catchers.map((c) => `→ "${String(objectOrEmpty(c)['Next'])}"`).join(', ')}`, `${at}.Catch`);
  }
  return out;
}

/** An ASL retrier in camelCase; ASL's defaults apply to what is absent. */
export function retrier(r: JsonObject): JsonObject {
  const out: JsonObject = { errorEquals: r['ErrorEquals'] };
  const fields: [string, string][] = [
    ['IntervalSeconds', 'intervalSeconds'],
    ['MaxAttempts', 'maxAttempts'],
    ['BackoffRate', 'backoffRate'],
    ['MaxDelaySeconds', 'maxDelaySeconds'],
    ['JitterStrategy', 'jitterStrategy'],
  ];
  for (const [asl, scenario] of fields) if (r[asl] !== undefined) out[scenario] = r[asl];
  return out;
}

function inlineMap(name: string, state: JsonObject, at: string, field: Path, ctx: Context, top: boolean): JsonObject {
  const { processor, key } = itemProcessorOf(state);
  const out: JsonObject = { type: 'Map' };
  const concurrency = readNumberField(state, 'MaxConcurrency', at, ctx.template);
  if (concurrency.kind === 'value') {
    out['maxConcurrency'] = concurrency.value;
    ctx.note.read([...field, 'maxConcurrency'], `MaxConcurrency ${concurrency.value}${concurrency.via ? `, ${concurrency.via}` : ''}`, concurrency.from);
  } else if (concurrency.kind !== 'absent') {
    out['maxConcurrency'] = null;
    ctx.note.add([...field, 'maxConcurrency'], { kind: concurrency.kind === 'invalid' ? 'required' : concurrency.kind, message: concurrency.message, from: concurrency.from });
  }
  const over = overWhat(state, at, ctx, top);
  if (over.kind === 'batch') {
    ctx.note.read(field, `inline Map "${name}" over ${over.what}: one iteration per item of the batch`, at);
  } else if (over.kind === 'literal') {
    out['iterations'] = over.count;
    ctx.note.read([...field, 'iterations'], `${over.count}, the length of its Items array`, `${at}.Items`);
    ctx.note.read(field, `inline Map "${name}"`, at);
  } else {
    out['iterations'] = null;
    ctx.note.read(field, `inline Map "${name}"`, at);
    ctx.note.required([...field, 'iterations'], `iterations of "${name}" per run (a number or a distribution): ${over.why}: ${WORKLOAD_FACT}`, over.from);
  }
  return errorHandling(out, state, at, field, ctx, { itemProcessor: scope(processor, `${at}.${key}`, [...field, 'itemProcessor'], ctx, false) });
}

type Over = { kind: 'batch'; what: string } | { kind: 'literal'; count: number } | { kind: 'other'; why: string; from: string };

/** Whether an inline Map runs over the child's batch (`$.Items` of a batched child). */
function overWhat(state: JsonObject, at: string, ctx: Context, top: boolean): Over {
  const items = state['Items'];
  const itemsPath = state['ItemsPath'];
  if (Array.isArray(items)) return { kind: 'literal', count: items.length };
  const written = itemsPath !== undefined ? `ItemsPath ${JSON.stringify(itemsPath)}` : items !== undefined ? `Items ${JSON.stringify(items)}` : 'its whole input (no ItemsPath)';
  const from = itemsPath !== undefined ? `${at}.ItemsPath` : items !== undefined ? `${at}.Items` : at;
  const isBatch = itemsPath === '$.Items' || (typeof items === 'string' && /^\s*\{%\s*\$states\.input\.Items\s*%\}\s*$/.test(items));
  if (!isBatch) return { kind: 'other', why: `it iterates over ${written}, not over the items of the batch`, from };
  if (!ctx.batched) return { kind: 'other', why: `it iterates over ${written}, but "${ctx.map.stateName}" has no ItemBatcher, so a child's input is one item, not a batch`, from };
  if (!top) return { kind: 'other', why: `it iterates over ${written} inside a Parallel branch or another inline Map, whose input is not the child's batch`, from };
  if (state['InputPath'] !== undefined && state['InputPath'] !== '$') return { kind: 'other', why: `its InputPath ${JSON.stringify(state['InputPath'])} changes its input before ${written} is read`, from };
  return { kind: 'batch', what: written };
}

function nestedDistributedMap(name: string, state: JsonObject, at: string, field: Path, ctx: Context): JsonObject {
  const id = `${ctx.map.id.slice(0, ctx.map.id.length - ctx.map.pathText.length)}${at}`;
  ctx.note.read(field, `Distributed Map "${name}"`, at);
  const lost = ['Retry', 'Catch'].some((key) => Array.isArray(state[key]) && (state[key] as unknown[]).length > 0) ? '; its Retry and Catch are not kept' : '';
  ctx.note.unsupported(
    field,
    `"${name}" is a Distributed Map: it starts a Map Run of its own, which is not simulated inside this child; a Pass state stands in for it (one transition)${lost}. Import it separately with --map "${id}"`,
    at,
  );
  return { type: 'Pass' };
}

/** The key of the function a Lambda task invokes, in `functions`; registers it on first use. */
function useFunction(stateName: string, target: LambdaTarget, ctx: Context): string {
  let identity: string;
  let key: string;
  if (target.kind === 'runtime') {
    identity = `runtime:${stateName}`;
    key = keyOf(stateName);
  } else {
    const found = lambdaFunctionSettings(target.reference, ctx.template);
    const text = renderIntrinsic(target.reference);
    if (found) {
      identity = `resource:${found.name}`;
      key = keyOf(found.name.includes('.') ? `\${${found.name}}` : found.name);
    } else {
      identity = `name:${unqualified(text)}`;
      key = keyOf(text);
    }
  }
  const existing = ctx.functions.get(identity);
  if (existing) {
    existing.tasks.push(stateName);
    return existing.key;
  }
  const taken = new Set([...ctx.functions.values()].map((u) => u.key));
  let unique = key;
  for (let i = 2; taken.has(unique); i++) unique = `${key}-${i}`;
  ctx.functions.set(identity, { key: unique, target, tasks: [stateName] });
  return unique;
}

/** A function reference without its version or alias (`:$LATEST`, `:live`). */
function unqualified(text: string): string {
  if (/:function:[^:]+:[^:]+$/.test(text)) return text.replace(/:[^:]+$/, '');
  if (/^\$\{[^}]*\}:[^:]+$/.test(text)) return text.replace(/:[^:]+$/, '');
  return text;
}
