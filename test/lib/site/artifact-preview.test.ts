import { describe, expect, it } from 'vitest';
import { maskKeyedSecrets, previewOf, readContent } from '../../../src/lib/site/artifact-preview.ts';
import { PREVIEW } from '../../../src/lib/site/artifact-kinds.ts';

const noMask = (text: string) => text;

describe('maskKeyedSecrets(text)', () => {
  it('masks the values of keys that name a secret in YAML, JSON, .env and INI lines', () => {
    const text = ['db_password: hunter2', '  "api_key": "sk-123",', 'export AWS_SECRET_ACCESS_KEY=abc', 'token = xyz', 'max_tokens: 512', 'tokenizer: bpe', 'lr: 0.1'].join('\n');
    expect(maskKeyedSecrets(text)).toBe(['db_password: [redacted]', '  "api_key": "[redacted]",', 'export AWS_SECRET_ACCESS_KEY=[redacted]', 'token = [redacted]', 'max_tokens: 512', 'tokenizer: bpe', 'lr: 0.1'].join('\n'));
  });

  it('leaves nested values and empty values alone', () => {
    expect(maskKeyedSecrets('password:\n  value: x\ncredentials: {\n')).toBe('password:\n  value: x\ncredentials: {\n');
  });
});

describe('readContent(path, kind, bytes, mask)', () => {
  it('masks text before it is copied and keeps binary files byte for byte', () => {
    const text = readContent('args.yaml', 'yaml', Buffer.from('password: p\nkey: sk-proj-abcdefghijklmnopqrstuvwxyz0\n'), (t) => t.replace('sk-proj-abcdefghijklmnopqrstuvwxyz0', '[redacted]'));
    expect(text.text).toBe('password: [redacted]\nkey: [redacted]\n');
    expect(Buffer.from(text.bytes).toString()).toBe(text.text);
    const binary = Buffer.from([0x89, 0x50, 0x00, 0xff]);
    expect(readContent('plot.png', 'image', binary, noMask)).toEqual({ kind: 'image', bytes: binary });
  });

  it('takes a file without an extension that decodes as text for text', () => {
    expect(readContent('requirements', 'other', Buffer.from('numpy\n'), noMask).kind).toBe('text');
    expect(readContent('weights', 'other', Buffer.from([0, 1, 2]), noMask).kind).toBe('other');
    expect(readContent('model.pkl', 'other', Buffer.from('text-like'), noMask).kind).toBe('other');
  });
});

describe('previewOf(path, content)', () => {
  it('shows an SVG through a data: URL, up to its size limit', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>x()</script></svg>';
    const preview = previewOf('a.svg', readContent('a.svg', 'svg', Buffer.from(svg), noMask));
    expect(preview).toEqual({ type: 'svg', dataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` });
    const big = `<svg>${' '.repeat(PREVIEW.svgBytes)}</svg>`;
    expect(previewOf('b.svg', readContent('b.svg', 'svg', Buffer.from(big), noMask))).toBeUndefined();
  });

  it('never previews HTML, and makes CSV a table and YAML coloured code', () => {
    expect(previewOf('r.html', readContent('r.html', 'html', Buffer.from('<h1>x</h1>'), noMask))).toBeUndefined();
    expect(previewOf('m.tsv', readContent('m.tsv', 'csv', Buffer.from('a\tb\n1\t2\n'), noMask))).toMatchObject({ type: 'table', header: ['a', 'b'], rows: [['1', '2']] });
    expect(previewOf('MLmodel', readContent('MLmodel', 'yaml', Buffer.from('a: 1\n'), noMask))).toEqual({ type: 'code', language: 'yaml', tokens: [['k', 'a'], ['p', ':'], ['', ' '], ['n', '1']], shownLines: 1, lines: 1, truncated: false });
  });
});
