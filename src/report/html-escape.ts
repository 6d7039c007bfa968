/**
 * Escaping for the HTML reports: user text in content and attributes, JSON inside a
 * `<script>` element, and inlined script sources. Pure.
 */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe in HTML content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] as string);
}

/**
 * JSON that cannot end the `<script>` element holding it, nor start a comment or
 * markup inside it; still valid JSON that parses to the same value (`\u003c` is `<`).
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A script's source, made unable to close its `<script>` element early. */
export function inlineScriptSource(source: string): string {
  // `<\/script` means the same as `</script` in a JavaScript string, regex or comment.
  return source.replace(/<\/(script)/gi, '<\\/$1');
}
