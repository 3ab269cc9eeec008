import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFlatYaml } from '../../../src/lib/read/flat-yaml.ts';
import { parseWithLibrary, parseYamlMapping } from '../../../src/lib/read/yaml.ts';
import { dumpYaml } from '../../../src/generate/pyyaml.ts';
import { Prng } from '../../../src/generate/prng.ts';
import { FIXTURES } from '../../support/fixtures.ts';
import { expectFastPathAgrees, metaYamlFiles } from '../../support/meta-yaml.ts';

describe('parseYamlMapping(text)', () => {
  it('reads YAML 1.1 as PyYAML does: yes/no are booleans, a bare n is a string', () => {
    const result = parseYamlMapping('a: yes\nb: n\nc: 0o17\nd: "x"\n');
    expect(result).toEqual({ ok: true, value: { a: true, b: 'n', c: '0o17', d: 'x' } });
  });

  it('keeps a huge unquoted legacy integer id exact, as a string', () => {
    expect(parseYamlMapping('experiment_id: 340664372522611120\n')).toEqual({ ok: true, value: { experiment_id: '340664372522611120' } });
  });

  it.each([
    ['', 'empty file'],
    ['- a\n', 'expected a mapping of keys to values, got a list'],
    ['a: [1', /not valid YAML/],
  ])('reports %j as %s', (text, message) => {
    const result = parseYamlMapping(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});

describe('parseFlatYaml(text), the fast path', () => {
  it('agrees with the YAML library on every meta.yaml of the real stores kept here it accepts, and accepts most', () => {
    const files = metaYamlFiles(join(FIXTURES, 'real'));
    expect(files.length).toBeGreaterThan(70);
    expect(expectFastPathAgrees(files) / files.length).toBeGreaterThan(0.5);
  });

  it('agrees with the library on mappings written by our PyYAML emitter', () => {
    const rng = new Prng(7);
    const words = ['active', 'deleted', 'None', 'yes', 'no', 'null', '~', '', "it's", 'a b', 'file:///tmp/x y', '0123', '12:30', '1.5', 'deadbeef', '2020-01-01', 'n', 'on', '#x', '-', 'é', 'a: b'];
    for (let i = 0; i < 2000; i++) {
      const data: Record<string, string | number | null | boolean> = {};
      for (let k = 0; k < 6; k++) {
        const pick = rng.int(0, 4);
        data[`k${k}`] = pick === 0 ? rng.int(0, 2 ** 40) : pick === 1 ? null : pick === 2 ? rng.next() < 0.5 : (words[rng.int(0, words.length - 1)] as string);
      }
      const text = dumpYaml(data);
      const fast = parseFlatYaml(text);
      if (fast === undefined) continue;
      const library = parseWithLibrary(text);
      expect(library.ok ? library.value : library, text).toEqual(fast);
    }
  });

  it('falls back on what it does not handle: nesting, double quotes, floats, octal, timestamps', () => {
    for (const text of ['tags:\n  a: b\n', 'name: "x"\n', 'v: 1.5\n', 'v: 0123\n', 'v: 2020-01-01\n', 'v: 12:30\n', 'v: &a x\n', 'v: x # c\n', 'v: x\r\n']) {
      expect(parseFlatYaml(text), text).toBeUndefined();
    }
  });

  it('reads a hex id that looks like a float to the YAML library as a string, as PyYAML does', () => {
    expect(parseFlatYaml('run_id: 12e45\n')).toEqual({ run_id: '12e45' });
  });
});
