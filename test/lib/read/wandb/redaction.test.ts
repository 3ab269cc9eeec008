/**
 * W&B metadata carries e-mail addresses, host names and home folders. The reader puts them under
 * keys the redaction rules reach (`wandb.meta.email`, `wandb.meta.host`: last segment `host`), and
 * the default redaction masks them.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStores } from '../../../../src/lib/read/index.ts';
import { parseRedactions, redactSnapshot } from '../../../../src/lib/redact.ts';
import { FIXTURES } from '../../../support/fixtures.ts';

const WANDB = join(FIXTURES, 'trackers/wandb');

describe('redactSnapshot(W&B runs)', () => {
  it('leaves no e-mail address, host name or home folder of the metadata, by default', async () => {
    const snapshot = await readStores([join(WANDB, 'kwt-0.12-killed'), join(WANDB, 'cs336-0.21-core')]);
    const personal = ['reuterchris05@gmail.com', 'CVH6FWYQJ5', 'ip-172-31-3-98', '/Users/I749950', '/home/ubuntu'];
    const before = JSON.stringify(snapshot);
    for (const value of personal) expect(before).toContain(value);
    const { snapshot: redacted } = redactSnapshot(snapshot, parseRedactions([]));
    const after = JSON.stringify(redacted);
    for (const value of personal) expect(after).not.toContain(value);
    expect(redacted.runs.find((r) => r.id === '8atu6kfy')?.tags).toMatchObject({ 'wandb.meta.email': '[redacted]', 'wandb.meta.host': '[redacted]', 'wandb.meta.executable': '~/Downloads/Vorlesungen/Zusatz /CS336/assignment1-basics/.venv/bin/python' });
  });
});
