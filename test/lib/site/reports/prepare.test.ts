/** prepareReports(sources, context): whole reports, every problem at once, drafts, citations, inclusion. */
import { describe, expect, it } from 'vitest';
import { prepareReports, reportsWithin, TOC_MIN_HEADINGS } from '../../../../src/lib/site/reports/prepare.ts';
import { ReportError } from '../../../../src/lib/site/reports/problems.ts';
import { EXIT } from '../../../../src/lib/errors.ts';
import { block, contextOf, prepareOne, problemLines, source } from './support.ts';
import { RUNS, teamSnapshot } from './team-snapshot.ts';

const context = contextOf(teamSnapshot());

describe('when reports have problems', () => {
  const broken = { slug: 'broken', file: 'content/reports/broken.md', text: '---\ntitle: B\nsummry: x\nruns: [vision/nope]\n---\n\n' + block('leaderboard', 'experiment: visoin') + '\nText `runfolio:value run=vision/baseline metric=val_acc`.\n' };
  const alsoBroken = { slug: 'also', file: 'content/reports/also.md', text: '---\ntitle: [\n---\n\n`runfolio:link run=vision/nope`\n' };

  it('throws one ReportError (exit 3) listing every problem of every report, by file and line', async () => {
    const error = await prepareReports([broken, alsoBroken, source('Fine.\n')], context).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportError);
    expect((error as ReportError).exitCode).toBe(EXIT.input);
    expect((error as ReportError).problems.map((p) => `${p.file}:${p.line}`)).toEqual([
      'content/reports/also.md:2', 'content/reports/also.md:5',
      'content/reports/broken.md:3', 'content/reports/broken.md:4', 'content/reports/broken.md:8', 'content/reports/broken.md:11',
    ]);
    const lines = (error as ReportError).message.split('\n');
    expect(lines[0]).toBe('6 problems in reports:');
    expect(lines[3]).toBe('content/reports/broken.md:3: front matter: unknown key "summry" (did you mean "summary"?)');
    expect(lines[5]).toBe('content/reports/broken.md:8: leaderboard: no experiment "visoin" (did you mean "vision"?)');
  });

  it('says a single problem in one line', async () => {
    const error = (await prepareReports([source(block('diff', 'runs: [vision/baseline]'))], context).catch((e: unknown) => e)) as ReportError;
    expect(error.message).toBe('reports/r.md:5: diff: runs: a diff needs two or more different runs, the baseline included');
  });
});

describe('drafts', () => {
  const draft = { slug: 'draft', file: 'reports/draft.md', text: '---\ntitle: D\ndraft: true\n---\n`runfolio:value run=vision/nope param=lr`\n' };

  it('are left out, and not checked, unless asked for', async () => {
    expect((await prepareReports([draft, source('Fine.\n')], context)).map((r) => r.view.slug)).toEqual(['r']);
    expect(await problemLines([draft], context, { drafts: true })).toEqual([expect.stringMatching(/^reports\/draft.md:5: value: no run matches "vision\/nope"/)]);
  });

  it('are published, marked as drafts, with --drafts', async () => {
    const fine = { ...draft, text: draft.text.replace('vision/nope', 'vision/baseline') };
    const [report] = await prepareReports([fine], context, { drafts: true });
    expect(report!.view).toMatchObject({ slug: 'draft', draft: true });
  });
});

describe('a report', () => {
  it('keeps its front matter, and comes newest first, undated last, then by slug', async () => {
    const make = (slug: string, date?: string) => ({ slug, file: `reports/${slug}.md`, text: `---\ntitle: ${slug}\n${date ? `date: ${date}\n` : ''}authors: [a, b]\ntags: t\nexperiments: [vision, '2']\n---\n` });
    const reports = await prepareReports([make('old', '2024-01-01'), make('undated'), make('b-new', '2025-03-01'), make('a-new', '2025-03-01')], context);
    expect(reports.map((r) => r.view.slug)).toEqual(['a-new', 'b-new', 'old', 'undated']);
    expect(reports[0]!.view).toMatchObject({ title: 'a-new', date: '2025-03-01', authors: ['a', 'b'], tags: ['t'], draft: false, experiments: [{ id: '1', name: 'vision' }, { id: '2', name: 'churn' }] });
  });

  it('cites its front matter runs, then the runs its embeds show, in order of first mention, once each', async () => {
    const body = '`runfolio:value run=vision/lr0.4-bs128 param=lr`\n\n' + block('leaderboard', 'parent: vision/sweep\nmetric: val/acc\ntop: 2') + '\n`runfolio:link model=models:/clf@challenger`\n';
    const report = await prepareOne(body.replace(/^/, ''), context);
    expect(report.view.runs.map((r) => r.name)).toEqual(['lr0.4-bs128', 'lr0.4-bs512', 'lr0.1-bs128']);
    const withFront = await prepareReports([{ slug: 'f', file: 'reports/f.md', text: `---\ntitle: F\nruns: [vision/baseline]\n---\n${body}` }], context);
    expect(withFront[0]!.view.runs.map((r) => r.id)).toEqual([RUNS.baseline, RUNS.diverged, RUNS.big, RUNS.small]);
  });

  it('needs every run it shows published, scatter dots included, and is left out of sites without them', async () => {
    const shown = await prepareOne(block('scatter', 'experiment: churn\nparam: model'), context);
    expect(shown.view.runs).toEqual([]);
    expect(shown.runIds.sort()).toEqual([RUNS.logreg, RUNS.xgb].sort());
    expect(reportsWithin([shown], new Set([RUNS.logreg]))).toEqual([]);
    expect(reportsWithin([shown], new Set([RUNS.logreg, RUNS.xgb, RUNS.big]))).toEqual([shown]);
  });

  it('keeps code blocks as code to highlight, with their language, and embeds in place', async () => {
    const report = await prepareOne('Intro.\n\n```python\nx = 1\n```\n\n```\nplain\n```\n\nValue `runfolio:value run=vision/baseline param=lr` here.\n', context);
    expect(report.view.body.map((p) => p.kind)).toEqual(['html', 'code', 'html', 'code', 'html', 'value', 'html']);
    expect(report.view.body[1]).toEqual({ kind: 'code', code: 'x = 1', lang: 'python' });
    expect(report.view.body[3]).toEqual({ kind: 'code', code: 'plain', lang: 'plaintext' });
    expect(report.view.body.slice(4).map((p) => ('html' in p ? p.html : p.kind))).toEqual(['\n\n<p>Value ', 'value', ' here.</p>\n']);
  });

  it(`gets a table of contents from ${TOC_MIN_HEADINGS} headings of levels 2 and 3`, async () => {
    const short = await prepareOne('## A\n\n## B\n\n#### deep\n', context);
    expect(short.view.toc).toEqual([]);
    const long = await prepareOne('## A\n\n### A1\n\n## Best: `runfolio:value best=vision attribute=run_name`\n', context);
    expect(long.view.toc).toEqual([
      { depth: 2, id: 'a', text: 'A' },
      { depth: 3, id: 'a1', text: 'A1' },
      { depth: 2, id: 'best-lr04-bs512', text: 'Best: lr0.4-bs512' },
    ]);
  });
});
