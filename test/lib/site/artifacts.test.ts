import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStores } from '../../../src/lib/read/index.ts';
import type { Run } from '../../../src/lib/model.ts';
import { maskText, parseRedactions } from '../../../src/lib/redact.ts';
import { publishArtifacts, type PublishOptions } from '../../../src/lib/site/artifacts.ts';
import { writeUnder } from '../../../src/lib/site/write-files.ts';
import { DEFAULT_ARTIFACTS_BUDGET, type ArtifactsBudget } from '../../../src/lib/site/artifacts-budget.ts';
import type { ArtifactView } from '../../../src/lib/site/views/types.ts';
import { snapshotToJson } from '../../../src/lib/snapshot-json.ts';
import { ARTIFACT_SECRETS, RUN_A, RUN_B, writeArtifactStore, XSS_NAME } from '../../support/artifact-store.ts';
import { hashTree, tempDir } from '../../support/tmp.ts';

async function setup() {
  const dir = tempDir();
  const store = writeArtifactStore(join(dir, 'mlruns'));
  const snapshot = await readStores([store]);
  const runs = snapshot.runs.filter((r) => r.experimentId === '1');
  return { dir, store, runs };
}

async function publish(runs: Run[], store: string, budget: ArtifactsBudget = DEFAULT_ARTIFACTS_BUDGET) {
  const site = tempDir();
  const redactions = parseRedactions([]);
  const options: PublishOptions = { stores: [store], budget, write: writeUnder(site), mask: (t) => maskText(t, redactions) };
  return { site, published: await publishArtifacts(runs, options) };
}

const byPath = (list: ArtifactView[] | undefined) => new Map((list ?? []).map((a) => [a.path, a]));

describe('publishArtifacts(runs, options)', () => {
  it('copies what fits the default budget and lists the rest with its size and why', async () => {
    const { store, runs } = await setup();
    const before = hashTree(store);
    const { site, published } = await publish(runs, store);
    const a = byPath(published.byRun.get(RUN_A));
    expect([...a.keys()]).toEqual(['args.yaml', 'big/weights.bin', 'config.json', 'estimator.html', 'metrics.csv', 'model/MLmodel', 'model/model.pkl', 'model/requirements.txt', `notes/${XSS_NAME}`, 'notes/long log.txt', 'plots/confusion_matrix.png', 'plots/curve.svg']);
    expect(a.get('big/weights.bin')).toEqual({ path: 'big/weights.bin', size: 3 * 1024 * 1024 + 1, kind: 'other', skipped: 'larger than the 2.0 MB a copied file may have (--artifacts-budget)' });
    expect(a.get('plots/confusion_matrix.png')).toMatchObject({ kind: 'image', file: `/data/artifacts/${RUN_A}/plots/confusion_matrix.png`, preview: { type: 'image' } });
    expect(readFileSync(join(site, 'data/artifacts', RUN_A, 'plots/confusion_matrix.png'))).toEqual(readFileSync(join(store, '1', RUN_A, 'artifacts/plots/confusion_matrix.png')));
    expect(published.files).toBe(11 + 3);
    expect(hashTree(store)).toBe(before);
  });

  it('stores HTML and SVG as .bin downloads and shows the SVG only as a data: URL', async () => {
    const { store, runs } = await setup();
    const { site, published } = await publish(runs, store);
    const a = byPath(published.byRun.get(RUN_A));
    expect(a.get('estimator.html')).toEqual({ path: 'estimator.html', size: 99, kind: 'html', file: `/data/artifacts/${RUN_A}/estimator.html.bin`, download: 'estimator.html' });
    expect(a.get('plots/curve.svg')).toMatchObject({ file: `/data/artifacts/${RUN_A}/plots/curve.svg.bin`, download: 'curve.svg', preview: { type: 'svg' } });
    const files = readdirSync(join(site, 'data/artifacts', RUN_A), { recursive: true }).map(String);
    expect(files.filter((f) => /\.(html|svg|xml)$/.test(f))).toEqual([]);
  });

  it('masks secrets in text artifacts, in the copy and in the preview', async () => {
    const { store, runs } = await setup();
    const { site, published } = await publish(runs, store);
    const copied = ['config.json', 'args.yaml'].map((f) => readFileSync(join(site, 'data/artifacts', RUN_A, f), 'utf8')).join('\n');
    expect(copied).toContain('"api_key": "[redacted]"');
    expect(copied).toContain('db_password: [redacted]');
    expect(JSON.stringify(published.byRun.get(RUN_A))).not.toMatch(new RegExp(`${ARTIFACT_SECRETS.apiKey}|${ARTIFACT_SECRETS.password}`));
    expect(copied).not.toMatch(new RegExp(`${ARTIFACT_SECRETS.apiKey}|${ARTIFACT_SECRETS.password}`));
  });

  it('fills a run budget smallest file first, then the site budget in run order', async () => {
    const { store, runs } = await setup();
    const { published } = await publish(runs, store, { file: 2048, run: 400, site: 450 });
    const a = byPath(published.byRun.get(RUN_A));
    const copied = [...a.values()].filter((x) => x.file).map((x) => [x.path, x.size]);
    expect(copied).toEqual([['args.yaml', 80], ['config.json', 99], ['metrics.csv', 64], ['model/model.pkl', 8], ['model/requirements.txt', 34], [`notes/${XSS_NAME}`, 34], ['plots/confusion_matrix.png', 74]]);
    expect(a.get('estimator.html')?.skipped).toBe('the run’s 400 B artifact budget is used up (--artifacts-budget)');
    expect(a.get('notes/long log.txt')?.skipped).toBe('larger than the 2.0 KB a copied file may have (--artifacts-budget)');
    const b = byPath(published.byRun.get(RUN_B));
    expect([...b.values()].map((x) => [x.path, x.skipped ?? 'copied'])).toEqual([
      ['metrics.csv', 'copied'],
      ['model/MLmodel', 'the site’s 450 B artifact budget is used up (--artifacts-budget)'],
      ['plots/confusion_matrix.png', 'the site’s 450 B artifact budget is used up (--artifacts-budget)'],
    ]);
  });

  it('copies nothing with a budget of 0', async () => {
    const { store, runs } = await setup();
    const { site, published } = await publish(runs, store, { file: 0, run: 0, site: 0 });
    expect(published.files).toBe(0);
    expect(existsSync(join(site, 'data'))).toBe(false);
    expect(published.byRun.get(RUN_B)?.[0]?.skipped).toBe('copying artifacts is off (--artifacts-budget 0)');
  });

  it('lists, without copying, the artifacts of runs read from a store that holds no files (a JSON export)', async () => {
    const { dir, runs } = await setup();
    const exported = join(dir, 'export.json');
    writeFileSync(exported, snapshotToJson(await readStores([join(dir, 'mlruns')])));
    const fromJson = (await readStores([exported])).runs.filter((r) => r.experimentId === '1');
    expect(fromJson.map((r) => r.artifacts)).toEqual(runs.map((r) => r.artifacts));
    const { published } = await publish(fromJson, exported);
    expect(published.files).toBe(0);
    expect(published.byRun.get(RUN_A)?.every((a) => a.skipped === 'the store holds no artifact files for this run (only a file store’s mlruns/ folder does)')).toBe(true);
  });
});
