import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStores, type ReadCounts, type UnpublishedCount } from '../../../../src/lib/read/index.ts';
import type { Run, Snapshot } from '../../../../src/lib/model.ts';
import { syntheticSpec } from '../../../../scripts/lib/synthetic.ts';
import { writeMlruns } from '../../../../src/generate/write-mlruns.ts';
import { writeWandbRun, type WandbRunSpec } from '../../../../scripts/lib/write-wandb.ts';
import { tempDir } from '../../../support/tmp.ts';

const START = 1_700_000_000;

async function read(path: string): Promise<{ snapshot: Snapshot; counts: ReadCounts; unpublished: UnpublishedCount[] }> {
  const reads: ReadCounts[] = [];
  const unpublished: UnpublishedCount[] = [];
  const snapshot = await readStores([path], { onRead: (r) => reads.push(r), onUnpublished: (u) => unpublished.push(u) });
  return { snapshot, counts: reads[0] as ReadCounts, unpublished };
}

function only(snapshot: Snapshot): Run {
  expect(snapshot.runs).toHaveLength(1);
  return snapshot.runs[0] as Run;
}

const FULL_RUN: WandbRunSpec = {
  id: 'ab12cd34',
  project: 'vision',
  entity: 'team-a',
  displayName: 'resnet-baseline',
  notes: 'First **try**',
  tags: ['baseline', 'resnet'],
  group: 'sweep-7',
  jobType: 'train',
  sweepId: 'sw33p',
  host: 'gpu-node-3',
  startTime: START,
  config: { lr: 0.001, optimizer: { name: 'adam', betas: [0.9, 0.999] }, epochs: 3, dropout: 0.5 },
  configUpdates: [{ epochs: 5 }, { dropout: null }, { optimizer: { eps: 1e-8 } }],
  history: [
    { loss: 1.5, acc: 0.1, note: 'warming up', sample: { _type: 'image-file', path: 'media/a.png' } },
    { loss: 1.0, acc: 0.5, grads: { mean: 0.2, max: 3 } },
    { loss: 0.5, acc: Number.NaN, flag: true },
  ],
  stats: [
    { time: START + 0.5, values: { cpu: 10, 'gpu.0.temp': 60, network: { sent: 100, recv: 50 } } },
    { time: START + 1.5, values: { cpu: 20, 'gpu.0.temp': 65, network: { sent: 200, recv: 90 } } },
  ],
  summary: { loss: 0.5, acc: Number.NaN, best_acc: 0.5, test: { f1: 0.7, label: 'ok' }, _step: 2, _timestamp: START + 2, _runtime: 2, _wandb: { runtime: 2 } },
  output: ['epoch 1', 'epoch 2'],
  exitCode: 0,
};

