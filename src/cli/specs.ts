/**
 * Every command's name, summary and options, in one place: `runfolio --help` and each command's
 * `--help` print from here, and parsing uses the same descriptions. Kept free of imports beyond the
 * option types, so the help of any command loads nothing else.
 */
import type { CommandSpec } from './args.ts';

const STORE = { type: 'string', multiple: true, value: 'PATH', description: 'mlruns/ folder, mlflow.db (or sqlite:/// URI), or JSON export. Repeatable: stores are merged.' } as const;

export const buildSpec: CommandSpec = {
  name: 'build',
  summary: 'Build the static site: experiment, run, comparison and model pages, and the reports in --content.',
  options: {
    store: STORE,
    content: { type: 'string', value: 'DIR', description: 'Folder with reports/*.md (Markdown with front matter).' },
    out: { type: 'string', short: 'o', value: 'DIR', description: 'Output folder, replaced in one step when the build succeeds (default: dist).' },
    base: { type: 'string', value: '/SUB/PATH/', description: 'Serve the site under a sub-path (GitHub Pages: /<repo>/).' },
    site: { type: 'string', value: 'URL', description: "The site's public URL (canonical links)." },
    title: { type: 'string', value: 'TEXT', description: 'Project title shown in the header (default: Runfolio).' },
    metric: { type: 'string', value: 'KEY', description: 'The metric experiment pages rank by (default: the one most runs logged).' },
    compare: { type: 'string', multiple: true, value: 'RUN,RUN', description: 'Also publish a static comparison page of these runs. Repeatable.' },
    redact: { type: 'string', multiple: true, value: 'PATTERN', description: 'Mask params/tags whose key matches the glob (e.g. "*token*"), or "paths" for local paths. Repeatable.' },
    archive: { type: 'boolean', description: 'Build an archive that works from disk (file://) without JavaScript, with the Snapshot and a SHA-256 manifest.' },
  },
  notes: 'A RUN is a run id, a unique prefix, EXPERIMENT/RUN_NAME, models:/NAME/VERSION or models:/NAME@ALIAS.\nSecrets with well-known key names (password, token, api_key, …) and token formats are always masked.',
};


export const inspectSpec: CommandSpec = {
  name: 'inspect',
  summary: 'Summarize a store: experiments, runs by status, metrics, params, registered models and what was skipped.',
  options: {
    store: STORE,
    json: { type: 'boolean', description: 'Print the summary as JSON.' },
  },
};


export const rankSpec: CommandSpec = {
  name: 'rank',
  summary: 'Rank runs by a metric or an MLflow order_by, optionally filtered, per experiment or group; as a table or JSON.',
  options: {
    store: STORE,
    experiment: { type: 'string', multiple: true, value: 'NAME|ID', description: 'Only runs of this experiment (name or id). Repeatable; default all.' },
    filter: { type: 'string', value: 'EXPR', description: "MLflow filter_string, e.g. \"metrics.acc > 0.9 AND params.model = 'cnn'\"." },
    'order-by': { type: 'string', multiple: true, value: 'EXPR', description: 'MLflow order_by clause, e.g. "metrics.acc DESC". Repeatable; sorts instead of --metric.' },
    metric: { type: 'string', value: 'KEY', description: 'Rank by the latest value of this metric.' },
    direction: { type: 'string', value: 'asc|desc', description: 'asc: lower is better; desc: higher is better. Default: guessed from the metric name (loss, error… are asc).' },
    'group-by': { type: 'string', value: 'KEY', description: 'Best run per group: params.NAME, tags.NAME, experiment or parent.' },
    top: { type: 'string', value: 'K', description: 'Show the first K runs (or groups).' },
    json: { type: 'boolean', description: 'Print {"runs":[{id, name, experimentId, rank, metrics, params}]} as JSON.' },
  },
  notes: 'Deleted runs are left out. Exit 2 on an unknown experiment or an invalid --filter/--order-by.',
};


export const exportSpec: CommandSpec = {
  name: 'export',
  summary: 'Write the Snapshot (experiments, runs with full metric histories, models, warnings) as JSON. It reads back with --store FILE.json.',
  options: {
    store: STORE,
    out: { type: 'string', short: 'o', value: 'FILE', description: 'Write to FILE instead of standard output.' },
  },
};


export const demoSpec: CommandSpec = {
  name: 'demo',
  summary: 'Build the demo site (a small team\'s image classifier and churn model, with reports) from the seeded demo generator: a full site before you point Runfolio at your own store.',
  options: {
    out: { type: 'string', short: 'o', value: 'DIR', description: 'Output folder, replaced in one step when the build succeeds (default: runfolio-demo).' },
    base: { type: 'string', value: '/SUB/PATH/', description: 'Serve the site under a sub-path (GitHub Pages: /<repo>/).' },
    archive: { type: 'boolean', description: 'Build the demo as an archive that works from disk (file://) without JavaScript.' },
  },
};
