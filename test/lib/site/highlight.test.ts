import { describe, expect, it } from 'vitest';
import { highlight, type Token } from '../../../src/lib/site/highlight.ts';

const kinds = (tokens: Token[], kind: string) => tokens.filter(([k]) => k === kind).map(([, text]) => text);

describe('highlight(text, "json")', () => {
  const text = '{\n  "val_accuracy": 0.9284,\n  "ok": true, "list": [1, -2.5e3, null],\n  "s": "a \\"quoted\\" word"\n}\n';
  const tokens = highlight(text, 'json');

  it('gives back the text unchanged, token by token', () => {
    expect(tokens.map(([, t]) => t).join('')).toBe(text);
  });

  it('tells keys from string values, and numbers, literals and punctuation apart', () => {
    expect(kinds(tokens, 'k')).toEqual(['"val_accuracy"', '"ok"', '"list"', '"s"']);
    expect(kinds(tokens, 's')).toEqual(['"a \\"quoted\\" word"']);
    expect(kinds(tokens, 'n')).toEqual(['0.9284', '1', '-2.5e3']);
    expect(kinds(tokens, 'l')).toEqual(['true', 'null']);
    expect(kinds(tokens, 'p').join('')).toBe('{:,:,:[,,],:}');
  });

  it('leaves what is not JSON as plain text', () => {
    const odd = '<script>alert(1)</script> {"a": }';
    const out = highlight(odd, 'json');
    expect(out.map(([, t]) => t).join('')).toBe(odd);
    expect(out.slice(0, 2)).toEqual([['', '<script>alert('], ['n', '1']]);
  });
});

describe('highlight(text, "yaml")', () => {
  const mlmodel = [
    'artifact_path: model',
    'flavors:',
    '  python_function:',
    '    env:',
    '      conda: conda.yaml   # the environment',
    '    python_version: 3.11.9',
    '  sklearn:',
    '    code: null',
    'model_size_bytes: 44791018',
    "utc_time_created: '2025-02-10 09:48:10.000000'",
    'dependencies:',
    '- python=3.11',
    '- pip:',
    '  - "torch==2.1"',
    'url: a#b # real comment',
    '',
  ].join('\n');
  const tokens = highlight(mlmodel, 'yaml');

  it('gives back the text unchanged', () => {
    expect(tokens.map(([, t]) => t).join('')).toBe(mlmodel);
  });

  it('colours keys, list dashes, numbers, literals, quoted strings and comments', () => {
    expect(kinds(tokens, 'k')).toEqual(['artifact_path', 'flavors', 'python_function', 'env', 'conda', 'python_version', 'sklearn', 'code', 'model_size_bytes', 'utc_time_created', 'dependencies', 'pip', 'url']);
    expect(kinds(tokens, 'n')).toEqual(['44791018']);
    expect(kinds(tokens, 'l')).toEqual(['null']);
    expect(kinds(tokens, 'c')).toEqual(['# the environment', '# real comment']);
    expect(kinds(tokens, 's')).toEqual(['model', 'conda.yaml', '3.11.9', "'2025-02-10 09:48:10.000000'", 'python=3.11', '"torch==2.1"', 'a#b']);
  });
});

describe('highlight(text, "text")', () => {
  it('is one plain token', () => {
    expect(highlight('mlflow==2.9.2\nnumpy\n', 'text')).toEqual([['', 'mlflow==2.9.2\nnumpy\n']]);
  });
});
