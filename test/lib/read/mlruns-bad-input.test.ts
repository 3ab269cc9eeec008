/**
 * The file-store reader's warn-and-skip policy (header of src/lib/read/mlruns/index.ts), one
 * defect per scenario, each next to a healthy run that must still be read.
 */
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStores } from '../../../src/lib/read/index.ts';
import { hashTree, tempDir, writeTree } from '../../support/tmp.ts';

const GOOD = 'a'.repeat(32);
const BAD = 'b'.repeat(32);

function runMeta(id: string, extra = ''): string {
  return `artifact_uri: file:///x/mlruns/1/${id}/artifacts\nend_time: 1700000001000\nexperiment_id: '1'\nlifecycle_stage: active\nrun_id: ${id}\nrun_name: run-${id.slice(0, 4)}\nrun_uuid: ${id}\nstart_time: 1700000000000\nstatus: 3\ntags: []\nuser_id: ana\n${extra}`;
}

/** A store with experiment 1 holding one healthy run, plus `files`. */
function store(files: Record<string, string | Buffer>): string {
  const root = join(tempDir(), 'mlruns');
  writeTree(root, {
    '1/meta.yaml': "artifact_location: file:///x/mlruns/1\nexperiment_id: '1'\nlifecycle_stage: active\nname: exp\n",
    [`1/${GOOD}/meta.yaml`]: runMeta(GOOD),
    [`1/${GOOD}/metrics/loss`]: '1700000000100 0.5 0\n1700000000200 0.25 1\n',
    [`1/${GOOD}/params/lr`]: '0.01',
    ...files,
  });
  return root;
}

async function read(root: string) {
  const before = hashTree(root);
  const snapshot = await readStores([root]);
  expect(hashTree(root), 'the store must not be written').toBe(before);
  expect(snapshot.runs.map((r) => r.id)).toContain(GOOD);
  return snapshot;
}

function warningFor(snapshot: Awaited<ReturnType<typeof read>>, pathPart: string) {
  return snapshot.warnings.find((w) => w.path.includes(pathPart));
}

