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
