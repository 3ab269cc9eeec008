/**
 * A report's Markdown body, parsed once with micromark and the notes' extensions (../markdown.ts:
 * raw HTML escaped, unsafe link protocols dropped, GitHub-flavoured tables, task lists,
 * footnotes), in two steps:
 *
 * 1. `scanMarkdown` walks micromark's events and returns every fenced code block (info string,
 *    meta, content, line) and every inline code span that starts with `runfolio:` (an inline
 *    embed), each with its line in the file.
 * 2. `compile` turns the same events into HTML in which each fenced block and each chosen span
 *    is replaced by a marker comment, `<!--rf:b0-->` / `<!--rf:s0-->`, where the page places the
 *    embed or the highlighted code. A marker cannot come from the author: micromark escapes every
 *    `<` of the source, so the only comments in its output are the ones written here.
 *
 * Spans inside a link's text or an image's description are flagged (`nested`): an embed renders
 * a link of its own, and an image's `alt` must stay plain text.
 */
import { compile, parse, postprocess, preprocess, type Options } from 'micromark';
import { MARKDOWN } from '../markdown.ts';

// micromark's types, reached through its own exports.
type HtmlExtension = NonNullable<Options['htmlExtensions']>[number];
type Event = ReturnType<typeof postprocess>[number];
type Token = Event[1];
type CompileContext = ThisParameterType<NonNullable<NonNullable<HtmlExtension['enter']>['codeFenced']>>;

export const INLINE_PREFIX = 'runfolio:';

export interface FencedBlock {
  /** The first word of the info string (`runfolio`, `python`, or '' for a bare fence). */
  info: string;
  /** The rest of the info string (`leaderboard` in ```` ```runfolio leaderboard ````). */
  meta: string;
  /** The block's content, container indentation and the last line break removed. */
  code: string;
  /** Line of the opening fence in the file. */
  line: number;
}

export interface InlineEmbedSpan {
  /** The span's text after `runfolio:`, line breaks read as spaces. */
  text: string;
  line: number;
  /** Inside a link's text or an image's description. */
  nested: boolean;
}

export interface ScannedMarkdown {
  blocks: FencedBlock[];
  spans: InlineEmbedSpan[];
  /** The HTML with markers; `blockMarker(i)` / `spanMarker(i)` name them. */
  compile: () => string;
}

const MARKER = /<!--rf:([bs])(\d+)-->/;
/** Every inline embed marker; group 1 is its index. */
export const SPAN_MARKER = /<!--rf:s(\d+)-->/g;

export function blockMarker(index: number): string {
  return `<!--rf:b${index}-->`;
}

export function spanMarker(index: number): string {
  return `<!--rf:s${index}-->`;
}

/** `html` split at its markers: text pieces and the markers between them, in order. */
export function splitAtMarkers(html: string): ({ html: string } | { block: number } | { span: number })[] {
  const parts = html.split(new RegExp(MARKER.source, 'g'));
  const out: ({ html: string } | { block: number } | { span: number })[] = [];
  for (let i = 0; i < parts.length; i += 3) {
    if (parts[i]) out.push({ html: parts[i] as string });
    if (i + 2 < parts.length) out.push(parts[i + 1] === 'b' ? { block: Number(parts[i + 2]) } : { span: Number(parts[i + 2]) });
  }
  return out;
}

/** `lineOffset`: lines of the file before the body (the front matter). */
export function scanMarkdown(body: string, lineOffset: number): ScannedMarkdown {
  const events = postprocess(parse({ extensions: MARKDOWN.extensions }).document().write(preprocess()(body, undefined, true)));
  const blocks: FencedBlock[] = [];
  const spans: InlineEmbedSpan[] = [];
  const embedSpans = new Set<Token>();
  let linkDepth = 0;
  for (let i = 0; i < events.length; i++) {
    const [kind, token, context] = events[i] as Event;
    if (token.type === 'link' || token.type === 'image') linkDepth += kind === 'enter' ? 1 : -1;
    if (kind !== 'enter') continue;
    if (token.type === 'codeFenced') {
      const { block, end } = fencedBlock(events, i, lineOffset);
      blocks.push(block);
      i = end;
    } else if (token.type === 'codeText') {
      const text = context.sliceSerialize(token).replace(/^(`+)\s?([\s\S]*?)\s?\1$/, '$2').replace(/\r?\n/g, ' ');
      if (text.startsWith(INLINE_PREFIX)) {
        embedSpans.add(token);
        spans.push({ text: text.slice(INLINE_PREFIX.length), line: token.start.line + lineOffset, nested: linkDepth > 0 });
      }
    }
  }
  return { blocks, spans, compile: () => compile({ htmlExtensions: [...MARKDOWN.htmlExtensions, markers(embedSpans)] })(events) };
}

/** The block starting at events[start] (an enter codeFenced), and the index of its exit. */
function fencedBlock(events: Event[], start: number, lineOffset: number): { block: FencedBlock; end: number } {
  const [, open, context] = events[start] as Event;
  let info = '';
  let meta = '';
  let fences = 0;
  let content: string | undefined;
  let end = start + 1;
  for (; end < events.length; end++) {
    const [kind, token] = events[end] as Event;
    if (token === open) break;
    if (kind !== 'exit') continue;
    if (token.type === 'codeFencedFenceInfo') info = context.sliceSerialize(token);
    else if (token.type === 'codeFencedFenceMeta') meta = context.sliceSerialize(token);
    else if (token.type === 'codeFencedFence') fences += 1;
    else if (fences === 1 && token.type === 'codeFlowValue') content = (content ?? '') + context.sliceSerialize(token);
    // The line break right after the opening fence is not content (micromark drops it too).
    else if (fences === 1 && token.type === 'lineEnding') content = content === undefined ? '' : `${content}\n`;
  }
  const code = (content ?? '').replace(/\n$/, '');
  return { block: { info, meta: meta.trim(), code, line: open.start.line + lineOffset }, end };
}

/**
 * micromark handlers that emit a marker instead of each fenced block and each embed span. The
 * block's inner events still run (into a discarded buffer), so micromark's own state stays right.
 */
function markers(embedSpans: ReadonlySet<Token>): HtmlExtension {
  let blocks = 0;
  let spans = 0;
  return {
    enter: {
      codeFenced(this: CompileContext) {
        this.lineEndingIfNeeded();
        this.buffer();
        this.setData('fencesCount', 0);
      },
      codeText(this: CompileContext, token: Token) {
        this.setData('inCodeText', true);
        if (embedSpans.has(token)) this.buffer();
        else this.tag('<code>');
      },
    },
    exit: {
      codeFenced(this: CompileContext) {
        this.resume();
        this.setData('flowCodeSeenData');
        this.setData('fencesCount');
        this.setData('slurpOneLineEnding');
        this.raw(blockMarker(blocks++));
        this.lineEndingIfNeeded();
      },
      codeText(this: CompileContext, token: Token) {
        this.setData('inCodeText');
        if (!embedSpans.has(token)) return void this.tag('</code>');
        this.resume();
        this.raw(spanMarker(spans++));
      },
    },
  };
}
