import { describe, expect, it } from 'vitest';
import { compareRuns, differencesOnly } from '../../../src/components/compare/compare-diff.ts';
import { comparisonCsv, comparisonFileName, comparisonJson } from '../../../src/components/compare/compare-export.ts';
import { summary } from '../../support/run-summary.ts';

const T0 = Date.UTC(2024, 1, 13, 14, 5);
const runs = [
  summary('a', { name: '=evil', startTime: T0, endTime: T0 + 61_500, params: [['lr', '0.1']], metrics: [['loss', 0.0010000000000000002], ['acc', 0.5]], tags: [['note', 'x,"y"']] }),
  summary('b', { params: [['lr', '0.1']], metrics: [['loss', 'NaN'], ['acc', 0.5]] }),
];

/** RFC 4180 rows (enough for these cells). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += c;
  }
  return rows;
}

describe('comparisonCsv(runs, comparison)', () => {
  const rows = parseCsv(comparisonCsv(runs, compareRuns(runs, 1)));
  const row = (section: string, key: string) => rows.find((r) => r[0] === section && r[1] === key);

  it('has a column per run in the order compared, and marks the baseline', () => {
    expect(rows[0]).toEqual(['section', 'key', 'a', 'b']);
    expect(rows[1]).toEqual(['baseline', '', '', 'baseline']);
  });

  it('keeps metric values exact, spelled as the Snapshot spells them', () => {
    expect(row('metrics', 'loss')).toEqual(['metrics', 'loss', '0.0010000000000000002', 'NaN']);
    expect(row('metrics', 'acc')).toEqual(['metrics', 'acc', '0.5', '0.5']);
  });

  it('writes start times in ISO 8601, durations in ms, text with the CSV guards', () => {
    expect(row('attributes', 'startTime')).toEqual(['attributes', 'startTime', '2024-02-13T14:05:00.000Z', '']);
    expect(row('attributes', 'duration')).toEqual(['attributes', 'duration', '61500', '']);
    expect(row('tags', 'note')).toEqual(['tags', 'note', 'x,"y"', '']);
  });

  it('holds only the rows shown when the page shows differences only', () => {
    const only = parseCsv(comparisonCsv(runs, differencesOnly(compareRuns(runs))));
    expect(only.some((r) => r[1] === 'acc')).toBe(false);
    expect(only.some((r) => r[1] === 'loss')).toBe(true);
  });
});

describe('comparisonJson(runs, comparison)', () => {
  it('names the runs and the baseline, and keeps values exact by section', () => {
    const json = JSON.parse(comparisonJson(runs, compareRuns(runs))) as { runs: unknown; baseline: string; sections: Record<string, { key: string; values: unknown[] }[]> };
    expect(json.runs).toEqual([{ id: 'a', name: '=evil' }, { id: 'b', name: 'b' }]);
    expect(json.baseline).toBe('a');
    expect(json.sections.metrics!.find((r) => r.key === 'loss')!.values).toEqual([0.0010000000000000002, 'NaN']);
    expect(json.sections.params).toEqual([{ key: 'lr', values: ['0.1', '0.1'] }]);
  });
});

describe('comparisonFileName(runs, extension)', () => {
  it('names the file after the first run and the count, with safe characters only', () => {
    expect(comparisonFileName([summary('a/b:c'), summary('x')], 'csv')).toBe('compare-a-b-c-2-runs.csv');
  });
});
