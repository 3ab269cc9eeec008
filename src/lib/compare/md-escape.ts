/**
 * Untrusted text (run names, metric keys, param values) inside GitHub-flavoured Markdown: in a
 * table cell, in a list item, inside `<summary>`. Every character Markdown or HTML could read as
 * syntax is escaped, so a name like `a|b`, `<img src=x>`, `` `x` `` or `**bold**` shows as
 * written and cannot break a table, open a tag or start emphasis:
 * - `\` `` ` `` `*` `_` `[` `]` `#` `~` `|` `!` `$` get a backslash;
 * - `&`, `<`, `>` become entities (`<` cannot start a tag, `&` cannot start an entity);
 * - `@` is followed by a zero-width space so `@name` mentions nobody;
 * - line breaks (and other control characters) become a visible `↵` / space: a cell is one line;
 * - text longer than `max` characters is cut with `…` (keys can be very long).
 */

const SPECIAL = /[\\`*_[\]#~|!$]/g;

export function escapeMarkdown(text: string, max = 200): string {
  const cut = [...text].length > max ? `${[...text].slice(0, max - 1).join('')}…` : text;
  return cut
    .replace(/\r\n|\r|\n/g, '↵')
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(SPECIAL, '\\$&')
    .replace(/@/g, '@\u200b');
}
