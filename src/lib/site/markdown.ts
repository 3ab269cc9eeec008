/**
 * Markdown from a store (run and experiment notes, descriptions) and from reports → HTML that is
 * safe to publish. micromark is safe by construction: raw HTML in the source is escaped, never
 * passed through, and link/image URLs with unsafe protocols (`javascript:`, `data:`, …) are
 * dropped. GitHub-flavoured tables, task lists, strikethrough and autolinks are enabled.
 */
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';

/** The syntax and HTML extensions of every Markdown the site renders (reports add their own on top). */
export const MARKDOWN = { extensions: [gfm()], htmlExtensions: [gfmHtml()] };

export function renderMarkdown(source: string): string {
  return micromark(source, MARKDOWN);
}
