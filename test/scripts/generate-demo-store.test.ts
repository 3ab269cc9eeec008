import { lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import matter from 'gray-matter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../scripts/generate-demo-store.ts';
import type { Run } from '../../src/lib/model.ts';
import { readMlruns } from '../../src/lib/read/mlruns/index.ts';
import type { StoreContents } from '../../src/lib/read/types.ts';

const ROOT = join(import.meta.dirname, '../..');
const temp = mkdtempSync(join(tmpdir(), 'runfolio-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Relative path → bytes of every file under `dir` (git keeps no empty folders, so they are not compared). */
function files(dir: string, rel = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of readdirSync(join(dir, rel)).sort()) {
    const path = rel ? `${rel}/${name}` : name;
    if (lstatSync(join(dir, path)).isDirectory()) for (const [k, v] of files(dir, path)) out.set(k, v);
    else out.set(path, readFileSync(join(dir, path), 'latin1'));
  }
  return out;
}

/** Bytes on disk as `du` counts them: allocated blocks of every file and folder. */
function diskUsage(dir: string): number {
  let total = lstatSync(dir).blocks * 512;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    total += lstatSync(path).isDirectory() ? diskUsage(path) : lstatSync(path).blocks * 512;
  }
  return total;
}

describe('generateDemo(outDir)', () => {
  const out = join(temp, 'a', 'mlruns');
  let store: StoreContents;
  let runs: Run[];
  beforeAll(async () => {
    generateDemo(out);
    store = await readMlruns(out, 'mlruns');
    runs = store.runs;
  });

  it('writes a store under 2 MB on disk that reads without warnings', () => {
    expect(diskUsage(out)).toBeLessThan(2 * 1024 * 1024);
    expect(store.warnings).toEqual([]);
  });

  it('holds what a real team\'s store holds: experiments with notes, a sweep, failures, a deletion', () => {
    const active = store.experiments.filter((e) => e.lifecycleStage === 'active' && runs.some((r) => r.experimentId === e.id));
    expect(active.length).toBeGreaterThanOrEqual(2);
    expect(active.every((e) => (e.description ?? '').length > 0)).toBe(true);
    expect(store.experiments.some((e) => e.lifecycleStage === 'deleted')).toBe(true);
    expect(new Set(runs.map((r) => r.status))).toEqual(new Set(['FINISHED', 'FAILED', 'KILLED']));
    expect(runs.some((r) => r.lifecycleStage === 'deleted' && store.experiments.find((e) => e.id === r.experimentId)?.lifecycleStage === 'active')).toBe(true);
    const parents = new Set(runs.map((r) => r.parentId).filter(Boolean));
    expect(parents.size).toBe(1);
    expect(runs.filter((r) => r.parentId !== undefined).length).toBeGreaterThanOrEqual(3);
    for (const run of runs.filter((r) => r.lifecycleStage === 'active')) {
      expect(run.tags['mlflow.source.git.commit']).toMatch(/^[0-9a-f]{40}$/);
      expect(run.tags['data.sha256']).toMatch(/^[0-9a-f]{64}$/);
      expect(run.user).toBeTruthy();
      expect(Object.keys(run.params).length).toBeGreaterThan(0);
    }
  });

  it('has a run note in Markdown with a table, a list and a link', () => {
    const notes = runs.map((r) => r.description ?? '');
    expect(notes.some((n) => /^\|.*\|$/m.test(n) && /^- /m.test(n) && /\[[^\]]+\]\(https:\/\/[^)]+\)/.test(n))).toBe(true);
  });

  it('has training curves of a few hundred steps that fall, and one run that diverges to inf and NaN', () => {
    const longest = Math.max(...runs.flatMap((r) => Object.values(r.metrics).map((m) => m.history.length)));
    expect(longest).toBeGreaterThanOrEqual(200);
    const finished = runs.filter((r) => r.status === 'FINISHED' && r.lifecycleStage === 'active' && r.metrics['train/loss']);
    for (const run of finished) {
      const loss = run.metrics['train/loss']?.history.map((p) => Number(p.value)) ?? [];
      expect((loss.at(-1) as number) < (loss[0] as number) / 10, run.name).toBe(true);
      const acc = run.metrics['val/accuracy']?.history.map((p) => Number(p.value)) ?? [];
      if (acc.length > 10) expect((acc.at(-1) as number) > (acc[0] as number) + 0.2, run.name).toBe(true);
    }
    const diverged = runs.filter((r) => r.metrics['train/loss']?.history.some((p) => p.value === 'Infinity'));
    expect(diverged).toHaveLength(1);
    expect(diverged[0]?.metrics['train/loss']?.latest.value).toBe('NaN');
  });

  it('logs system metrics, datasets for train and eval, and model files on some runs', () => {
    expect(runs.filter((r) => Object.keys(r.metrics).some((k) => k.startsWith('system/'))).length).toBeGreaterThanOrEqual(2);
    const contexts = new Set(runs.flatMap((r) => r.inputs.map((i) => i.context)));
    expect(contexts).toEqual(new Set(['train', 'eval']));
    const artifacts = new Set(runs.flatMap((r) => r.artifacts.map((a) => a.path.split('/').pop())));
    for (const name of ['MLmodel', 'requirements.txt', 'metrics.json']) expect(artifacts.has(name), name).toBe(true);
  });

  it('has a registry of two models covering every stage, with champion and challenger aliases', () => {
    expect(store.models).toHaveLength(2);
    const stages = new Set(store.models.flatMap((m) => m.versions.map((v) => v.stage)));
    expect(stages).toEqual(new Set(['None', 'Staging', 'Production', 'Archived']));
    const runIds = new Set(runs.map((r) => r.id));
    for (const model of store.models) {
      expect(Object.keys(model.aliases).sort()).toEqual(['challenger', 'champion']);
      for (const v of model.versions) expect(runIds.has(v.runId as string)).toBe(true);
    }
  });

  it('writes two reports whose front matter names runs of the store', () => {
    const reportsDir = join(temp, 'a', 'reports');
    const reports = readdirSync(reportsDir);
    expect(reports).toHaveLength(2);
    const runIds = new Set(runs.map((r) => r.id));
    for (const file of reports) {
      const { data, content } = matter(readFileSync(join(reportsDir, file), 'utf8'));
      expect(typeof data.title).toBe('string');
      expect(typeof data.summary).toBe('string');
      expect(data.date).toBeInstanceOf(Date);
      expect(data.runs.length).toBeGreaterThan(0);
      for (const id of data.runs) expect(runIds.has(id), `${file}: ${id}`).toBe(true);
      expect(content.length).toBeGreaterThan(500);
    }
  });

  it('writes the same files every time, and content/reports holds the current reports', () => {
    const again = join(temp, 'b', 'mlruns');
    generateDemo(again);
    expect(files(again)).toEqual(files(out));
    expect(files(join(temp, 'b', 'reports'))).toEqual(files(join(temp, 'a', 'reports')));
    for (const [name, text] of files(join(temp, 'a', 'reports'))) {
      expect(readFileSync(join(ROOT, 'content/reports', name), 'latin1')).toBe(text);
    }
  });
});
