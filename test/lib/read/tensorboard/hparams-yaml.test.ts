import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHparamsYaml } from '../../../../src/lib/read/tensorboard/hparams-yaml.ts';
import { FIXTURES } from '../../../support/fixtures.ts';
import { tempDir } from '../../../support/tmp.ts';

function plain(text: string) {
  const result = readHparamsYaml(text);
  if (!result.ok) throw new Error(result.message);
  return result;
}

describe('readHparamsYaml(text)', () => {
  it('reads plain hyperparameters as YAML 1.1 values, nested as they are', () => {
    expect(plain('lr: 0.001\nbatch_size: 32\nuse_amp: yes\nname: resnet\nnone: null\nopt:\n  betas: [0.9, 0.999]\n').value).toEqual({
      lr: 0.001,
      batch_size: 32,
      use_amp: true,
      name: 'resnet',
      none: null,
      opt: { betas: [0.9, 0.999] },
    });
  });

  it('keeps pickled objects as their tag text, marks them opaque, and never runs anything', () => {
    const dir = tempDir();
    const marker = join(dir, 'ran');
    const result = plain(
      [
        'model: !!python/object:__main__.Net',
        '  hidden: 64',
        `hook: !!python/object/apply:os.system ["touch ${marker}"]`,
        'fn: !!python/name:builtins.print ""',
        'blob: !!binary aGVsbG8=',
        'shape: !!python/tuple [3, 224, 224]',
        'labels: !!set {cat: null, dog: null}',
        'scale: !!python/float "0.5"',
        '',
      ].join('\n'),
    );
    expect(existsSync(marker)).toBe(false);
    expect(result.value).toEqual({
      model: '!!python/object:__main__.Net',
      hook: '!!python/object/apply:os.system',
      fn: '!!python/name:builtins.print',
      blob: '!!binary (5 bytes)',
      shape: [3, 224, 224],
      labels: ['cat', 'dog'],
      scale: 0.5,
    });
    expect([...result.opaque].sort()).toEqual(['fn', 'hook', 'model']);
  });

  it('reads the real 699 KB Lightning file full of python tags to its two hyperparameters', () => {
    const text = readFileSync(join(FIXTURES, 'trackers/tensorboard/lightning-fractaldb/lightning_logs/version_0/hparams.yaml'), 'utf8');
    const result = plain(text);
    expect(result.value).toEqual({ backbone: '!!python/object:__main__.Backbone', learning_rate: 0.001 });
    expect([...result.opaque]).toEqual(['backbone']);
  });

  it('follows aliases, but not more than a thousand times (an alias bomb cannot expand)', () => {
    expect(plain('base: &b {lr: 1}\ncopy: *b\n').value).toEqual({ base: { lr: 1 }, copy: { lr: 1 } });
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 9 }, (_, i) => `${'bcdefghij'[i]}: &${'bcdefghij'[i]} [${Array(10).fill(`*${'abcdefghi'[i]}`).join(', ')}]`)].join('\n');
    expect(readHparamsYaml(bomb)).toEqual({ ok: false, message: 'more than 1000 aliases' });
  });

  it.each([
    ['not YAML', 'a: [1, 2', /^not valid YAML/],
    ['a list', '- 1\n- 2\n', /^expected a mapping of hyperparameter names to values$/],
  ])('reports %s in one line', (_name, text, message) => {
    const result = readHparamsYaml(text);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toMatch(message);
  });

  it('reads an empty file as no hyperparameters', () => {
    expect(plain('').value).toEqual({});
  });
});
