/**
 * A site built by the real `runfolio build` from the two W&B fixtures merged with an MLflow store:
 * the W&B runs get experiment and run pages with their params, metrics and chart data like any
 * other, and the metadata's personal values (e-mail addresses, host names, home paths) are in no
 * file of the output: the default redaction masks them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fg from 'fast-glob';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { FIXTURES } from '../support/fixtures.ts';
import { load } from '../support/html.ts';
import { tempDir } from '../support/tmp.ts';

const WANDB = join(FIXTURES, 'trackers/wandb');
const out = join(tempDir(), 'site');

beforeAll(() => {
  const result = runCli(['build', '--store', join(WANDB, 'kwt-0.12-killed'), '--store', join(WANDB, 'cs336-0.21-core'), '--store', join(FIXTURES, 'real/yolo-slash'), '--out', out]);
  if (result.status !== 0) throw new Error(`build failed (${result.status}): ${result.stderr}`);
});

function metricRows(page: string): Record<string, string> {
  const $ = load(out, page);
  const rows: Record<string, string> = {};
  $('#metrics').closest('section').find('tbody tr').each((_, tr) => {
    rows[$(tr).find('th').text()] = $(tr).find('td').last().text();
  });
  return rows;
}

function pairs(page: string, heading: string): Record<string, string> {
  const $ = load(out, page);
  const found: Record<string, string> = {};
  $(`#${heading}`).closest('section').find('tbody tr').each((_, tr) => {
    found[$(tr).find('th').text()] = $(tr).find('td').text();
  });
  return found;
}

describe('a site built from W&B run folders and an MLflow store', () => {
  it('lists the W&B projects as experiments beside the MLflow ones', () => {
    const $ = load(out, 'index.html');
    const links = $('a[href^="/experiments/"]').map((_, a) => $(a).attr('href')).get();
    expect(links).toEqual(expect.arrayContaining(['/experiments/kwt-improvements/', '/experiments/Transformer-BatchSize-Sweep/', '/experiments/596793538227028894/']));
  });

  it('names both trackers in the footer of every page', () => {
    for (const page of ['index.html', 'runs/3ojed7lz/index.html', 'experiments/596793538227028894/index.html']) {
      expect(load(out, page)('footer').text()).toContain('Published with Runfolio from MLflow and W&B tracking data');
    }
  });

  it('gives a W&B run a run page with its name, status, params and every metric', () => {
    const $ = load(out, 'runs/3ojed7lz/index.html');
    expect($('h1').text()).toMatch(/^First try\s*killed$/);
    expect(pairs('runs/3ojed7lz/index.html', 'params')).toEqual({ Notes: 'Default Hyper Parameters, Swish activation.' });
    const rows = metricRows('runs/3ojed7lz/index.html');
    expect(rows).toMatchObject({ 'Training/loss': '861', 'Validation/accuracy': '862', 'system/cpu': '18', 'system/network.sent': '18' });
    expect(Object.keys(rows)).toHaveLength(26);
  });

  it('writes chart data for the run page\'s metric charts', () => {
    const $ = load(out, 'runs/8atu6kfy/index.html');
    const charted = JSON.parse($('[data-run-charts]').attr('data-metrics') as string) as string[];
    expect(charted).toEqual(expect.arrayContaining(['train/loss', 'val/loss', 'system/gpu.0.temp']));
    const data = JSON.parse(readFileSync(join(out, 'data/runs/8atu6kfy.json'), 'utf8')) as { metrics: { key: string; totals: number[] }[] };
    expect(data.metrics.find((m) => m.key === 'train/loss')?.totals).toEqual([2000]);
    expect(pairs('runs/8atu6kfy/index.html', 'params')).toEqual({ batch_size: '4' });
  });

  it('shows the W&B tags and metadata among the run\'s tags', () => {
    const tags = pairs('runs/8atu6kfy/index.html', 'tags');
    expect(tags).toMatchObject({ 'wandb.sweep_id': 'xbxyxg7i', 'wandb.meta.os': 'macOS-26.2-arm64-arm-64bit', 'wandb.meta.git.commit': '430e2c844e29f8aad8f9330e8706db9cb508241f' });
  });

  it('ranks the W&B runs on their experiment page', () => {
    const $ = load(out, 'experiments/kwt-improvements/index.html');
    expect($('main').text()).toMatch(/Leaderboard by Validation\/accuracy/);
    expect($('main a[href="/runs/3ojed7lz/"]').first().text()).toBe('First try');
  });

  it('publishes no e-mail address, host name or home folder from the W&B metadata', () => {
    const personal = ['reuterchris05@gmail.com', 'CVH6FWYQJ5', 'ip-172-31-3-98', '/Users/I749950', '/home/ubuntu'];
    const files = fg.sync('**/*', { cwd: out, onlyFiles: true });
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const text = readFileSync(join(out, file), 'utf8');
      for (const value of personal) expect(text.includes(value), `${file} holds ${value}`).toBe(false);
    }
    expect(pairs('runs/8atu6kfy/index.html', 'tags')).toMatchObject({ 'wandb.meta.email': '[redacted]', 'wandb.meta.host': '[redacted]', 'wandb.meta.root': '~/Downloads/Vorlesungen/Zusatz /CS336/assignment1-basics' });
  });

  it('folds the machine facts (wandb.meta.*) with the system tags, and keeps W&B tags, group and sweep with the user\'s', () => {
    const $ = load(out, 'runs/8atu6kfy/index.html');
    const section = $('#tags').closest('section');
    const folded = section.find('details tbody th').map((_, th) => $(th).text()).get();
    const open = section.children('.table-wrap, table').find('tbody th').map((_, th) => $(th).text()).get();
    expect(folded.length).toBeGreaterThan(5);
    expect(folded.every((key) => key.startsWith('wandb.meta.') || key.startsWith('mlflow.'))).toBe(true);
    expect(open).toContain('wandb.sweep_id');
    expect(open.some((key) => key.startsWith('wandb.meta.'))).toBe(false);
  });
});
