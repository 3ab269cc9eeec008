import { describe, expect, it } from 'vitest';
import { keyIndex, tableColumns } from '../../../src/components/table/columns.ts';
import { csvCell, downloadName, toCsv, toJson } from '../../../src/components/table/export.ts';
import { layout, record, T0 } from './records.ts';

/** A strict RFC 4180 reader, written here so the writer is checked against the RFC, not itself. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let cell = '';
    if (text[i] === '"') {
      i += 1;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) throw new Error('unterminated quote');
        cell += text.slice(i, q);
        i = q + 1;
        if (text[i] === '"') {
          cell += '"';
          i += 1;
        } else break;
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n') throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`);
        cell += text[i];
        i += 1;
      }
    }
    row.push(cell);
    if (text[i] === ',') i += 1;
    else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else if (i < text.length) throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
  }
  if (row.length > 0) throw new Error('last line has no CRLF');
  return rows;
}

describe('csvCell(text)', () => {
  it('leaves plain text alone', () => {
    expect(csvCell('fox-1')).toBe('fox-1');
    expect(csvCell('')).toBe('');
  });

  it('quotes text holding a comma, quote or line break, doubling quotes (RFC 4180)', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"');
  });

  it('prefixes a leading =, +, -, @, tab or CR with a quote mark (formula injection)', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+33 6')).toBe("'+33 6");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvCell('a=1')).toBe('a=1');
  });
});

const keys = { metrics: ['acc', 'val/loss'], params: ['lr', '__proto__'] };
const columns = tableColumns(layout({ metrics: ['acc', 'val/loss'], params: ['lr', '__proto__'] }), keyIndex(keys));
const records = [
  record('r1', {
    name: 'fox, "the quick"',
    start: T0,
    end: T0 + 61_500,
    user: '=cmd|calc',
    source: '/home/ada/train.py',
    commit: '0123456789abcdef0123',
    m: [0.1 + 0.2, -0.5],
    p: ['-1e-3', 'x'],
  }),
  record('r2', { name: '', status: 'FAILED', m: ['NaN', '-Infinity'], p: [null, null] }),
];

describe('toCsv(columns, records, rows)', () => {
  const rows = parseCsv(toCsv(columns, records, [1, 0]));

  it('writes a header of MLflow-style names, run id first, the columns as shown, then one line per row in the given order', () => {
    expect(rows[0]).toEqual(['run_id', 'run_name', 'metrics.acc', 'metrics.val/loss', 'params.lr', 'params.__proto__', 'status', 'start_time', 'duration_ms', 'user_id', 'source_name', 'git_commit']);
    expect(rows.map((r) => r[0])).toEqual(['run_id', 'r2', 'r1']);
    expect(toCsv(columns, records, [])).toMatch(/^run_id,[^\r\n]*\r\n$/);
  });

  it('keeps full precision and the untruncated values the cells shorten', () => {
    expect(rows[2]).toEqual([
      'r1',
      'fox, "the quick"',
      '0.30000000000000004',
      '-0.5',
      "'-1e-3",
      'x',
      'FINISHED',
      '2023-11-14T22:13:20.000Z',
      '61500',
      "'=cmd|calc",
      '/home/ada/train.py',
      '0123456789abcdef0123',
    ]);
  });

  it('writes NaN and infinities as the Snapshot spells them and missing values as empty cells', () => {
    expect(rows[1]).toEqual(['r2', '', 'NaN', '-Infinity', '', '', 'FAILED', '', '', '', '', '']);
  });
});

describe('toJson(columns, records, rows)', () => {
  const parsed = JSON.parse(toJson(columns, records, [0, 1])) as Record<string, unknown>[];

  it('writes one object per row keyed by the CSV header names', () => {
    expect(parsed.map((r) => r.run_id)).toEqual(['r1', 'r2']);
    expect(parsed[0]!['metrics.acc']).toBe(0.1 + 0.2);
    expect(parsed[0]!['duration_ms']).toBe(61_500);
    expect(parsed[0]!['user_id']).toBe('=cmd|calc');
    expect(parsed[1]!['metrics.acc']).toBe('NaN');
    expect(parsed[1]!['params.lr']).toBeNull();
  });

  it('keeps a key spelled __proto__ as data', () => {
    expect(Object.hasOwn(parsed[0]!, 'params.__proto__')).toBe(true);
    expect(parsed[0]!['params.__proto__']).toBe('x');
  });

  it('writes an empty list for no rows', () => {
    expect(JSON.parse(toJson(columns, records, []))).toEqual([]);
  });
});

describe('downloadName(experimentId, extension)', () => {
  it('names the file after the experiment, with only safe characters', () => {
    expect(downloadName('12', 'csv')).toBe('runs-12.csv');
    expect(downloadName('b-mlruns:0', 'json')).toBe('runs-b-mlruns-0.json');
    expect(downloadName('../..', 'csv')).toBe('runs-experiment.csv');
  });
});
