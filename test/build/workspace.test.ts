import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorkspace, NODE_ONLY_SOURCES, SITE_SOURCES } from '../../src/build/workspace.ts';
import { ROOT } from '../support/fixtures.ts';
import { tempDir } from '../support/tmp.ts';

describe('createWorkspace(tmpdir)', () => {
  it('copies the site sources but not the Node-only parts of src/lib, which the package leaves out too', () => {
    const workspace = createWorkspace(tempDir());
    try {
      for (const folder of SITE_SOURCES) expect(existsSync(join(workspace.root, folder)), folder).toBe(true);
      expect(existsSync(join(workspace.root, 'src/lib/site/format.ts'))).toBe(true);
      for (const folder of NODE_ONLY_SOURCES) {
        expect(existsSync(join(ROOT, folder)), folder).toBe(true);
        expect(existsSync(join(workspace.root, folder)), folder).toBe(false);
      }
      const files = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { files: string[] }).files;
      expect(files.filter((f) => f.startsWith('!'))).toEqual(NODE_ONLY_SOURCES.map((folder) => `!${folder}/`));
    } finally {
      workspace.remove();
    }
    expect(existsSync(workspace.root)).toBe(false);
  });
});
