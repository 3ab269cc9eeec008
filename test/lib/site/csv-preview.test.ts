import { describe, expect, it } from 'vitest';
import { csvPreview } from '../../../src/lib/site/csv-preview.ts';

describe('csvPreview(text)', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks, and CRLF line ends', () => {
    const text = 'epoch,"val, loss",note\r\n1,0.9,"said ""hi"""\r\n2,0.5,"two\nlines"\r\n';
    expect(csvPreview(text)).toEqual({ header: ['epoch', 'val, loss', 'note'], rows: [['1', '0.9', 'said "hi"'], ['2', '0.5', 'two\nlines']], moreRows: false, columns: 3 });
  });

  it('keeps the first rows and says more follow', () => {
    const text = ['a,b', ...Array.from({ length: 50 }, (_, i) => `${i},${i * 2}`)].join('\n');
    const preview = csvPreview(text, ',', { rows: 3, columns: 20, cell: 200 });
    expect(preview.rows).toEqual([['0', '0'], ['1', '2'], ['2', '4']]);
    expect(preview.moreRows).toBe(true);
  });

  it('cuts wide rows and long cells, counting the columns it saw', () => {
    const preview = csvPreview(`${'x'.repeat(10)},b,c\n1,2,3\n`, ',', { rows: 5, columns: 2, cell: 5 });
    expect(preview.header).toEqual(['xxxx…', 'b']);
    expect(preview.rows).toEqual([['1', '2']]);
    expect(preview.columns).toBe(3);
  });

  it('reads TSV, skips a byte-order mark and blank lines, keeps ragged rows', () => {
    expect(csvPreview('\ufeffa\tb\n\n1\n2\t3\t4\n', '\t')).toEqual({ header: ['a', 'b'], rows: [['1'], ['2', '3', '4']], moreRows: false, columns: 3 });
  });

  it('gives an empty table for an empty file', () => {
    expect(csvPreview('')).toEqual({ header: [], rows: [], moreRows: false, columns: 0 });
  });
});
