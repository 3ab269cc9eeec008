/** What the TensorBoard reader does with files that are not what they claim: a warning naming the file, or one clear error. */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../../src/lib/errors.ts';
import { maskedCrc32c } from '../../../../src/lib/read/tensorboard/crc32c.ts';
import { readTensorboard } from '../../../../src/lib/read/tensorboard/index.ts';
import { EventFileWriter, writeEventFile } from '../../../../scripts/lib/write-tensorboard.ts';
import { tempDir } from '../../../support/tmp.ts';

const T0 = 1_700_000_000;
const good = (root: string) => writeEventFile(join(root, 'good/events.out.tfevents.1'), [{ kind: 'scalar', tag: 'loss', step: 0, wallTime: T0, value: 1 }]);

async function failure(root: string): Promise<Error> {
  const error = await readTensorboard(root, 'logs').catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InputError);
  expect((error as Error).message).not.toContain('\n');
  return error as Error;
}

describe('readTensorboard with bad input', () => {
  describe('when a file named like an event file is not one', () => {
    it('skips it with a warning naming it, and reads the other runs', async () => {
      const root = tempDir();
      good(root);
      mkdirSync(join(root, 'bad'));
      writeFileSync(join(root, 'bad/events.out.tfevents.1'), 'loss,step\n0.5,1\n');
      const { runs, warnings } = await readTensorboard(root, 'logs');
      expect(runs.map((r) => r.name)).toEqual(['good']);
      expect(warnings).toEqual([
        { path: 'logs/bad/events.out.tfevents.1', message: 'not a TensorBoard event file (its first bytes are not a TFRecord header); skipped' },
        { path: 'logs/bad', message: 'no event could be read from 1 event file; run skipped' },
      ]);
    });

    it('is one clear error when nothing in the tree can be read', async () => {
      const root = tempDir();
      writeFileSync(join(root, 'events.out.tfevents.1'), 'not an event file at all');
      expect((await failure(root)).message).toBe(
        `${root}: no event could be read from its 1 event file(s) (logs/events.out.tfevents.1: not a TensorBoard event file (its first bytes are not a TFRecord header); skipped)`,
      );
    });
  });

  it('is one clear error for an event file of zero bytes and nothing else', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'events.out.tfevents.1'), '');
    expect((await failure(root)).message).toMatch(/no event could be read from its 1 event file/);
  });

  it('is one clear error for a folder without event files', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'hparams.yaml'), 'lr: 1\n');
    expect((await failure(root)).message).toBe(`${root}: no TensorBoard event files (events.out.tfevents.*) below it`);
  });

  it('warns about a value of a scalar tag that is not a scalar, and keeps the others', async () => {
    const root = tempDir();
    writeEventFile(join(root, 'events.out.tfevents.1'), [
      { kind: 'scalar', tag: 'loss', step: 0, wallTime: T0, value: 1, encoding: 'float_val' },
      { kind: 'scalar', tag: 'loss', step: 1, wallTime: T0, value: 2, encoding: 'float_vector' },
      { kind: 'scalar', tag: 'loss', step: 2, wallTime: T0, value: 3, encoding: 'float_vector' },
      { kind: 'scalar', tag: 'loss', step: 3, wallTime: T0, value: 4, encoding: 'float_val' },
    ]);
    const { runs, warnings } = await readTensorboard(root, 'logs');
    expect(runs[0]?.metrics.loss?.history.map((p) => p.value)).toEqual([1, 4]);
    expect(warnings).toEqual([{ path: 'logs', message: 'tag "loss": 2 values skipped: not scalars (simple_value or a rank-0 float/double tensor)' }]);
  });

  it('warns about an hparams.yaml that is not YAML and still reads the run', async () => {
    const root = tempDir();
    good(root);
    writeFileSync(join(root, 'good/hparams.yaml'), 'lr: [1, 2\n');
    const { runs, warnings } = await readTensorboard(root, 'logs');
    expect(runs[0]?.params).toEqual({});
    expect(warnings.map((w) => [w.path, w.message.replace(/ \(.*\)/, '')])).toEqual([['logs/good/hparams.yaml', 'not valid YAML; its params are not read']]);
  });

  it('does not follow symbolic links, and says so', async () => {
    const root = tempDir();
    good(root);
    symlinkSync(join(root, 'good'), join(root, 'loop'));
    const { runs, warnings } = await readTensorboard(root, 'logs');
    expect(runs.map((r) => r.name)).toEqual(['good']);
    expect(warnings).toEqual([{ path: 'logs/loop', message: 'symbolic link not followed' }]);
  });

  it('ends a file at a record claiming more than 2 GiB, keeping the records before it', async () => {
    const root = tempDir();
    const header = Buffer.alloc(12);
    header.writeUInt32LE(3, 4);
    header.writeUInt32LE(maskedCrc32c(header, 0, 8), 8);
    const writer = new EventFileWriter(join(root, 'events.out.tfevents.1')).add({ kind: 'scalar', tag: 'loss', step: 0, wallTime: T0, value: 1 });
    const offset = writer.bytes;
    writer.raw(header).raw(Buffer.alloc(32)).close();
    const { runs, warnings } = await readTensorboard(root, 'logs');
    expect(runs[0]?.metrics.loss?.history).toHaveLength(1);
    expect(warnings).toEqual([{ path: 'logs/events.out.tfevents.1', message: `record at byte ${offset} claims ${3 * 2 ** 32} bytes (over 2 GiB): the rest of the file is skipped` }]);
  });

  it('reads a file whose records are all damaged as a skipped run, with each problem named', async () => {
    const root = tempDir();
    good(root);
    new EventFileWriter(join(root, 'broken/events.out.tfevents.1')).add({ kind: 'file_version', wallTime: T0 }, 'data-crc').add({ kind: 'file_version', wallTime: T0 }, 'not-an-event').close();
    const { runs, warnings } = await readTensorboard(root, 'logs');
    expect(runs.map((r) => r.name)).toEqual(['good']);
    expect(warnings.map((w) => w.message)).toEqual([
      '1 record failed the data CRC-32C check and was skipped (first at byte 0)',
      '1 record holding no Event protobuf skipped (first at byte 40)',
      'no event could be read from 1 event file; run skipped',
    ]);
  });
});
