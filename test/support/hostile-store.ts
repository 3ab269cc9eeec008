/**
 * A store whose every text field is hostile: script tags, attribute breakouts, javascript: URLs
 * in Markdown notes, secrets and home-folder paths. The site built from it must show all of it
 * as text, run no script, and mask the secrets.
 */
import type { StoreSpec } from '../../src/generate/store-spec.ts';

export const XSS = {
  experiment: '<script>alert("experiment")</script>',
  run: '"><svg onload=alert("run")>',
  paramKey: '<b onmouseover=alert(1)>key</b>',
  paramValue: '</td><script>alert("param")</script>',
  tagValue: 'javascript:alert("tag")',
  metric: 'loss<img src=x onerror=alert(1)>',
  model: '<iframe src=javascript:alert(1)>',
  note: '# Note\n\n<script>alert("note")</script>\n\n<img src=x onerror=alert("img")>\n\n[click me](javascript:alert("link"))\n\n<a href="javascript:alert(2)">raw link</a>\n\n| a | b |\n|---|---|\n| <b>x</b> | 2 |\n',
};

export const SECRETS = {
  apiKey: 'sk-proj-abcdefghijklmnopqrstuvwxyz0123456789',
  password: 'hunter2-super-secret',
  awsKey: 'AKIAIOSFODNN7EXAMPLE',
  dbUrl: 'postgresql://maya:s3cr3tpw@db.internal:5432/ml',
  homePath: '/home/maya/projects/churn/data/train.csv',
};

const T0 = 1_700_000_000_000;
const RUN_A = 'a'.repeat(32);
const RUN_B = 'b'.repeat(32);

export function hostileSpec(): StoreSpec {
  const points = (n: number, f: (i: number) => number) => Array.from({ length: n }, (_, i) => ({ step: i, timestamp: T0 + i * 1000, value: f(i) }));
  return {
    flavor: 'mlflow2',
    experiments: [
      { id: '0', name: 'Default', creationTime: T0 },
      { id: '1', name: XSS.experiment, creationTime: T0, description: XSS.note, tags: { owner: XSS.paramValue } },
    ],
    runs: [
      {
        id: RUN_A,
        experimentId: '1',
        name: XSS.run,
        status: 'FINISHED',
        startTime: T0,
        endTime: T0 + 60_000,
        user: 'maya',
        description: XSS.note,
        params: {
          [XSS.paramKey]: XSS.paramValue,
          openai_api_key: SECRETS.apiKey,
          db_password: SECRETS.password,
          db_url: SECRETS.dbUrl,
          train_path: SECRETS.homePath,
          max_tokens: '512',
        },
        tags: { link: XSS.tagValue, aws: `key ${SECRETS.awsKey} in a note` },
        metrics: { [XSS.metric]: points(20, (i) => 1 / (i + 1)), accuracy: points(20, (i) => i / 20) },
      },
      {
        id: RUN_B,
        experimentId: '1',
        name: 'plain-run',
        status: 'FAILED',
        startTime: T0 + 120_000,
        endTime: T0 + 180_000,
        user: 'maya',
        params: { [XSS.paramKey]: 'other', max_tokens: '256' },
        metrics: { [XSS.metric]: points(10, (i) => 2 / (i + 1)), accuracy: points(10, (i) => i / 12) },
      },
    ],
    models: [
      {
        name: XSS.model,
        creationTime: T0,
        description: XSS.note,
        versions: [{ version: 1, stage: 'Production', status: 'READY', runId: RUN_A, source: `runs:/${RUN_A}/model`, creationTime: T0 }],
      },
    ],
  };
}

export const HOSTILE_RUNS = { a: RUN_A, b: RUN_B };
