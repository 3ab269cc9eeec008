import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DESCRIPTOR_MODULE, descriptorModule, loadWandbProtos } from '../../scripts/lib/wandb-proto.ts';
import { decodeRecord } from '../../src/lib/read/wandb/records.ts';
import { encodeRecord } from '../../scripts/lib/wandb-framing.ts';

describe('descriptorModule()', () => {
  it('matches the committed src/lib/read/wandb/proto/descriptor.ts (run `node scripts/wandb-proto.ts` after changing the .proto files)', () => {
    expect(readFileSync(DESCRIPTOR_MODULE, 'utf8')).toBe(descriptorModule());
  });

  it('names every kind the vendored Record can hold, so none is counted as unknown', () => {
    const record = loadWandbProtos().lookupType('wandb_internal.Record');
    const kinds = (record.oneofs.record_type?.fieldsArray ?? []).map((f) => f.name);
    expect(kinds).toContain('environment');
    for (const kind of kinds) expect(decodeRecord(encodeRecord({ [kind]: {} })).kind).toBe(kind);
  });
});

describe('decodeRecord(bytes)', () => {
  it('decodes the published kinds with the trimmed descriptor as the full protos encode them', () => {
    const decoded = decodeRecord(encodeRecord({ num: 7, history: { item: [{ key: 'loss', value_json: '0.5' }, { nested_key: ['a', 'b'], value_json: '1' }], step: { num: 3 } } }));
    expect(decoded.kind).toBe('history');
    expect(decoded.decoded?.kind === 'history' && decoded.decoded.message.item.map((i) => [i.key, i.nested_key, i.value_json])).toEqual([['loss', [], '0.5'], ['', ['a', 'b'], '1']]);
  });

  it('counts a record of a kind newer than the vendored protos as unknown', () => {
    // num = 1, then an empty field 111 (tag 0xfa 0x06: 111 << 3 | length-delimited).
    expect(decodeRecord(Uint8Array.from([0x08, 0x01, 0xfa, 0x06, 0x00])).kind).toBe('unknown');
  });
});
