/**
 * Every internal URL of the site goes through `withBase()`, so the site works under a sub-path
 * (`--base /repo/` on GitHub Pages). `base` is Astro's `import.meta.env.BASE_URL` at render time.
 */

/** `withBase('/runs/abc/', '/repo/')` → `/repo/runs/abc/`; absolute URLs pass through untouched. */
export function withBase(path: string, base: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('//') || path.startsWith('#')) return path;
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return prefix + path.replace(/^\/+/, '');
}

/** A path segment from an id or name (ids may hold `:`; names `/` and spaces): percent-encoded. */
export function segment(value: string): string {
  return encodeURIComponent(value);
}
