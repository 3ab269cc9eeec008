import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { supportedNode } from '../../src/bin/node-version.ts';
import { ROOT } from '../support/fixtures.ts';

const engines = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
const versions = ['12.22.12', '18.20.4', '20.20.2', '22.11.0', '22.12.0', '22.13.0', '22.21.1', '23.11.0', '24.0.0', '24.21.0', '25.2.1', '26.0.0', '28.3.0'];

describe('supportedNode(version)', () => {
  it.each(versions)('agrees with package.json engines on %s', (version) => {
    expect(supportedNode(version)).toBe(semver.satisfies(version, engines));
  });

  it('accepts what Astro supports from 22.13 on, and nothing older', () => {
    expect(versions.filter(supportedNode)).toEqual(['22.13.0', '22.21.1', '24.0.0', '24.21.0', '26.0.0', '28.3.0']);
  });
});
