/**
 * A file store whose runs logged every kind of artifact the site treats differently: a PNG plot,
 * an SVG carrying a script, an HTML report, a CSV, JSON and YAML with secrets in them, an MLmodel,
 * a binary model, a file over the per-file budget and a symbolic link out of the store. Two runs
 * share some paths, for the side-by-side comparison. Written with the project's store writer;
 * binary files and the link are added to the written folders.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import type { StoreSpec } from '../../src/generate/store-spec.ts';
import { writeMlruns } from '../../src/generate/write-mlruns.ts';

const T0 = 1_700_000_000_000;
export const RUN_A = 'a1'.repeat(16);
export const RUN_B = 'b2'.repeat(16);
export const EXPERIMENT = '1';

export const ARTIFACT_SECRETS = { apiKey: 'sk-proj-abcdefghijklmnopqrstuvwxyz0123456789', password: 'hunter2-not-for-the-web' };

export const SVG_WITH_SCRIPT = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><script>window.__svgRan = true</script><rect width="40" height="20" fill="#0b5cad"/></svg>';
export const HTML_REPORT = '<!doctype html><html><body><h1>Estimator</h1><script>window.__htmlRan = true</script></body></html>';
export const CSV = 'epoch,train/loss,"val, loss"\n1,0.9,0.95\n2,0.5,"0.61"\n3,0.3,0.42\n';
/** A file name that is markup: shown as text, stored under a safe name. */
export const XSS_NAME = '"><img src=x onerror=alert(1)>.txt';
export const MLMODEL = 'artifact_path: model\nflavors:\n  python_function:\n    loader_module: mlflow.sklearn\n    python_version: 3.11.9\nmlflow_version: 2.9.2\nmodel_size_bytes: 1024\n';

/** A PNG of `width`×`height` pixels of one colour (what a plotting library writes, smaller). */
export function png(width: number, height: number, rgb: [number, number, number] = [11, 92, 173]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

function spec(): StoreSpec {
  const run = (id: string, name: string, accuracy: number, offset: number) => ({
    id,
    experimentId: EXPERIMENT,
    name,
    status: 'FINISHED' as const,
    startTime: T0 + offset,
    endTime: T0 + offset + 60_000,
    params: { lr: String(accuracy / 10) },
    metrics: { accuracy: [{ step: 0, timestamp: T0 + offset, value: accuracy }] },
  });
  return {
    experiments: [{ id: '0', name: 'Default', creationTime: T0 }, { id: EXPERIMENT, name: 'artifacts', creationTime: T0 }],
    runs: [
      {
        ...run(RUN_A, 'with-artifacts', 0.9, 0),
        artifacts: [
          { path: 'metrics.csv', content: CSV },
          { path: 'config.json', content: `{\n  "lr": 0.1,\n  "api_key": "${ARTIFACT_SECRETS.apiKey}",\n  "layers": [64, 32]\n}\n` },
          { path: 'args.yaml', content: `epochs: 30\noptimizer: sgd  # with momentum\ndb_password: ${ARTIFACT_SECRETS.password}\n` },
          { path: 'model/MLmodel', content: MLMODEL },
          { path: 'model/requirements.txt', content: 'mlflow==2.9.2\nscikit-learn==1.4.0\n' },
          { path: 'plots/curve.svg', content: SVG_WITH_SCRIPT },
          { path: 'estimator.html', content: HTML_REPORT },
          { path: 'notes/long log.txt', content: Array.from({ length: 450 }, (_, i) => `line ${i + 1}`).join('\n') },
          { path: `notes/${XSS_NAME}`, content: '<script>alert("content")</script>\n' },
        ],
      },
      {
        ...run(RUN_B, 'second-run', 0.8, 120_000),
        artifacts: [
          { path: 'metrics.csv', content: 'epoch,train/loss,"val, loss"\n1,0.8,0.9\n' },
          { path: 'model/MLmodel', content: MLMODEL.replace('1024', '2048') },
        ],
      },
    ],
  };
}

/** Writes the store at `dir` (an mlruns/ folder that must not exist) and returns it. */
export function writeArtifactStore(dir: string): string {
  writeMlruns(spec(), dir);
  const artifacts = (run: string) => join(dir, EXPERIMENT, run, 'artifacts');
  const put = (run: string, path: string, bytes: Buffer) => {
    const file = join(artifacts(run), path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, bytes);
  };
  put(RUN_A, 'plots/confusion_matrix.png', png(12, 8));
  put(RUN_B, 'plots/confusion_matrix.png', png(12, 8, [180, 35, 24]));
  put(RUN_A, 'model/model.pkl', Buffer.from([0x80, 0x04, 0x95, 0x00, 0xff, 0xfe, 0x00, 0x01]));
  put(RUN_A, 'big/weights.bin', Buffer.alloc(3 * 1024 * 1024 + 1, 7));
  writeFileSync(join(dir, '..', 'outside-secret.txt'), 'OUTSIDE THE STORE\n');
  symlinkSync(join(dir, '..', 'outside-secret.txt'), join(artifacts(RUN_A), 'linked.txt'));
  return dir;
}