describe('readStores([mlruns]) on damaged stores', () => {
  describe('when a run meta.yaml is defective', () => {
    it.each([
      ['empty', '', /empty file; run skipped/],
      ['truncated mid-value', "artifact_uri: 'file:///x\nexperiment_id: '1", /not valid YAML.*run skipped/],
      ['a list, not a mapping', '- a\n- b\n', /expected a mapping.*got a list; run skipped/],
      ['a plain scalar', 'hello\n', /expected a mapping.*run skipped/],
      ['an alias bomb', `a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n`, /resource exhaustion.*run skipped/],
      ['a start_time that is not a number', runMeta(BAD).replace('start_time: 1700000000000', 'start_time: yesterday'), /start_time must be an integer \(epoch ms\), got "yesterday"; run skipped/],
      ['an unknown status code', runMeta(BAD).replace('status: 3', 'status: 9'), /status must be 1–5 or a status name, got 9; run skipped/],
      ['no run id', runMeta(BAD).replace(`run_id: ${BAD}\n`, '').replace(`run_uuid: ${BAD}\n`, ''), /run_id \(or run_uuid\) is missing; run skipped/],
    ])('skips the run when meta.yaml is %s, naming the file', async (_name, content, message) => {
      const snapshot = await read(store({ [`1/${BAD}/meta.yaml`]: content }));
      expect(snapshot.runs.map((r) => r.id)).toEqual([GOOD]);
      const warning = warningFor(snapshot, `1/${BAD}/meta.yaml`);
      expect(warning?.path).toBe(`mlruns/1/${BAD}/meta.yaml`);
      expect(warning?.message).toMatch(message);
    });

    it('skips a run folder without meta.yaml with a warning naming the folder', async () => {
      const snapshot = await read(store({ [`1/${BAD}/params/x`]: '1' }));
      expect(warningFor(snapshot, BAD)).toEqual({ path: `mlruns/1/${BAD}`, message: 'folder without meta.yaml; run skipped' });
    });

    it('skips a run whose experiment_id is not its experiment', async () => {
      const snapshot = await read(store({ [`1/${BAD}/meta.yaml`]: runMeta(BAD).replace("experiment_id: '1'", "experiment_id: '7'") }));
      expect(snapshot.runs.map((r) => r.id)).toEqual([GOOD]);
      expect(warningFor(snapshot, BAD)?.message).toMatch(/experiment_id is "7", not its experiment's "1"; run skipped/);
    });
  });

  describe('when values inside a healthy run are defective', () => {
    it('skips metric lines that are not three numbers and keeps the others', async () => {
      const snapshot = await read(store({ [`1/${BAD}/meta.yaml`]: runMeta(BAD), [`1/${BAD}/metrics/acc`]: '1 0.5 0\nnot a point\n3 0.9 2\n' }));
      const run = snapshot.runs.find((r) => r.id === BAD);
      expect(run?.metrics.acc?.history.map((p) => p.value)).toEqual([0.5, 0.9]);
      expect(warningFor(snapshot, `${BAD}/metrics/acc:2`)?.message).toMatch(/got "not a point"; line skipped/);
    });

    it('skips a param file that is not UTF-8 and keeps the other params', async () => {
      const snapshot = await read(store({ [`1/${BAD}/meta.yaml`]: runMeta(BAD), [`1/${BAD}/params/bad`]: Buffer.from([0xff, 0xfe, 0x41]), [`1/${BAD}/params/ok`]: 'yes' }));
      const run = snapshot.runs.find((r) => r.id === BAD);
      expect(run?.params).toEqual({ ok: 'yes' });
      expect(warningFor(snapshot, `${BAD}/params/bad`)?.message).toBe('not valid UTF-8 text; param skipped');
    });

    it('skips an empty metric file (MLflow would fail the whole run) and keeps the run', async () => {
      const snapshot = await read(store({ [`1/${BAD}/meta.yaml`]: runMeta(BAD), [`1/${BAD}/metrics/empty`]: '' }));
      expect(snapshot.runs.find((r) => r.id === BAD)?.metrics).toEqual({});
      expect(warningFor(snapshot, `${BAD}/metrics/empty`)?.message).toBe('no data points; metric skipped');
    });
  });

  describe('when the store has symbolic links', () => {
    it('does not follow a link loop, and says so', async () => {
      const root = store({});
      symlinkSync('..', join(root, '1', GOOD, 'params', 'loop'));
      symlinkSync(join(root, '1'), join(root, '2'));
      const snapshot = await read(root);
      expect(snapshot.runs).toHaveLength(1);
      expect(warningFor(snapshot, 'params/loop')?.message).toBe('symbolic link not followed');
      expect(warningFor(snapshot, 'mlruns/2')?.message).toBe('symbolic link not followed');
    });
  });

  describe('when the registry is defective', () => {
    it('lists a version whose run is not in the store, without a link, and warns', async () => {
      const snapshot = await read(
        store({
          'models/m/meta.yaml': 'creation_timestamp: 1\ndescription: ""\nlast_updated_timestamp: 2\nname: m\n',
          'models/m/version-1/meta.yaml': `creation_timestamp: 1\ncurrent_stage: Production\ndescription: ''\nlast_updated_timestamp: 1\nname: m\nrun_id: ${'c'.repeat(32)}\nsource: runs:/${'c'.repeat(32)}/model\nstatus: READY\nversion: 1\n`,
          'models/m/version-2/meta.yaml': 'creation_timestamp: 1\ncurrent_stage: Deleted_Internal\nname: m\nstatus: READY\nversion: 2\n',
          'models/m/aliases/champion': '2',
        }),
      );
      expect(snapshot.models[0]?.versions.map((v) => [v.version, v.stage])).toEqual([['1', 'Production']]);
      expect(snapshot.models[0]?.aliases).toEqual({});
      expect(warningFor(snapshot, 'models/m/version-1')?.message).toMatch(/source run c{32} is not in the store/);
      expect(warningFor(snapshot, 'aliases/champion')?.message).toMatch(/version "2", which the model does not have; alias skipped/);
    });

    it('skips a registered model whose meta.yaml is empty', async () => {
      const snapshot = await read(store({ 'models/broken/meta.yaml': '' }));
      expect(snapshot.models).toEqual([]);
      expect(warningFor(snapshot, 'models/broken/meta.yaml')?.message).toBe('empty file; registered model skipped');
    });
  });

  it('reads an empty store (a fresh mlruns with only .trash) as empty, not an error', async () => {
    const root = join(tempDir(), 'mlruns');
    mkdirSync(join(root, '.trash'), { recursive: true });
    const snapshot = await readStores([root]);
    expect(snapshot.experiments).toEqual([]);
    expect(snapshot.runs).toEqual([]);
  });
});