describe('readStores([wandb folder]) for a finished run', async () => {
  const wandb = join(tempDir(), 'wandb');
  const { log } = writeWandbRun(wandb, FULL_RUN, { metadata: { host: 'gpu-node-3', email: 'maya@example.com', root: '/home/maya/proj', username: 'maya', args: ['--lr', '0.001'], docker: null, git: { remote: 'https://github.com/x/y.git', commit: 'abc123' } } });
  const { snapshot, counts, unpublished } = await read(wandb);
  const run = only(snapshot);

  it('takes the id, project, name, notes, times and status from the run and exit records', () => {
    expect(snapshot.experiments).toEqual([{ id: 'vision', name: 'vision', lifecycleStage: 'active', tags: {} }]);
    expect(run).toMatchObject({
      id: 'ab12cd34',
      experimentId: 'vision',
      name: 'resnet-baseline',
      description: 'First **try**',
      status: 'FINISHED',
      lifecycleStage: 'active',
      startTime: START * 1000,
      endTime: (START + 2) * 1000,
      user: 'maya',
    });
    expect(run.provenance).toEqual({ tracker: 'wandb', path: `wandb/run-20231114_221320-ab12cd34/run-ab12cd34.wandb` });
  });

  it('replays the config records into flat params, nested keys joined with "." and _wandb left out', () => {
    expect(run.params).toEqual({ lr: '0.001', epochs: '5', 'optimizer.name': 'adam', 'optimizer.betas': '[0.9,0.999]', 'optimizer.eps': '1e-8' });
  });

  it('turns W&B tags, group, job type, entity and sweep into tags, and metadata into wandb.meta.*', () => {
    expect(run.tags).toEqual({
      'wandb.tags': 'baseline, resnet',
      'wandb.group': 'sweep-7',
      'wandb.job_type': 'train',
      'wandb.entity': 'team-a',
      'wandb.sweep_id': 'sw33p',
      'wandb.meta.host': 'gpu-node-3',
      'wandb.meta.email': 'maya@example.com',
      'wandb.meta.root': '/home/maya/proj',
      'wandb.meta.username': 'maya',
      'wandb.meta.args': '["--lr","0.001"]',
      'wandb.meta.git.remote': 'https://github.com/x/y.git',
      'wandb.meta.git.commit': 'abc123',
    });
  });

  it('publishes numeric history keys at _step and _timestamp (ms), nested values as key.sub, NaN kept', () => {
    expect(run.metrics.loss?.history).toEqual([0, 1, 2].map((i) => ({ step: i, timestamp: (START + i) * 1000, value: [1.5, 1.0, 0.5][i] })));
    expect(run.metrics.acc?.history.map((p) => p.value)).toEqual([0.1, 0.5, 'NaN']);
    expect(run.metrics['grads.mean']?.history).toEqual([{ step: 1, timestamp: (START + 1) * 1000, value: 0.2 }]);
    expect(run.metrics['grads.max']?.latest.value).toBe(3);
    expect(Object.keys(run.metrics)).not.toContain('_step');
    expect(Object.keys(run.metrics)).not.toContain('_runtime');
    expect(Object.keys(run.metrics)).not.toContain('note');
  });

  it('makes summary values that never appear in history single points at the summary step', () => {
    expect(run.metrics.best_acc).toEqual({ latest: { step: 2, timestamp: (START + 2) * 1000, value: 0.5 }, history: [{ step: 2, timestamp: (START + 2) * 1000, value: 0.5 }] });
    expect(run.metrics['test.f1']?.latest.value).toBe(0.7);
    expect(run.metrics.loss?.history).toHaveLength(3);
    expect(Object.keys(run.metrics).filter((k) => k.startsWith('_'))).toEqual([]);
  });

  it('puts system stats under system/, one step per sample', () => {
    expect(run.metrics['system/cpu']?.history).toEqual([
      { step: 0, timestamp: (START + 0.5) * 1000, value: 10 },
      { step: 1, timestamp: (START + 1.5) * 1000, value: 20 },
    ]);
    expect(run.metrics['system/gpu.0.temp']?.latest.value).toBe(65);
    expect(run.metrics['system/network.recv']?.history.map((p) => [p.step, p.value])).toEqual([[0, 50], [1, 90]]);
  });

  it('counts what it read, and per run what it did not publish: record kinds, and values that are not numbers by key and kind', () => {
    expect(counts).toEqual({
      store: 'wandb',
      tracker: 'wandb',
      counts: {
        chunks: 14, 'history rows': 3, 'log bytes': log.bytes.length, 'log files': 1, records: 14, 'records: config': 3, 'records: exit': 1, 'records: header': 1,
        'records: history': 3, 'records: output_raw': 2, 'records: run': 1, 'records: stats': 2, 'records: summary': 1, 'run folders': 1,
      },
    });
    const path = 'wandb/run-20231114_221320-ab12cd34';
    expect(unpublished).toEqual([
      { path, tracker: 'wandb', kind: 'header records', key: '', count: 1 },
      { path, tracker: 'wandb', kind: 'output_raw records', key: '', count: 2 },
      { path, tracker: 'wandb', kind: 'history text', key: 'note', count: 1 },
      { path, tracker: 'wandb', kind: 'history image-file', key: 'sample', count: 1 },
      { path, tracker: 'wandb', kind: 'history boolean', key: 'flag', count: 1 },
      { path, tracker: 'wandb', kind: 'summary text', key: 'test.label', count: 1 },
    ]);
  });

  it('warns about nothing', () => {
    expect(snapshot.warnings).toEqual([]);
  });
});

describe('readStores([wandb folder]) statuses', () => {
  const base: WandbRunSpec = { id: 'r0', project: 'p', startTime: START, history: [{ loss: 1 }, { loss: 0.5 }] };

  it.each([
    ['an exit code 0', 'FINISHED', { exitCode: 0 }, {}, true],
    ['a non-zero exit code', 'FAILED', { exitCode: 3 }, {}, true],
    ['no exit record and a clean end', 'RUNNING', { exitCode: null }, {}, false],
    ['no exit record and a log cut mid-record', 'KILLED', { exitCode: null }, { truncate: 3 }, true],
  ] as const)('gives a run with %s the status %s', async (_name, status, spec, options, ended) => {
    const wandb = join(tempDir(), 'wandb');
    writeWandbRun(wandb, { ...base, ...spec }, options);
    const run = only((await read(wandb)).snapshot);
    expect(run.status).toBe(status);
    expect(run.endTime !== undefined).toBe(ended);
  });

  it('warns once, naming the file and offset, when the log ends mid-record', async () => {
    const wandb = join(tempDir(), 'wandb');
    const { log } = writeWandbRun(wandb, { ...base, exitCode: null }, { truncate: 3 });
    const { snapshot } = await read(wandb);
    expect(snapshot.warnings).toEqual([
      {
        path: 'wandb/run-20231114_221320-r0/run-r0.wandb',
        message: `log ends mid-record at offset ${log.recordOffsets.at(-1)} (a chunk of ${(log.chunks.at(-1) as { length: number }).length} bytes with ${(log.chunks.at(-1) as { length: number }).length - 3} written): a killed run, or a copy of a log still being written; the ${log.recordOffsets.length - 1} complete records before it are read`,
      },
    ]);
    expect(only(snapshot).metrics.loss?.history).toHaveLength(1);
  });
});

