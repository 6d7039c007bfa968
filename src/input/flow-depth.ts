/**
 * Where a YAML or JSON text opens more than `limit` flow collections (`[` and `{`) one
 * inside the other, found by one pass over the text before the YAML library parses it.
 * The library parses nesting by recursion: 5,000 levels overflow its stack (its error
 * was "Maximum call stack size exceeded"), and in a worker thread, with a smaller
 * stack, the overflow took the whole process down. Found by the fuzzing campaign of
 * issue 17. Quoted strings and comments are skipped, roughly: a quote inside a plain
 * scalar (`it's`) can only make the count lower, and the YAML loader's own depth check
 * still applies after parsing. Pure.
 */
export function excessiveFlowDepth(text: string, limit: number): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > limit) return i;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) {
      depth = Math.max(0, depth - 1);
    } else if (c === 0x22 /* " */) {
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c /* \ */) i++;
    } else if (c === 0x27 /* ' */) {
      const end = text.indexOf("'", i + 1);
      if (end < 0) break;
      i = end;
    } else if (c === 0x23 /* # */ && (i === 0 || /\s/.test(text[i - 1] as string))) {
      const end = text.indexOf('\n', i);
      if (end < 0) break;
      i = end;
    }
  }
  return undefined;
}
