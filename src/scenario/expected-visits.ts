/**
 * How many times one pass through a scope of child states visits each state, on
 * average, when Choice rules are taken with their probabilities: loops included. A scope
 * is an absorbing Markov chain (End, Succeed, Fail and a Choice's unmatched share leave
 * it), so the expected visits v solve v = e_start + v·P, P the transition
 * probabilities. Catch transitions are left out: they are a failure's path, taken with a
 * chance the errors give, not the workflow's shape.
 *
 * Two things follow that one state at a time cannot see: a loop no rule ever leaves (a
 * child that never ends; the rules refuse it), and a loop left only rarely (a Choice
 * going back with probability 0.99999 visits its states 100,000 times per child; the work
 * estimate counts them). Both ran for ever or for hours under issue 17's hardening, the
 * estimate having counted each state once (found probing the estimate's stated blind
 * spot, not by the fuzzer, whose seeds now include such a loop). Pure.
 */
import type { ChildStateConfig, StateScopeConfig } from './child-states-schema.js';
import { ownValue } from '../own-key.js';

/** Scopes with more states than this are not solved (a dense solve is cubic); callers count each state once. */
export const MAX_SOLVED_STATES = 400;

export type Visits =
  | { kind: 'solved'; visits: Map<string, number> }
  /** `state` is reached, and from it no path leads out of the scope: the loop it is in never ends. */
  | { kind: 'endless'; state: string }
  | { kind: 'unsolved' };

/** Where a state goes next, with what probability; what is missing from 1 leaves the scope. */
function transitions(state: ChildStateConfig): Array<[string, number]> {
  if (state.type === 'Choice') {
    const rules: Array<[string, number]> = state.choices.map((rule) => [rule.next, rule.probability]);
    const rest = 1 - state.choices.reduce((sum, rule) => sum + rule.probability, 0);
    if (state.default !== undefined && rest > 0) rules.push([state.default, rest]);
    return rules;
  }
  if (state.type === 'Succeed' || state.type === 'Fail') return [];
  return state.next !== undefined ? [[state.next, 1]] : [];
}

export function expectedVisits(scope: StateScopeConfig): Visits {
  const names = Object.keys(scope.states);
  const start = scope.startAt ?? names[0];
  if (start === undefined || names.length > MAX_SOLVED_STATES) return { kind: 'unsolved' };
  const index = new Map(names.map((name, i) => [name, i]));
  const edges = names.map((name) => transitions(ownValue(scope.states, name) as ChildStateConfig).filter(([next, p]) => p > 0 && index.has(next)));
  const leaves = names.map((name, i) => {
    const out = transitions(ownValue(scope.states, name) as ChildStateConfig);
    const stays = (edges[i] as Array<[string, number]>).reduce((sum, [, p]) => sum + p, 0);
    return out.length === 0 || stays < 1 - 1e-12;
  });

  // The states reached from the start, and those from which the scope can be left.
  const reached = new Set<number>([index.get(start) as number]);
  for (const i of reached) for (const [next] of edges[i] as Array<[string, number]>) reached.add(index.get(next) as number);
  const canLeave = new Set<number>(names.map((_, i) => i).filter((i) => leaves[i]));
  for (let grew = true; grew; ) {
    grew = false;
    for (let i = 0; i < names.length; i++) {
      if (!canLeave.has(i) && (edges[i] as Array<[string, number]>).some(([next]) => canLeave.has(index.get(next) as number))) {
        canLeave.add(i);
        grew = true;
      }
    }
  }
  for (const i of reached) if (!canLeave.has(i)) return { kind: 'endless', state: names[i] as string };

  // (I − Pᵀ) v = e_start over the reached states, by Gaussian elimination with partial pivoting.
  const order = [...reached].sort((a, b) => a - b);
  const row = new Map(order.map((state, k) => [state, k]));
  const n = order.length;
  const a: number[][] = order.map(() => new Array<number>(n + 1).fill(0));
  const at = (r: number, c: number): number => (a[r] as number[])[c] as number;
  order.forEach((state, k) => {
    (a[k] as number[])[k] = at(k, k) + 1;
    for (const [next, p] of edges[state] as Array<[string, number]>) {
      const r = row.get(index.get(next) as number) as number;
      (a[r] as number[])[k] = at(r, k) - p;
    }
  });
  (a[row.get(index.get(start) as number) as number] as number[])[n] = 1;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(at(r, col)) > Math.abs(at(pivot, col))) pivot = r;
    [a[col], a[pivot]] = [a[pivot] as number[], a[col] as number[]];
    const top = a[col] as number[];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const line = a[r] as number[];
      const factor = (line[col] as number) / (top[col] as number);
      if (factor !== 0) for (let c = col; c <= n; c++) line[c] = (line[c] as number) - factor * (top[c] as number);
    }
  }
  const visits = new Map<string, number>(names.map((name) => [name, 0]));
  order.forEach((state, k) => visits.set(names[state] as string, Math.max(0, at(k, n) / at(k, k))));
  return { kind: 'solved', visits };
}
