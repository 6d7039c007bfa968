/**
 * Makes user text safe in Markdown tables and paragraphs: line breaks folded, Markdown's
 * own characters (emphasis, code, links, tables, headings, GitHub's `$` maths)
 * backslash-escaped, `&` `<` `>` as entities so no raw HTML gets through, and text that
 * would open a list or underline a heading at a line start defused.
 */
export function escapeMarkdown(text: string): string {
  const escaped = text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/[\\`*_{}[\]()#+!|~$]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
  // At a line start, "- ", "1. " or "1) " would open a list and "===" underline a heading.
  return escaped
    .replace(/^(\s*)(-)(?=\s|$)/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])(?=\s|$)/, '$1\\$2')
    .replace(/^(\s*)(=+\s*)$/, '$1\\$2');
}

/** Inline code that shows `text` verbatim: a fence longer than any backtick run in it, and `|` escaped for tables. */
export function codeSpan(text: string): string {
  const flat = text.replace(/[\r\n]+/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const padded = flat.startsWith('`') || flat.endsWith('`') ? ` ${flat} ` : flat;
  return `${fence}${padded.replace(/\|/g, '\\|')}${fence}`;
}

/** A fenced code block holding `text` verbatim. */
export function codeBlock(text: string, language = ''): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${language}\n${text}\n${fence}`;
}

/** The end of every Markdown report: a rule, the tool that wrote it, and the command that reproduces it. */
export function rerunFooter(toolLine: string, rerunCommand: string): string[] {
  return ['---', '', `*${escapeMarkdown(toolLine)}*`, '', 'Rerun:', '', codeBlock(rerunCommand, 'sh')];
}
