/**
 * What MLflow reads from a run's system tags, the same for every store kind
 * (mlflow/utils/mlflow_tags.py): the run name when the run record has none (`_get_run_name_from_tags`),
 * the user, the parent of a nested run and the note.
 */
import type { Run } from '../model.ts';

export const TAG = {
  runName: 'mlflow.runName',
  user: 'mlflow.user',
  parent: 'mlflow.parentRunId',
  note: 'mlflow.note.content',
} as const;

export interface RecordedFields {
  /** The run record's own name (run_name, runs.name), then a legacy one (MLflow ≤ 1.28 `name:`). */
  names: (string | undefined)[];
  userId: string | undefined;
}

/** name, user, parentId and description of a run, from its record and its tags. */
export function systemFields(recorded: RecordedFields, tags: Record<string, string>): Pick<Run, 'name' | 'user' | 'parentId' | 'description'> {
  const [first, ...legacy] = recorded.names;
  return {
    name: first || tags[TAG.runName] || legacy.find(Boolean) || '',
    user: recorded.userId || tags[TAG.user] || undefined,
    parentId: tags[TAG.parent] || undefined,
    description: tags[TAG.note],
  };
}
