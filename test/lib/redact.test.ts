import { describe, expect, it } from 'vitest';
import type { Run, Snapshot } from '../../src/lib/model.ts';
import { isSecretKey, MASK, parseRedactions, redactSnapshot } from '../../src/lib/redact.ts';

function snapshotWith(run: Partial<Run>): Snapshot {
  return {
    format: 'runfolio.snapshot/1',
    experiments: [{ id: '1', name: 'e', lifecycleStage: 'active', tags: {}, artifactLocation: 'file:///home/maya/mlruns/1' }],
    runs: [{ id: 'r', experimentId: '1', name: 'r', status: 'FINISHED', lifecycleStage: 'active', params: {}, tags: {}, metrics: {}, inputs: [], artifacts: [], loggedModels: [], ...run }],
    models: [],
    warnings: [],
  };
}

describe('isSecretKey(key)', () => {
  it.each(['password', 'db_password', 'OPENAI_API_KEY', 'apiKey', 'aws_secret_access_key', 'hf_token', 'github-token', 'client_secret', 'privateKey', 'connection_string', 'sas_token'])('treats %s as a secret', (key) => {
    expect(isSecretKey(key)).toBe(true);
  });

  it.each(['max_tokens', 'tokenizer', 'num_tokens', 'learning_rate', 'key_dim', 'secretary_count', 'author', 'passes'])('leaves %s alone', (key) => {
    expect(isSecretKey(key)).toBe(false);
  });
});

describe('redactSnapshot(snapshot, redactions)', () => {
  it('masks params and tags named like secrets, and counts them', () => {
    const { snapshot, masked } = redactSnapshot(snapshotWith({ params: { api_key: 'abc', lr: '0.1' }, tags: { password: 'x' } }), parseRedactions([]));
    expect(snapshot.runs[0]?.params).toEqual({ api_key: MASK, lr: '0.1' });
    expect(snapshot.runs[0]?.tags).toEqual({ password: MASK });
    expect(masked).toBe(2);
  });

  it('masks credential-shaped values anywhere in text, and passwords inside URLs', () => {
    const { snapshot } = redactSnapshot(
      snapshotWith({
        params: { note: 'key AKIAIOSFODNN7EXAMPLE used', url: 'https://bob:hunter2@example.com/x' },
        description: 'token ghp_abcdefghijklmnopqrstuvwxyz0123456789AB here',
      }),
      parseRedactions([]),
    );
    expect(snapshot.runs[0]?.params).toEqual({ note: `key ${MASK} used`, url: `https://bob:${MASK}@example.com/x` });
    expect(snapshot.runs[0]?.description).toBe(`token ${MASK} here`);
  });

  it('masks keys matching user globs, case-insensitively', () => {
    const { snapshot } = redactSnapshot(snapshotWith({ params: { DB_URL: 'postgres://db', model: 'rf' } }), parseRedactions(['*_url']));
    expect(snapshot.runs[0]?.params).toEqual({ DB_URL: MASK, model: 'rf' });
  });

  it('shortens home folders to ~ with "paths", in values and URIs', () => {
    const { snapshot } = redactSnapshot(
      snapshotWith({ params: { data: '/home/maya/data/train.csv', win: 'C:\\Users\\Maya\\data', wsl: 'file:///mnt/c/Users/Maya/x' }, artifactUri: 'file:///Users/maya/mlruns/1/r/artifacts' }),
      parseRedactions(['paths']),
    );
    expect(snapshot.runs[0]?.params).toEqual({ data: '~/data/train.csv', win: '~\\data', wsl: 'file://~/x' });
    expect(snapshot.runs[0]?.artifactUri).toBe('file://~/mlruns/1/r/artifacts');
    expect(snapshot.experiments[0]?.artifactLocation).toBe('file://~/mlruns/1');
  });

  it('leaves paths alone without "paths", and never changes the input snapshot', () => {
    const input = snapshotWith({ params: { data: '/home/maya/data.csv', api_key: 'k' } });
    const { snapshot } = redactSnapshot(input, parseRedactions([]));
    expect(snapshot.runs[0]?.params.data).toBe('/home/maya/data.csv');
    expect(input.runs[0]?.params.api_key).toBe('k');
  });
});
