/**
 * Makes user text safe inside Markdown tables and paragraphs: the characters that start
 * emphasis, code, links and table cells are backslash-escaped and `<` `>` become
 * entities, so a scenario name cannot break a table, add a link or inject raw HTML.
 * (Parentheses only matter after a `]`, which is escaped.)
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r?\n/g, ' ');
}
