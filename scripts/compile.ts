/**
 * `npm run compile`: the Node side of the package → JavaScript in dist/ (tsconfig.build.json),
 * from a clean folder so no file of a deleted module lingers in the package. npm runs it before
 * `npm pack` and `npm publish` (prepack).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
rmSync(join(root, 'dist'), { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);
chmodSync(join(root, 'dist/bin/runfolio.js'), 0o755);