describe('readStores([wandb folder]) with several runs', () => {
  it('makes one experiment per project across the folder, W&B\'s "uncategorized" for runs without one', async () => {
    const wandb = join(tempDir(), 'wandb');
    writeWandbRun(wandb, { id: 'a1', project: 'alpha', startTime: START });
    writeWandbRun(wandb, { id: 'b2', project: 'beta', startTime: START + 10 }, { offline: true });
    writeWandbRun(wandb, { id: 'a3', project: 'alpha', startTime: START + 20 }, { alignment: 'shifted' });
    writeWandbRun(wandb, { id: 'c4', startTime: START + 30 });
    const { snapshot } = await read(wandb);
    expect(snapshot.experiments.map((e) => e.id)).toEqual(['alpha', 'beta', 'uncategorized']);
    expect(snapshot.runs.map((r) => [r.experimentId, r.id])).toEqual([['alpha', 'a1'], ['alpha', 'a3'], ['beta', 'b2'], ['uncategorized', 'c4']]);
  });

  it('reads one run folder given on its own, and a folder holding wandb/', async () => {
    const root = tempDir();
    const { dir } = writeWandbRun(join(root, 'wandb'), { id: 'solo', project: 'p', startTime: START });
    expect(only((await read(dir)).snapshot).id).toBe('solo');
    expect(only((await read(root)).snapshot).provenance?.path).toBe('wandb/run-20231114_221320-solo/run-solo.wandb');
  });

  it('merges the sessions of a resumed run (one id, two folders) into one run', async () => {
    const wandb = join(tempDir(), 'wandb');
    writeWandbRun(wandb, { id: 'res1', project: 'p', startTime: START, config: { lr: 0.1 }, history: [{ loss: 3 }, { loss: 2 }], exitCode: 1 });
    writeWandbRun(wandb, { id: 'res1', project: 'p', startTime: START + 100, config: { lr: 0.1, resumed: true }, history: [{ _step: 2, loss: 1 }, { _step: 3, loss: 0.5 }] });
    const { snapshot } = await read(wandb);
    const run = only(snapshot);
    expect(run.metrics.loss?.history.map((p) => [p.step, p.value])).toEqual([[0, 3], [1, 2], [2, 1], [3, 0.5]]);
    expect(run).toMatchObject({ status: 'FINISHED', startTime: START * 1000, params: { lr: '0.1', resumed: 'true' } });
    expect(run.provenance?.path).toBe('wandb/run-20231114_221500-res1/run-res1.wandb');
    expect(snapshot.warnings).toEqual([
      { path: 'wandb', message: 'run res1 is in 2 folders (run-20231114_221320-res1, run-20231114_221500-res1): a resumed run; its sessions are merged into one run' },
    ]);
  });

  it('reads the same runs from both block alignments', async () => {
    const spec: WandbRunSpec = { ...FULL_RUN, history: Array.from({ length: 3000 }, (_, i) => ({ loss: 1 / (i + 1), text: 'x'.repeat(i % 50) })) };
    const standard = join(tempDir(), 'wandb');
    const shifted = join(tempDir(), 'wandb');
    const a = writeWandbRun(standard, spec).log;
    const b = writeWandbRun(shifted, spec, { alignment: 'shifted' }).log;
    expect(a.bytes.length).toBeGreaterThan(4 * 32 * 1024);
    expect(a.bytes.equals(b.bytes)).toBe(false);
    const left = only((await read(standard)).snapshot);
    const right = only((await read(shifted)).snapshot);
    expect(right.metrics).toEqual(left.metrics);
    expect(left.metrics.loss?.history).toHaveLength(3000);
  });
});

