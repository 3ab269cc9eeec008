import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../../src/lib/errors.ts';
import { readStores } from '../../../../src/lib/read/index.ts';
import { encodeRecord, frameLog, withBadCrc } from '../../../../scripts/lib/wandb-framing.ts';
import { writeWandbRun, type WandbRunSpec } from '../../../../scripts/lib/write-wandb.ts';
import { hashTree, tempDir } from '../../../support/tmp.ts';

const START = 1_700_000_000;
const SPEC: WandbRunSpec = { id: 'bad1', project: 'p', startTime: START, config: { lr: 0.1 }, history: [{ loss: 2 }, { loss: 1 }], summary: { loss: 1 } };
const FOLDER = 'run-20231114_221320-bad1';

/** A run folder whose log is replaced by `log` (side files kept unless `sideFiles` is false). */
function folderWithLog(log: Buffer | string, sideFiles = true): string {
  const wandb = join(tempDir(), 'wandb');
  const { dir } = writeWandbRun(wandb, SPEC, sideFiles ? {} : { log: false });
  if (!sideFiles) {
    for (const file of ['config.yaml', 'wandb-summary.json']) writeFileSync(join(dir, 'files', file), '');
  }
  writeFileSync(join(dir, 'run-bad1.wandb'), log);
  return wandb;
}

