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
  it('masks params and tags named like secrets, and counts every masked value', () => {
    const { snapshot, masked } = redactSnapshot(snapshotWith({ params: { api_key: 'abc', lr: '0.1' }, tags: { password: 'x' } }), parseRedactions([]));
    expect(snapshot.runs[0]?.params).toEqual({ api_key: MASK, lr: '0.1' });
    expect(snapshot.runs[0]?.tags).toEqual({ password: MASK });
    // the two secrets and the experiment's artifact location in a home folder
    expect(masked).toBe(3);
  });

  it('masks credential-shaped values anywhere in text, and passwords inside URLs', () => {
    const { snapshot } = redactSnapshot(
      snapshotWith({
        params: { note: 'key AKIAIOSFODNN7EXAMPLE used', url: 'https://bob:hunter2@example.com/x' },
        description: 'token ghp_abcdefghijklmnopqrstuvwxyz0123456789AB here',
      }),
      parseRedactions([]),
    );
    expect(snapshot.runs[0]?.params).toEqual({ note: `key ${MASK} used`, url: `https://${MASK}@example.com/x` });
    expect(snapshot.runs[0]?.description).toBe(`token ${MASK} here`);
  });

  it('masks keys matching user globs, case-insensitively', () => {
    const { snapshot } = redactSnapshot(snapshotWith({ params: { DB_URL: 'postgres://db', model: 'rf' } }), parseRedactions(['*_url']));
    expect(snapshot.runs[0]?.params).toEqual({ DB_URL: MASK, model: 'rf' });
  });

  it('shortens home folders to ~ by default, in values and URIs', () => {
    const { snapshot } = redactSnapshot(
      snapshotWith({ params: { data: '/home/maya/data/train.csv', win: 'C:\\Users\\Maya\\data', wsl: 'file:///mnt/c/Users/Maya/x' }, artifactUri: 'file:///Users/maya/mlruns/1/r/artifacts' }),
      parseRedactions([]),
    );
    expect(snapshot.runs[0]?.params).toEqual({ data: '~/data/train.csv', win: '~\\data', wsl: 'file://~/x' });
    expect(snapshot.runs[0]?.artifactUri).toBe('file://~/mlruns/1/r/artifacts');
    expect(snapshot.experiments[0]?.artifactLocation).toBe('file://~/mlruns/1');
  });

  it('masks nothing with the defaults off, except the rules named again', () => {
    const input = snapshotWith({ params: { data: '/home/maya/data.csv', api_key: 'k', owner: 'maya@example.com' } });
    expect(redactSnapshot(input, parseRedactions([], false)).snapshot.runs[0]?.params).toEqual({ data: '/home/maya/data.csv', api_key: 'k', owner: 'maya@example.com' });
    expect(redactSnapshot(input, parseRedactions(['paths'], false)).snapshot.runs[0]?.params).toEqual({ data: '~/data.csv', api_key: 'k', owner: 'maya@example.com' });
  });

  it('never changes the input snapshot', () => {
    const input = snapshotWith({ params: { data: '/home/maya/data.csv', api_key: 'k' } });
    redactSnapshot(input, parseRedactions([]));
    expect(input.runs[0]?.params).toEqual({ data: '/home/maya/data.csv', api_key: 'k' });
  });

  it('masks e-mail addresses anywhere, and e-mail and host keys whole', () => {
    const { snapshot } = redactSnapshot(
      snapshotWith({
        user: 'maya.k@corp.example.com',
        params: { contact: 'mail maya.k@corp.example.com or ops+ml@corp.io', remote: 'git@github.com:org/repo.git' },
        tags: { 'wandb.meta.host': 'gpu-box-07', 'wandb.meta.email': 'someone', 'db.hostname': 'db.internal', ghost: 'boo', 'mlflow.source.name': '/home/maya/ml-vision/train.py' },
      }),
      parseRedactions([]),
    );
    const run = snapshot.runs[0];
    expect(run?.user).toBe(MASK);
    expect(run?.params).toEqual({ contact: `mail ${MASK} or ${MASK}`, remote: 'git@github.com:org/repo.git' });
    expect(run?.tags).toEqual({ 'wandb.meta.host': MASK, 'wandb.meta.email': MASK, 'db.hostname': MASK, ghost: 'boo', 'mlflow.source.name': '~/ml-vision/train.py' });
  });

  it('masks credentials in URIs: user info, and secret query parameters', () => {
    const { snapshot } = redactSnapshot(
      snapshotWith({
        params: {
          clone: 'https://ghs_TOKEN123@github.com/org/repo',
          blob: 'https://acct.blob.core.windows.net/c/x.parquet?sv=2022&sig=abc%2Fdef&se=2030',
          s3: 'https://b.s3.amazonaws.com/k?X-Amz-Credential=AKIDEXAMPLE&X-Amz-Signature=deadbeef&x=1',
          api: 'https://api.example.com/v1?access_token=tok123&page=2',
        },
      }),
      parseRedactions([]),
    );
    expect(snapshot.runs[0]?.params).toEqual({
      clone: `https://${MASK}@github.com/org/repo`,
      blob: `https://acct.blob.core.windows.net/c/x.parquet?sv=2022&sig=${MASK}&se=2030`,
      s3: `https://b.s3.amazonaws.com/k?X-Amz-Credential=${MASK}&X-Amz-Signature=${MASK}&x=1`,
      api: `https://api.example.com/v1?access_token=${MASK}&page=2`,
    });
  });

  it('shortens home folders after any scheme, in JSON-escaped Windows paths and in sqlite URIs', () => {
    const { snapshot } = redactSnapshot(
      snapshotWith({
        inputs: [{ name: 'd', digest: 'x', source: '{"uri": "C:\\\\Users\\\\maya\\\\data.csv"}' }],
        params: { db: 'sqlite:////home/maya/mlflow.db', list: 'a,/home/maya/x', root: '/root/.cache', other: '/srv/home-data/x' },
      }),
      parseRedactions([]),
    );
    expect(snapshot.runs[0]?.inputs[0]?.source).toBe('{"uri": "~\\\\data.csv"}');
    expect(snapshot.runs[0]?.params).toEqual({ db: 'sqlite:///~/mlflow.db', list: 'a,~/x', root: '~/.cache', other: '/srv/home-data/x' });
  });

  it('leaves a redacted Snapshot as it is when redacted again', () => {
    const once = redactSnapshot(snapshotWith({ params: { u: 'https://bob:pw@h/x', p: '/home/maya/x', e: 'a@b.io' } }), parseRedactions([])).snapshot;
    const twice = redactSnapshot(once, parseRedactions([]));
    expect(twice.snapshot).toEqual(once);
    expect(twice.masked).toBe(0);
  });
});
