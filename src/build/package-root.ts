/**
 * The installed package's own folder (where package.json, astro.config.mjs, public/ and the
 * Astro sources live), from this module's location: `src/build/` in a clone, `dist/build/` in
 * the published package, the same depth either way. Read only: a build never writes here.
 */
import { fileURLToPath } from 'node:url';

export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A module beside the calling one, with the caller's extension (`.ts` in a clone, `.js` when compiled). */
export function siblingModule(name: string, callerUrl: string): URL {
  const extension = callerUrl.endsWith('.ts') ? '.ts' : '.js';
  return new URL(`./${name}${extension}`, callerUrl);
}
