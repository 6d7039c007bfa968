/**
 * A comment for a YAML file, broken into lines that stay within `width` columns once
 * indented: each line starts with a space (yaml writes `#` before it), continuation
 * lines with three, so wrapped text reads as one note. Pure.
 */
export function commentLines(text: string, indent: number, width = 100): string[] {
  const room = Math.max(40, width - indent - 2);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > room) {
      lines.push(` ${line}`);
      line = `  ${word}`;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(` ${line}`);
  return lines;
}
