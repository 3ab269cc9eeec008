/** The meta.yaml checks of test/lib/read/yaml.test.ts and test/scripts/pyyaml.test.ts over every real store outside the repository. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED_FIXTURES } from '../support/fixtures.ts';
import { expectFastPathAgrees, expectPyyamlRoundTrip, metaYamlFiles } from '../support/meta-yaml.ts';

describe('meta.yaml files of the real stores', () => {
  const files = metaYamlFiles(join(SHARED_FIXTURES, 'real'));

  it('the fast path agrees with the YAML library on every file it accepts, and accepts most', () => {
    expect(files.length).toBeGreaterThan(300);
    expect(expectFastPathAgrees(files) / files.length).toBeGreaterThan(0.5);
  });

  it('our PyYAML emitter reproduces every MLflow 2.x/3.x file byte for byte (augury is 1.x)', () => {
    expect(expectPyyamlRoundTrip(files.filter((f) => !f.includes('/augury/')))).toBeGreaterThan(200);
  });
});
