/**
 * A small store spec with the edge cases a store writer must keep (non-finite values, nesting,
 * slashes, unicode, every registry feature), and ways to compare written files with real ones.
 * Shared by the writer tests of the regular and the conformance suites.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { MlflowFlavor, StoreSpec } from '../../src/generate/store-spec.ts';

export const T0 = 1_740_000_000_000;
export const ids = { exp: '424242', trashExp: '77', parent: 'a'.repeat(32), child: 'b'.repeat(32), running: 'c'.repeat(32), gone: 'd'.repeat(32), old: 'e'.repeat(32) };
export const TRAIN = { name: 'train-set', digest: '700e8ebc', sourceType: 'local', source: '{"uri": "/data/train.csv"}', schema: '{"mlflow_colspec": []}', profile: '{"num_rows": 10}' };
export const EVAL = { name: 'eval-set', digest: '0badf00d', sourceType: 'local', source: '{"uri": "/data/eval.csv"}' };

/** A small store with the edge cases a writer must keep: non-finite values, nesting, slashes, unicode. */
export function edgeSpec(flavor: MlflowFlavor): StoreSpec {
  const mlflow3 = flavor === 'mlflow3';
  return {
    flavor,
    experiments: [
      { id: '0', name: 'Default', creationTime: T0 },
      { id: ids.exp, name: '/Shared/edge cases', creationTime: T0 + 1, tags: { team: 'qa' }, description: '# Note\n\n- one' },
      { id: ids.trashExp, name: 'scratch', lifecycleStage: 'deleted', creationTime: T0 + 2, lastUpdateTime: T0 + 9_000 },
    ],
    runs: [
      {
        id: ids.parent, experimentId: ids.exp, name: 'sweep', status: 'FINISHED', startTime: T0 + 10, endTime: T0 + 5_000, user: 'ana',
        params: { 'optimizer/name': 'adam', lr: '0.001' }, tags: { 'mlflow.source.type': 'LOCAL' }, description: '| a | b |\n| - | - |\n| 1 | 2 |',
        metrics: { 'train/loss': [{ step: 0, timestamp: T0 + 20, value: 2.5 }, { step: 1, timestamp: T0 + 30, value: Infinity }, { step: 2, timestamp: T0 + 40, value: NaN }] },
        inputs: [{ dataset: TRAIN, context: 'train' }, { dataset: EVAL, context: 'eval' }],
        artifacts: [{ path: 'model/MLmodel', content: 'artifact_path: model\n' }, { path: 'metrics.json', content: '{"acc": 0.9}\n' }],
        loggedModels: mlflow3 ? [{ id: 'm-0123456789abcdef0123456789abcdef', name: 'model', creationTime: T0 + 4_000, tags: { 'mlflow.user': 'ana' } }] : undefined,
      },
      {
        id: ids.child, experimentId: ids.exp, name: 'modèle 😀', status: 'FAILED', startTime: T0 + 100, endTime: T0 + 900, parentId: ids.parent,
        params: { lr: '0.01' },
        metrics: {
          'a/b/c': [{ step: 0, timestamp: T0 + 110, value: 1 }, { step: 5, timestamp: T0 + 120, value: 1e-5 }, { step: 5, timestamp: T0 + 115, value: -Infinity }],
          acc: [{ step: 0, timestamp: T0 + 130, value: 0.5 }, { step: 0, timestamp: T0 + 130, value: 0.5 }],
        },
        inputs: [{ dataset: TRAIN, context: 'train' }],
      },
      { id: ids.running, experimentId: ids.exp, name: 'still going', status: 'RUNNING', startTime: T0 + 200 },
      { id: ids.gone, experimentId: ids.exp, name: 'oops', status: 'KILLED', lifecycleStage: 'deleted', startTime: T0 + 300, endTime: T0 + 400, deletedTime: T0 + 8_000, user: 'bo' },
      { id: ids.old, experimentId: ids.trashExp, name: 'in trash', status: 'FINISHED', lifecycleStage: 'deleted', startTime: T0 + 3, endTime: T0 + 4, metrics: { x: [{ step: 0, timestamp: T0 + 4, value: 3 }] } },
    ],
    models: [
      {
        name: 'edge-model', description: 'The model.', creationTime: T0 + 6_000, lastUpdatedTime: T0 + 7_000, tags: { owner: 'ana' },
        versions: [
          { version: 1, stage: 'Archived', runId: ids.child, source: `runs:/${ids.child}/model`, creationTime: T0 + 6_000 },
          { version: 2, stage: 'Production', runId: ids.parent, source: mlflow3 ? 'models:/m-0123456789abcdef0123456789abcdef' : `runs:/${ids.parent}/model`, creationTime: T0 + 6_100, tags: { approved: 'yes' } },
          { version: 3, stage: 'Deleted_Internal', runId: ids.parent, source: `runs:/${ids.parent}/model`, creationTime: T0 + 6_200 },
          { version: 4, stage: 'Staging', source: '/models/edge', creationTime: T0 + 6_300, description: 'multi\nline' },
        ],
        aliases: { champion: 2, challenger: 4 },
      },
      { name: 'plain-model', creationTime: T0 + 6_500, versions: [{ version: 1, runId: ids.parent, source: mlflow3 ? 'models:/m-0123456789abcdef0123456789abcdef' : `runs:/${ids.parent}/model`, creationTime: T0 + 6_600 }] },
    ],
  };
}

/** Relative path → content of every file under `dir`. */
export function tree(dir: string, rel = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of readdirSync(join(dir, rel)).sort()) {
    const path = rel ? `${rel}/${name}` : name;
    if (statSync(join(dir, path)).isDirectory()) for (const [k, v] of tree(dir, path)) out.set(k, v);
    else out.set(path, readFileSync(join(dir, path), 'latin1'));
  }
  return out;
}

/** A meta.yaml reduced to its layout: keys, indentation and the kind of each value (quoted, int, null…). */
export function shape(text: string): string {
  return text.split('\n').map((line) => {
    const m = /^(\s*)([^\s:][^:]*):(?: (.*))?$/.exec(line);
    if (!m) return line === '' ? '' : '<continued>';
    const [, indent, key, value] = m;
    if (value === undefined) return `${indent}${key}:`;
    const kind = value === "''" || value === 'null' || value === '[]' || value === '{}' ? value
      : /^-?\d+$/.test(value) ? '<int>' : /^'.*'$/.test(value) ? '<quoted>' : value.startsWith("'") ? '<quoted…>' : '<plain>';
    return `${indent}${key}: ${kind}`;
  }).join('\n');
}

export function keysOf(text: string): string[] {
  return text.split('\n').filter((l) => /^[a-z_]+:/.test(l)).map((l) => l.split(':')[0] as string);
}

