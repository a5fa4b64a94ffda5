/** Line breaks of every kind: in a tooltip's table a raw one would end the row and start a fake one. */
const LINE_BREAKS = /\r\n|[\n\r\u0085\u2028\u2029]/g;
/** Characters that start Markdown syntax inside a line: emphasis, code, links, images, HTML, tables. */
const INLINE_SYNTAX = /[\\`*_{}[\]()<>!|~&]/g;

/**
 * User text (a task's name, description, tags) as literal Markdown text inside one line of a tooltip:
 * it can neither start a row or paragraph, nor format, nor link. Bare URLs (`https://…`, `www.…`) and
 * e-mail addresses, which GitHub-flavoured Markdown links by themselves, are broken up by escapes that
 * render as nothing.
 */
export function escapeMarkdownInline(text: string): string {
  return text
    .replace(LINE_BREAKS, ' ')
    .replace(INLINE_SYNTAX, '\\$&')
    .replace(/:\/\//g, '\\://')
    .replace(/\b(www)\./gi, '$1\\.')
    .replace(/@/g, '\\@');
}
