import { describe, expect, it } from 'vitest';
import { siteResults } from '../../../src/components/search/site-results.ts';
import { routes } from '../../../src/lib/site/routes.ts';
import type { RunIndexEntry } from '../../../src/lib/site/run-data.ts';

const run = (id: string, name: string, experimentName = 'exp'): RunIndexEntry => ({ id, name, experimentId: '1', experimentName, status: 'FINISHED' });

describe('siteResults(experiments, runs, query, base, limit)', () => {
  const experiments = [{ id: '1', name: 'churn' }, { id: '2', name: 'Churn-v2' }, { id: '30', name: 'vision' }];
  const runs = [run('c0ffee', 'churn'), run('abc', 'old churn run'), run('def', '', 'churn')];

  it('puts an experiment before a run that matches as well, best matches first', () => {
    const { results } = siteResults(experiments, runs, 'churn', '/', 20);
    expect(results.map((r) => `${r.kind}:${r.id}`)).toEqual(['experiment:1', 'run:c0ffee', 'experiment:2', 'run:abc']);
  });

  it('matches ids by prefix and names runs without a name by their short id', () => {
    const { results } = siteResults(experiments, [...runs, run('3abcdef0123', '')], '3', '/', 20);
    expect(results.map((r) => [r.kind, r.id, r.title, r.field])).toEqual([
      ['experiment', '30', 'vision', 'id'],
      ['run', '3abcdef0123', '3abcdef0', 'id'],
    ]);
  });

  it('does not search runs by their experiment name', () => {
    expect(siteResults([], runs, 'churn', '/', 20).results.map((r) => r.id)).not.toContain('def');
  });

  it('links to the experiment and run pages under the base path', () => {
    const { results } = siteResults(experiments, runs, 'churn', '/repo/', 20);
    expect(results.find((r) => r.id === '1')!.href).toBe(`/repo${routes.experiment('1')}`);
    expect(results.find((r) => r.id === 'c0ffee')!.href).toBe(`/repo${routes.run('c0ffee')}`);
  });

  it('gives hostile ids a safe link', () => {
    const id = 'javascript:alert(1)//<x>';
    const [result] = siteResults([], [run(id, 'evil')], 'evil', '/', 20).results;
    expect(result!.href.startsWith('/runs/')).toBe(true);
    expect(result!.href).not.toMatch(/[<>:]/);
  });

  it('stops at the limit and counts every match', () => {
    const many = Array.from({ length: 30 }, (_, i) => run(`r${i}`, `sweep-${i}`));
    const { results, total } = siteResults([{ id: '9', name: 'sweeps' }], many, 'sweep', '/', 20);
    expect(results).toHaveLength(20);
    expect(total).toBe(31);
    expect(results[0]!.kind).toBe('experiment');
  });
});
