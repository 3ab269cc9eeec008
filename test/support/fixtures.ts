/**
 * Where fixtures live. `FIXTURES` is the repository's own copy (test/fixtures: real stores whose
 * licences allow it), which `npm test` uses. `SHARED_FIXTURES` is the full set outside the
 * repository, read only by the conformance suite (`npm run test:conformance`).
 */
import { join, resolve } from 'node:path';

export const ROOT = join(import.meta.dirname, '../..');
export const FIXTURES = join(ROOT, 'test/fixtures');
export const SHARED_FIXTURES = resolve(process.env.RUNFOLIO_FIXTURES ?? join(ROOT, '../shared/fixtures'));
