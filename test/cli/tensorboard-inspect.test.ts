/** `runfolio inspect` of TensorBoard logs: what was read, what was counted and left unpublished, what was skipped. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeEventFile } from '../../scripts/lib/write-tensorboard.ts';
import { runCli } from '../support/cli.ts';
import { FIXTURES } from '../support/fixtures.ts';
import { tempDir, writeTree } from '../support/tmp.ts';

const T0 = 1_700_000_000;

/** Two runs with histograms, an image and a graph; run_b's file ends 7 bytes into a record, at `cut`. */
function logTree(): { root: string; cut: number } {
  const root = join(tempDir(), 'tb_logs');
  writeEventFile(join(root, 'run_a/events.out.tfevents.1'), [
    { kind: 'scalar', tag: 'loss', step: 0, wallTime: T0, value: 1 },
    { kind: 'histogram', tag: 'weights', step: 0, wallTime: T0, buckets: 10 },
    { kind: 'histogram', tag: 'weights', step: 1, wallTime: T0, buckets: 10 },
    { kind: 'image', tag: 'samples', step: 0, wallTime: T0, bytes: new Uint8Array(50) },
  ]);
  const bytes = writeEventFile(join(root, 'run_b/events.out.tfevents.1'), [
    { kind: 'histogram', tag: 'weights', step: 0, wallTime: T0, buckets: 10 },
    { kind: 'graph', wallTime: T0, bytes: new Uint8Array(20) },
    [{ kind: 'scalar', tag: 'loss', step: 1, wallTime: T0, value: 1 }, { truncateTo: 7 }],
  ]);
  return { root, cut: bytes - 7 };
}

describe('runfolio inspect --store <TensorBoard log tree>', () => {
  it('prints what was not published, per kind, and the warnings', () => {
    const { root, cut } = logTree();
    const result = runCli(['inspect', '--store', root]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Runs         2 (2 FINISHED); 0 deleted, 0 nested');
    expect(result.stdout).toContain(
      [
        'Unpublished  values other than scalar metrics, counted (see --json for each run and tag):',
        '  TensorBoard graph_def   1 value in 1 run',
        '  TensorBoard histograms  3 values under 1 tag in 2 runs',
        '  TensorBoard images      1 value under 1 tag in 1 run',
        'Warnings     1',
        `  tb_logs/run_b/events.out.tfevents.1: ends inside a record at byte ${cut} (a writer still running, or killed); the 3 complete records before it are kept`,
      ].join('\n'),
    );
  });

  it('lists each run and tag in --json', () => {
    const result = runCli(['inspect', '--store', logTree().root, '--json']);
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout) as { unpublished: unknown[]; runs: { total: number } };
    expect(json.runs.total).toBe(2);
    expect(json.unpublished).toEqual([
      { path: 'tb_logs/run_a', tracker: 'tensorboard', kind: 'histograms', key: 'weights', count: 2 },
      { path: 'tb_logs/run_a', tracker: 'tensorboard', kind: 'images', key: 'samples', count: 1 },
      { path: 'tb_logs/run_b', tracker: 'tensorboard', kind: 'graph_def', key: '', count: 1 },
      { path: 'tb_logs/run_b', tracker: 'tensorboard', kind: 'histograms', key: 'weights', count: 1 },
    ]);
  });

  it('says which hparams records were read as params and status', () => {
    const result = runCli(['inspect', '--store', join(FIXTURES, 'trackers/tensorboard/lightning-fractaldb')]);
    expect(result.stdout).toContain(
      '  TensorBoard hparams  6 values under 3 tags in 1 run (_hparams_/session_end_info read as status, _hparams_/session_start_info read as params)',
    );
  });

  it('exits 3 with one line naming the folder and the file when nothing in it can be read', () => {
    const root = join(tempDir(), 'logs');
    writeTree(root, { 'run/events.out.tfevents.1': 'step,loss\n1,0.5\n' });
    const result = runCli(['inspect', '--store', root]);
    expect(result.status).toBe(3);
    expect(result.stderr).toBe(
      `runfolio: ${root}: no event could be read from its 1 event file(s) (logs/run/events.out.tfevents.1: not a TensorBoard event file (its first bytes are not a TFRecord header); skipped)\n`,
    );
  });
});
