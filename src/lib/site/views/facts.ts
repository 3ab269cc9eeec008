/**
 * The facts a run page leads with: where the run came from (source, git) and what pins it down
 * for reproduction (data hashes, dataset digests, environment), read from MLflow's system tags
 * (mlflow/utils/mlflow_tags.py) and the team's own hash-like tags.
 */
import type { Run } from '../../model.ts';
import type { Pairs } from './types.ts';

const SYSTEM_FACTS: [string, string][] = [
  ['mlflow.source.name', 'Source'],
  ['mlflow.source.type', 'Source type'],
  ['mlflow.source.git.commit', 'Git commit'],
  ['mlflow.source.git.branch', 'Git branch'],
  ['mlflow.source.git.repoURL', 'Git repository'],
  ['mlflow.project.entryPoint', 'Entry point'],
  ['mlflow.project.backend', 'Project backend'],
  ['mlflow.docker.image.name', 'Docker image'],
  ['mlflow.databricks.notebookPath', 'Notebook'],
];

/** User tags that record a data version: `data.sha256`, `dataset_hash`, `train_md5`, … */
const HASH_TAG = /(^|[._/-])(hash|sha\d*|md5|digest|checksum|dvc)([._/-]|$)/i;

export function runFacts(run: Run): Pairs {
  const facts: Pairs = [];
  for (const [tag, label] of SYSTEM_FACTS) {
    const value = run.tags[tag];
    if (value) facts.push([label, value]);
  }
  for (const [key, value] of Object.entries(run.tags)) {
    if (!key.startsWith('mlflow.') && HASH_TAG.test(key)) facts.push([key, value]);
  }
  for (const input of run.inputs) facts.push([`Dataset ${input.name}${input.context ? ` (${input.context})` : ''}`, `digest ${input.digest}`]);
  return facts;
}

export function durationOf(run: Pick<Run, 'startTime' | 'endTime'>): number | undefined {
  return run.startTime !== undefined && run.endTime !== undefined && run.endTime >= run.startTime ? run.endTime - run.startTime : undefined;
}
