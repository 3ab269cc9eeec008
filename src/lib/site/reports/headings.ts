/**
 * Anchors for a report's headings and its table of contents. Ids follow GitHub's slugs (lower
 * case, punctuation dropped, spaces → `-`, repeats numbered `-1`, `-2`), so a link written
 * against the Markdown on GitHub (`#what-we-learned`) works on the site too. Works on micromark's
 * output, where a heading is exactly `<hN>…</hN>` (the author cannot write tags: micromark
 * escapes them), and inline embeds are still markers, read as their text.
 */
import { SPAN_MARKER } from './markdown.ts';

export interface Heading {
  depth: number;
  id: string;
  /** Plain text (not escaped). */
  text: string;
}

/** Ids the report page uses itself. */
const RESERVED = ['contents', 'report-runs', 'main'];

/** `spanText(i)`: the text of inline embed i, for headings that hold one. */
export function anchorHeadings(html: string, spanText: (index: number) => string): { html: string; headings: Heading[] } {
  const used = new Map<string, number>(RESERVED.map((id) => [id, 1]));
  const headings: Heading[] = [];
  const out = html.replace(/<h([1-6])>([\s\S]*?)<\/h\1>/g, (_, level: string, inner: string) => {
    const text = plainText(inner.replace(SPAN_MARKER, (_marker: string, i: string) => escape(spanText(Number(i)))));
    const id = uniqueId(slug(text), used);
    headings.push({ depth: Number(level), id, text });
    return `<h${level} id="${id}">${inner}<a class="heading-anchor" href="#${id}"><span class="visually-hidden">Link to this section: ${escape(text)}</span><span aria-hidden="true">#</span></a></h${level}>`;
  });
  return { html: out, headings };
}

/** GitHub's slug of a heading's text (github-slugger): letters, numbers, `-` and `_` kept. */
export function slug(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
}

function uniqueId(base: string, used: Map<string, number>): string {
  const id = base === '' ? 'section' : base;
  const seen = used.get(id);
  if (seen === undefined) {
    used.set(id, 1);
    return id;
  }
  let n = seen;
  while (used.has(`${id}-${n}`)) n += 1;
  used.set(id, n + 1);
  used.set(`${id}-${n}`, 1);
  return `${id}-${n}`;
}

/** micromark's HTML → its text: tags dropped, its four escapes undone. */
function plainText(html: string): string {
  return html.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&').trim();
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
