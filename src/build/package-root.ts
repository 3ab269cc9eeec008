/**
 * The installed package's own folder (where package.json, astro.config.mjs, public/ and the
 * Astro sources live), from this module's location: `src/build/` in a clone, `dist/build/` in
 * the published package, the same depth either way. Read only: a build never writes here.
 */
import { fileURLToPath } from 'node:url';

export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
