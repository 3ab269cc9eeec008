import { describe, expect, it } from 'vitest';
import { blockSource, inlineSource } from '../../../../../src/lib/site/reports/embeds/source.ts';

describe('blockSource(block)', () => {
  it('reads the kind from the fence and the body as text values, with each key\'s line', () => {
    const source = blockSource({ info: 'runfolio', meta: 'leaderboard', code: 'experiment: 427193846021337512\ntop: 5\ncolumns: [params.lr]', line: 10 });
    expect(source.kind).toBe('leaderboard');
    expect(source.fields).toEqual({ experiment: '427193846021337512', top: '5', columns: ['params.lr'] });
    expect(source.errors).toEqual([]);
    expect(source.lineOf('top')).toBe(12);
    expect(source.lineOf('missing')).toBe(10);
  });

  it('reports YAML errors at their line, a body that is not a mapping, and words after the kind', () => {
    expect(blockSource({ info: 'runfolio', meta: 'diff', code: 'top: 3\ntop: 4\n', line: 4 }).errors).toEqual([{ line: 6, message: 'Map keys must be unique' }]);
    expect(blockSource({ info: 'runfolio', meta: 'diff', code: '- a\n- b', line: 4 }).errors).toEqual([{ line: 5, message: 'the body must be YAML keys and values (key: value), one per line' }]);
    expect(blockSource({ info: 'runfolio', meta: 'diff extra', code: '', line: 4 }).errors).toEqual([{ line: 4, message: 'unexpected "extra" after the kind on the fence line: options go in the YAML body' }]);
    expect(blockSource({ info: 'runfolio', meta: 'diff', code: '', line: 4 }).fields).toEqual({});
  });
});

describe('inlineSource(span)', () => {
  it('reads the kind and key=value pairs, quoted values with spaces and escapes', () => {
    const source = inlineSource({ text: `value run=a/b metric="val loss" filter='params.x = "1"' text="say \\"hi\\""`, line: 7, nested: false });
    expect(source.kind).toBe('value');
    expect(source.fields).toEqual({ run: 'a/b', metric: 'val loss', filter: 'params.x = "1"', text: 'say "hi"' });
    expect(source.errors).toEqual([]);
    expect(source.lineOf('run')).toBe(7);
  });

  it('rejects text that is not key=value, a key given twice, and keeps __proto__ a plain key', () => {
    expect(inlineSource({ text: 'value run=a oops', line: 2, nested: false }).errors).toEqual([{ line: 2, message: 'expected key=value at "oops" (quote a value that holds spaces: key="a b")' }]);
    expect(inlineSource({ text: 'value run=a run=b', line: 2, nested: false }).errors).toEqual([{ line: 2, message: 'run is given twice' }]);
    const proto = inlineSource({ text: 'value __proto__=x', line: 2, nested: false }).fields as Record<string, unknown>;
    expect(Object.keys(proto)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(proto)).toBe(Object.prototype);
  });
});
