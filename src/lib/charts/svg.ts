/**
 * Charts rendered to SVG at build time (Node), for pages that must work without JavaScript
 * (archive mode, compare outputs).
 *
 * Contract of `renderSvg(spec, data)`:
 * - `spec` is a Vega-Lite spec (compiled here) or a runtime spec from compile.ts; `data` fills
 *   its named datasets. Give line charts `interactive: false` and a pixel `width`: hover layers
 *   draw nothing in a static image and `container` has no width in Node.
 * - The same runtime as the browser's (runtime.ts) renders with Vega's headless SVG renderer.
 * - Deterministic: the same input gives the same bytes. Vega numbers clip paths and gradients
 *   from process-wide counters, so they are reset first; then every id is prefixed (default: a
 *   hash of spec and data) so several SVGs inlined in one HTML page never share an id. Text is
 *   measured by Vega's built-in estimate (no canvas in Node), and times are shown in UTC.
 * - Safe: all text (run names, metric keys, param values) is escaped by Vega's SVG writer
 *   (`&`, `<`, `>` in text; also `"`, tab and newlines in attributes), checked by the tests.
 * - The result starts with `<svg xmlns="http://www.w3.org/2000/svg" …>`: valid inline in HTML
 *   and as a standalone `.svg` file.
 */
import { createHash } from 'node:crypto';
import type { TopLevelSpec } from 'vega-lite';
import { resetSVGDefIds } from 'vega-scenegraph';
import { toRuntime, type RuntimeSpec } from './compile.ts';
import { createView } from './runtime.ts';

export interface SvgOptions {
  /** Prefix for the SVG's internal ids (letters, digits, `-`, `_`); default `c` + 10 hex digits of a hash of spec and data. */
  idPrefix?: string;
}

export async function renderSvg(spec: TopLevelSpec | RuntimeSpec, data: Record<string, readonly object[]>, options: SvgOptions = {}): Promise<string> {
  if (!isRuntime(spec) && 'width' in spec && spec.width === 'container') {
    throw new Error(`renderSvg: chart "${spec.description ?? 'untitled'}" needs a pixel width; 'container' has no size outside a browser`);
  }
  const runtime = isRuntime(spec) ? spec : compiled(spec);
  const prefix = options.idPrefix ?? defaultPrefix(runtime, data);
  if (!/^[A-Za-z][\w-]*$/.test(prefix)) throw new Error(`renderSvg: idPrefix must start with a letter and hold only letters, digits, - and _, got "${prefix}"`);
  resetSVGDefIds();
  const view = createView(runtime, { renderer: 'none' });
  try {
    for (const [name, rows] of Object.entries(data)) view.data(name, rows as object[]);
    await view.runAsync();
    return prefixIds(await view.toSVG(), prefix);
  } finally {
    view.finalize();
  }
}

/** Recently compiled specs: pages repeat the same chart (same metric, theme, size) for many runs. */
const COMPILED = new Map<string, RuntimeSpec>();
const COMPILED_MAX = 64;

/** Compiling costs ~15 ms a chart, several times the rendering of a small one; reuse it. */
function compiled(spec: TopLevelSpec): RuntimeSpec {
  const key = JSON.stringify(spec);
  let runtime = COMPILED.get(key);
  if (!runtime) {
    runtime = toRuntime(spec);
    if (COMPILED.size >= COMPILED_MAX) COMPILED.delete(COMPILED.keys().next().value!);
    COMPILED.set(key, runtime);
  }
  return runtime;
}

function isRuntime(spec: TopLevelSpec | RuntimeSpec): spec is RuntimeSpec {
  return Array.isArray((spec as { operators?: unknown }).operators);
}

function defaultPrefix(runtime: RuntimeSpec, data: Record<string, readonly object[]>): string {
  const hash = createHash('sha256').update(JSON.stringify(runtime)).update('\0').update(JSON.stringify(data));
  return `c${hash.digest('hex').slice(0, 10)}-`;
}

/**
 * Rewrites ` id="X"` and the references to it (`clip-path`, `fill`, `stroke`, `mask`, `filter`
 * = `url(#X)`, `href` = `#X`) inside tags only, for ids the SVG defines. Text content never
 * matches (it lies between tags) and other attributes are left alone, so user text in
 * `aria-label`s stays as it was.
 */
export function prefixIds(svg: string, prefix: string): string {
  const ids = new Set<string>();
  for (const tag of svg.matchAll(/<[^>]+>/g)) for (const m of tag[0].matchAll(/ id="([^"]+)"/g)) ids.add(m[1]!);
  if (ids.size === 0) return svg;
  return svg.replace(/<[^>]+>/g, (tag) =>
    tag
      .replace(/ id="([^"]+)"/g, (whole, id: string) => (ids.has(id) ? ` id="${prefix}${id}"` : whole))
      .replace(/ (clip-path|fill|stroke|mask|filter)="url\(#([^)"]+)\)"/g, (whole, name: string, id: string) =>
        ids.has(id) ? ` ${name}="url(#${prefix}${id})"` : whole,
      )
      .replace(/ (href|xlink:href)="#([^"]+)"/g, (whole, name: string, id: string) => (ids.has(id) ? ` ${name}="#${prefix}${id}"` : whole)),
  );
}