describe('readStores([wandb folder]) and the side files', () => {
  it('falls back to config.yaml and wandb-summary.json when there is no log, with a warning', async () => {
    const wandb = join(tempDir(), 'wandb');
    writeWandbRun(wandb, { id: 'nolog', project: 'p', startTime: START, config: { lr: 0.1, net: { depth: 18 } }, summary: { acc: 0.9, _step: 7, _timestamp: START + 9 } }, { log: false, metadata: { state: 'finished' } });
    const { snapshot } = await read(wandb);
    const run = only(snapshot);
    expect(run).toMatchObject({ id: 'nolog', experimentId: 'uncategorized', status: 'FINISHED', params: { lr: '0.1', 'net.depth': '18' } });
    expect(run.metrics).toEqual({ acc: { latest: { step: 7, timestamp: (START + 9) * 1000, value: 0.9 }, history: [{ step: 7, timestamp: (START + 9) * 1000, value: 0.9 }] } });
    expect(snapshot.warnings).toEqual([
      { path: 'wandb/run-20231114_221320-nolog', message: 'no readable .wandb log: params from files/config.yaml and values from files/wandb-summary.json only (no history; status FINISHED from files/wandb-metadata.json or unknown)' },
    ]);
  });

  it('uses config.yaml when the log has no config, and names keys where the two disagree', async () => {
    const wandb = join(tempDir(), 'wandb');
    const { dir } = writeWandbRun(wandb, { id: 'cfg', project: 'p', startTime: START, config: { lr: 0.1, layers: 4 } }, { layout: 'core' });
    // Rewrite config.yaml as a wandb-core writer would after a change the log did not see.
    writeFileSync(join(dir, 'files/config.yaml'), '_wandb:\n    value:\n        cli_version: 0.21.2\nlr:\n    value: 0.2\nlayers:\n    value: 4\nextra:\n    value: x\n');
    const { snapshot } = await read(wandb);
    expect(only(snapshot).params).toEqual({ lr: '0.1', layers: '4' });
    expect(snapshot.warnings).toEqual([
      { path: 'wandb/run-20231114_221320-cfg/files/config.yaml', message: 'differs from the log\'s config at extra (only in the file), lr (log "0.1", file "0.2"); the log\'s values are published' },
    ]);

    const bare = join(tempDir(), 'wandb');
    const { dir: dir2 } = writeWandbRun(bare, { id: 'cfg2', project: 'p', startTime: START });
    writeFileSync(join(dir2, 'files/config.yaml'), 'wandb_version: 1\nlr:\n  desc: null\n  value: 0.3\n');
    expect(only((await read(bare)).snapshot).params).toEqual({ lr: '0.3' });
  });

  it('reads wandb-core environment records as wandb-metadata.json keys when that file is missing', async () => {
    const wandb = join(tempDir(), 'wandb');
    writeWandbRun(wandb, {
      id: 'env',
      project: 'p',
      startTime: START,
      environment: { os: 'Linux', started_at: { seconds: START, nanos: 325830000 }, code_path: 'train.py', email: 'a@b.c', host: 'node1', gpu_type: 'A100', gpu_count: 2, memory: { total: 68719476736 }, disk: { '/': { total: 100, used: 50 } }, writer_id: 'w1' },
    });
    const run = only((await read(wandb)).snapshot);
    expect(run.tags).toEqual({
      'wandb.meta.os': 'Linux',
      'wandb.meta.startedAt': '2023-11-14T22:13:20.325830Z',
      'wandb.meta.codePath': 'train.py',
      'wandb.meta.email': 'a@b.c',
      'wandb.meta.host': 'node1',
      'wandb.meta.gpu': 'A100',
      'wandb.meta.gpu_count': '2',
      'wandb.meta.memory.total': '68719476736',
      'wandb.meta.disk./.total': '100',
      'wandb.meta.disk./.used': '50',
      'wandb.meta.writerId': 'w1',
    });
  });
});

describe('readStores([mlruns, wandb folder])', () => {
  it('merges W&B runs with an MLflow store, ids keeping their origin', async () => {
    const root = tempDir();
    writeMlruns(syntheticSpec({ runs: 3 }), join(root, 'mlruns'));
    writeWandbRun(join(root, 'wandb'), { id: 'wb1', project: '1', startTime: START, history: [{ loss: 1 }] });
    writeWandbRun(join(root, 'wandb'), { id: 'wb2', project: 'vision', startTime: START });
    const snapshot = await readStores([join(root, 'mlruns'), join(root, 'wandb')]);
    expect(snapshot.experiments.map((e) => [e.id, e.name, e.origin])).toEqual([
      ['0', 'Default', 'mlruns'],
      ['1', 'synthetic-1', 'mlruns'],
      ['vision', 'vision', 'wandb'],
      ['wandb:1', '1', 'wandb'],
    ]);
    expect(snapshot.runs.filter((r) => r.provenance).map((r) => [r.id, r.experimentId])).toEqual([['wb2', 'vision'], ['wb1', 'wandb:1']]);
    expect(snapshot.runs.filter((r) => !r.provenance)).toHaveLength(3);
  });
});
