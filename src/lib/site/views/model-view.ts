/** Registered model → its page's view; and the version that stands out on the home page. */
import { compareIds } from '../../order.ts';
import type { RegisteredModel, Run } from '../../model.ts';
import { renderMarkdown } from '../markdown.ts';
import { optional, runLink } from './run-view.ts';
import type { ModelView } from './types.ts';

export const PROMPT_TAG = 'mlflow.prompt.is_prompt';

export function modelView(model: RegisteredModel, runsById: Map<string, Run>): ModelView {
  const aliases = Object.entries(model.aliases);
  const current = currentVersion(model);
  return {
    name: model.name,
    ...(model.description ? { descriptionHtml: renderMarkdown(model.description) } : {}),
    tags: Object.entries(model.tags),
    aliases,
    ...optional('creationTime', model.creationTime),
    ...optional('lastUpdatedTime', model.lastUpdatedTime),
    ...(current ? { current } : {}),
    versions: [...model.versions]
      .sort((a, b) => compareIds(b.version, a.version))
      .map((v) => {
        const run = v.runId ? runsById.get(v.runId) : undefined;
        return {
          version: v.version,
          stage: v.stage,
          status: v.status,
          aliases: aliases.filter(([, n]) => n === v.version).map(([a]) => a),
          ...(run ? { run: runLink(run) } : {}),
          ...optional('runId', v.runId),
          ...optional('source', v.source),
          ...optional('creationTime', v.creationTime),
          ...(v.description ? { descriptionHtml: renderMarkdown(v.description) } : {}),
          tags: Object.entries(v.tags),
        };
      }),
    isPrompt: model.tags[PROMPT_TAG] === 'true',
  };
}

/**
 * The version a team means by "the model": alias `champion` (MLflow 2.9+ replaced stages with
 * aliases), else `production`/`prod`, else the newest version in stage Production.
 */
export function currentVersion(model: RegisteredModel): { version: string; label: string } | undefined {
  for (const alias of ['champion', 'production', 'prod']) {
    const version = model.aliases[alias];
    if (version) return { version, label: `@${alias}` };
  }
  const production = model.versions.filter((v) => v.stage === 'Production').sort((a, b) => compareIds(b.version, a.version))[0];
  return production ? { version: production.version, label: 'Production' } : undefined;
}
