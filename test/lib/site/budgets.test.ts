import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHART_RUNTIME_KB, MAX_FILE_BYTES, pageKind, WEIGHT_BUDGETS } from '../../../src/lib/site/budgets.ts';
import { ROOT } from '../../support/fixtures.ts';

describe('pageKind(path)', () => {
  it.each([
    ['index.html', 'home'],
    ['404.html', 'not-found'],
    ['experiments/0/index.html', 'experiment'],
    ['runs/ab12/index.html', 'run'],
    ['compare/index.html', 'compare'],
    ['compare/a..b/index.html', 'static-compare'],
    ['models/churn-model/index.html', 'model'],
    ['reports/why/index.html', 'report'],
  ])('%s is a %s page', (path, kind) => {
    expect(pageKind(path)).toBe(kind);
  });

  it.each(['data/runs/ab.json', '_astro/Base.css', 'runs/ab/other.html', 'data/artifacts/ab/report.html', 'runs/ab/x/index.html'])('%s is not a page', (path) => {
    expect(pageKind(path)).toBeUndefined();
  });
});

describe('the budgets in README.md', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const rows = readme.split('\n').filter((line) => line.startsWith('| '));
  const row = (label: string) => rows.find((line) => line.startsWith(`| ${label} |`));

  it.each(WEIGHT_BUDGETS.map((b) => [b.label, b.kb]))('states the first-view budget of a %s: %d KB', (label, kb) => {
    expect(row(`first view, ${label}`)).toMatch(new RegExp(`\\| ${kb} KB \\|$`));
  });

  it('states the per-file limit and the chart runtime budget', () => {
    expect(row('largest file')).toMatch(new RegExp(`\\| ${MAX_FILE_BYTES / 1024 / 1024} MB \\|$`));
    expect(row('chart runtime, loaded when the first chart shows')).toMatch(new RegExp(`\\| ${CHART_RUNTIME_KB} KB \\|$`));
  });
});