describe('readStores([wandb folder]) with bad input', () => {
  it.each([
    ['a file that is not a W&B log', 'hello, world', 'not a W&B log (starts with "hell", expected ":W&B")'],
    ['a wrong header magic', Buffer.from([0x3a, 0x57, 0x26, 0x42, 0x00, 0x00, 0x00, 1, 2, 3]), 'not a W&B log (header magic 0x0, expected 0xbee1)'],
    ['a log of a newer version', Buffer.from([0x3a, 0x57, 0x26, 0x42, 0xe1, 0xbe, 0x02]), 'W&B log version 2, expected 0'],
    ['an empty log', '', '0 bytes, too short for a W&B log header'],
  ])('reads the run from its side files when the log is %s, naming the file', async (_name, log, message) => {
    const { runs, warnings } = await readStores([folderWithLog(log)]);
    expect(runs.map((r) => [r.id, r.params, r.metrics.loss?.history.length])).toEqual([['bad1', { lr: '0.1' }, 1]]);
    expect(warnings).toContainEqual({ path: `wandb/${FOLDER}/run-bad1.wandb`, message });
  });

  it('skips a chunk with a bad CRC and the rest of its block, naming the file and the offset', async () => {
    const wandb = join(tempDir(), 'wandb');
    const spec = { ...SPEC, history: Array.from({ length: 2000 }, (_, i) => ({ loss: 1 / (i + 1) })) };
    const { dir, log } = writeWandbRun(wandb, spec);
    const bad = log.chunks.findIndex((c) => c.offset > 10_000);
    writeFileSync(join(dir, 'run-bad1.wandb'), withBadCrc(log, bad));
    const { runs, warnings } = await readStores([wandb]);
    const points = runs[0]?.metrics.loss?.history.length ?? 0;
    expect(points).toBeGreaterThan(1000);
    expect(points).toBeLessThan(2000);
    expect(warnings).toEqual([{ path: `wandb/${FOLDER}/run-bad1.wandb`, message: `1 chunk with a bad CRC at offset ${log.chunks[bad]?.offset}; skipped to the next block` }]);
  });

  it('skips a record whose bytes are not a Record protobuf, and says how many', async () => {
    const records = [encodeRecord({ run: { run_id: 'bad1', project: 'p' } }), Buffer.from([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f]), Buffer.from([0x17]), encodeRecord({ exit: { exit_code: 0 } })];
    const framed = frameLog(records);
    const { runs, warnings } = await readStores([folderWithLog(framed.bytes)]);
    expect(runs.map((r) => [r.id, r.status])).toEqual([['bad1', 'FINISHED']]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.path).toBe(`wandb/${FOLDER}/run-bad1.wandb`);
    expect(warnings[0]?.message).toMatch(new RegExp(`^2 records do not decode as a W&B Record \\(first at offset ${framed.recordOffsets[1]}: .+\\); skipped$`));
  });

  it('skips values that are not JSON, counting them', async () => {
    const records = [encodeRecord({ run: { run_id: 'bad1', project: 'p' } }), encodeRecord({ history: { item: [{ key: 'loss', value_json: '{oops' }, { key: 'acc', value_json: '0.5' }, { key: '_step', value_json: '0' }] } })];
    const { runs, warnings } = await readStores([folderWithLog(frameLog(records).bytes)]);
    expect(Object.keys(runs[0]?.metrics ?? {})).toEqual(['acc']);
    expect(warnings).toContainEqual({ path: `wandb/${FOLDER}/run-bad1.wandb`, message: '1 value is not JSON; skipped' });
  });

  it('never lets a history key such as __proto__ reach a prototype, and passes over empty keys', async () => {
    const records = [encodeRecord({ run: { run_id: 'bad1', project: 'p' } }), encodeRecord({ history: { item: [{ key: '__proto__', value_json: '1' }, { key: 'constructor', value_json: '2' }, { key: '', value_json: '3' }, { key: '_step', value_json: '0' }] } })];
    const { runs } = await readStores([folderWithLog(frameLog(records).bytes, false)]);
    const metrics = runs[0]?.metrics ?? {};
    // The Snapshot schema (zod records) leaves `__proto__` keys out, whatever the store.
    expect(Object.entries(metrics).map(([key, metric]) => [key, metric.latest.value])).toEqual([['constructor', 2]]);
    expect(Object.getPrototypeOf(metrics)).toBe(Object.prototype);
  });

  it('names a side file that is not JSON or YAML, and goes on without it', async () => {
    const wandb = join(tempDir(), 'wandb');
    const { dir } = writeWandbRun(wandb, SPEC);
    writeFileSync(join(dir, 'files/wandb-metadata.json'), '{"host": ');
    writeFileSync(join(dir, 'files/config.yaml'), 'lr: [unclosed\n');
    const { runs, warnings } = await readStores([wandb]);
    expect(runs[0]?.params).toEqual({ lr: '0.1' });
    expect(warnings.map((w) => [w.path, w.message.replace(/ \(.*\)/, '')])).toEqual([
      [`wandb/${FOLDER}/files/config.yaml`, 'not valid YAML; not used'],
      [`wandb/${FOLDER}/files/wandb-metadata.json`, 'not valid JSON; not used'],
    ]);
  });

  it('skips a run folder with neither a readable log nor both side files, and reads the others', async () => {
    const wandb = join(tempDir(), 'wandb');
    writeWandbRun(wandb, { ...SPEC, id: 'good' });
    const { dir } = writeWandbRun(wandb, { ...SPEC, id: 'gone', startTime: START + 60 }, { log: false });
    writeFileSync(join(dir, 'files/wandb-summary.json'), '[]');
    const { runs, warnings } = await readStores([wandb]);
    expect(runs.map((r) => r.id)).toEqual(['good']);
    expect(warnings).toEqual([
      { path: 'wandb/run-20231114_221420-gone', message: 'no readable .wandb log, and no files/config.yaml with files/wandb-summary.json to fall back on; run skipped' },
      { path: 'wandb/run-20231114_221420-gone/files/wandb-summary.json', message: 'expected a JSON object; not used' },
    ]);
  });

  it('fails with one line naming the reason when no run in the store can be read', async () => {
    const wandb = folderWithLog('not a log', false);
    const error = await readStores([wandb]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(new RegExp(`^${wandb}: no W&B run could be read \\(wandb/${FOLDER}/run-bad1.wandb: not a W&B log \\(starts with "not ", expected ":W&B"\\)\\)$`));
  });

  it('does not follow symbolic links, and passes over wandb\'s own latest-run link silently', async () => {
    const wandb = join(tempDir(), 'wandb');
    const { dir } = writeWandbRun(wandb, SPEC);
    symlinkSync(dir, join(wandb, 'latest-run'));
    symlinkSync(dir, join(wandb, 'run-20990101_000000-linked'));
    const { runs, warnings } = await readStores([wandb]);
    expect(runs).toHaveLength(1);
    expect(warnings).toEqual([{ path: 'wandb/run-20990101_000000-linked', message: 'symbolic link not followed' }]);
  });

  it('leaves the store as it was', async () => {
    const wandb = join(tempDir(), 'wandb');
    writeWandbRun(wandb, SPEC, { truncate: 5 });
    const before = hashTree(wandb);
    await readStores([wandb]);
    expect(hashTree(wandb)).toBe(before);
  });
});
