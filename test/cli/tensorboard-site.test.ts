/**
 * A site built by `runfolio build` from the three real TensorBoard trees (one build for this
 * file): every run has its page with its metrics, params and the tracker and file it came from.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readStores } from '../../src/lib/read/index.ts';
import type { Snapshot } from '../../src/lib/model.ts';
import { routes, dataFiles } from '../../src/lib/site/routes.ts';
import { runCli } from '../support/cli.ts';
import { FIXTURES } from '../support/fixtures.ts';
import { load } from '../support/html.ts';
import { tempDir } from '../support/tmp.ts';

const TREES = join(FIXTURES, 'trackers/tensorboard');
const STORES = [join(TREES, 'pytorch-reducer/runs'), join(TREES, 'lightning-fractaldb'), join(TREES, 'tf2-katib/logs')];
const page = (route: string) => `${route.slice(1)}index.html`;

describe('runfolio build --store <TensorBoard log tree>…', () => {
  let out: string;
  let snapshot: Snapshot;

  beforeAll(async () => {
    out = join(tempDir(), 'site');
    const result = runCli(['build', ...STORES.flatMap((s) => ['--store', s]), '--out', out]);
    expect(result.stderr).toBe(`built ${out}: 12 run pages, 3 experiments, 51 data files\n`);
    expect(result.status).toBe(0);
    snapshot = await readStores(STORES);
  });

  it('lists each log tree as an experiment on the home page', () => {
    const $ = load(out, 'index.html');
    for (const name of ['runs', 'lightning-fractaldb', 'logs']) expect($(`a:contains("${name}")`).length).toBeGreaterThan(0);
  });

  it('says in the footer that the data comes from TensorBoard only', () => {
    expect(load(out, 'index.html')('footer').text()).toContain('Published with Runfolio from TensorBoard tracking data');
  });

  it('gives every run a page with its metrics and the tracker and file it came from', () => {
    expect(snapshot.runs).toHaveLength(12);
    for (const run of snapshot.runs) {
      const $ = load(out, page(routes.run(run.id)));
      expect($('h1').text()).toContain(run.name);
      expect($('dt:contains("Logged with")').next().text()).toBe(`TensorBoard, from ${run.provenance?.path}`);
      const metrics = $('section[aria-labelledby="metrics"] tbody th').map((_, el) => $(el).text()).get();
      expect(metrics.sort()).toEqual(Object.keys(run.metrics).sort());
    }
  });

  it('shows the hparams of the Lightning run, the module repr escaped as text', () => {
    const run = snapshot.runs.find((r) => r.name === 'lightning_logs/version_0')!;
    const $ = load(out, page(routes.run(run.id)));
    const params = Object.fromEntries($('section[aria-labelledby="params"] tbody tr').map((_, tr) => [[$(tr).find('th, td').first().text(), $(tr).find('td').last().text()]]).get() as [string, string][]);
    expect(params).toEqual({ backbone: run.params.backbone, learning_rate: '0.001' });
    expect(params.backbone).toContain('Linear(in_features=784');
  });

  it('writes every point of a run\'s repeated steps to its data file', () => {
    const run = snapshot.runs.find((r) => r.name === 'duplicate_steps/run_1')!;
    const data = JSON.parse(readFileSync(join(out, dataFiles.run(run.id)), 'utf8')) as { complete: boolean; metrics: { key: string; counts: number[] }[] };
    expect(data.complete).toBe(true);
    expect(data.metrics.map((m) => [m.key, m.counts])).toEqual([['dup_steps/bar', [210]], ['dup_steps/foo', [210]]]);
  });
});
