import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { descriptor } from '../../../../src/lib/read/tensorboard/proto/descriptor.ts';
import { EventType, HParamsPluginDataType, int64, plainValue, type EventMessage, type HParamsPluginDataMessage } from '../../../../src/lib/read/tensorboard/proto.ts';
import { DESCRIPTOR_FILE, descriptorFromProtoFiles, descriptorModule } from '../../../../scripts/lib/tensorboard-protos.ts';
import { encodeEvent } from '../../../../scripts/lib/write-tensorboard.ts';

describe('proto/descriptor.ts', () => {
  it('is what the vendored .proto files give, as the generator writes it', () => {
    expect(descriptor).toEqual(descriptorFromProtoFiles());
    expect(readFileSync(DESCRIPTOR_FILE, 'utf8')).toBe(descriptorModule());
  });
});

describe('EventType.decode(bytes)', () => {
  it('tells which field of a oneof is set, a scalar of 0.0 included, and leaves the others at their defaults', () => {
    const event = EventType.decode(encodeEvent({ kind: 'scalar', tag: 'loss', step: 3, wallTime: 5.5, value: 0 })) as unknown as EventMessage;
    expect(event.what).toBe('summary');
    const value = event.summary?.value[0];
    expect(value?.value).toBe('simple_value');
    expect(value?.simple_value).toBe(0);
    expect(value?.tensor).toBeNull();
    expect(int64(event.step)).toBe(3);
    const version = EventType.decode(encodeEvent({ kind: 'file_version', wallTime: 1 })) as unknown as EventMessage;
    expect([version.what, version.file_version, version.summary]).toEqual(['file_version', 'brain.Event:2', null]);
  });

  it('reads int64 steps beyond 32 bits and negative ones', () => {
    for (const step of [2 ** 40 + 7, -5]) {
      const event = EventType.decode(encodeEvent({ kind: 'scalar', tag: 'x', step, wallTime: 1, value: 1 })) as unknown as EventMessage;
      expect(int64(event.step)).toBe(step);
    }
  });
});

describe('plainValue(google.protobuf.Value)', () => {
  it('gives numbers, strings, booleans and nested values as plain data', () => {
    const bytes = HParamsPluginDataType.encode(
      HParamsPluginDataType.fromObject({
        session_start_info: {
          hparams: {
            lr: { numberValue: 0.5 },
            name: { stringValue: 'adam' },
            amsgrad: { boolValue: false },
            betas: { listValue: { values: [{ numberValue: 0.9 }, { numberValue: 0.99 }] } },
            sched: { structValue: { fields: { kind: { stringValue: 'cos' } } } },
            none: { nullValue: 0 },
          },
        },
      }),
    ).finish();
    const data = HParamsPluginDataType.decode(bytes) as unknown as HParamsPluginDataMessage;
    expect(data.data).toBe('session_start_info');
    const plain = Object.fromEntries(Object.entries(data.session_start_info?.hparams ?? {}).map(([k, v]) => [k, plainValue(v)]));
    expect(plain).toEqual({ lr: 0.5, name: 'adam', amsgrad: false, betas: [0.9, 0.99], sched: { kind: 'cos' }, none: null });
  });
});
