/**
 * Every command's name, summary and options, in one place: `runfolio --help` and each command's
 * `--help` print from here, and parsing uses the same descriptions. Kept free of imports beyond the
 * option types, so the help of any command loads nothing else.
 */
import { DEFAULT_ARTIFACTS_BUDGET, describeBudget } from '../lib/site/artifacts-budget.ts';
import type { CommandSpec, OptionSpec } from './args.ts';

export const STORE_OPTION: OptionSpec = { type: 'string', multiple: true, value: 'PATH', description: 'mlruns/ folder, mlflow.db (or sqlite:/// URI), JSON export, or TensorBoard log folder. Repeatable: stores are merged.' };

/** `--redact` and `--no-redact`, the same for every command that writes data. */
export const REDACT_OPTIONS: Record<string, OptionSpec> = {
  redact: { type: 'string', multiple: true, value: 'PATTERN', description: 'Also mask params/tags whose key matches the glob (e.g. "*_url"); or a rule name (secrets, emails, hosts, paths) to keep with --no-redact. Repeatable.' },
  'no-redact': { type: 'boolean', description: 'Turn off the default masking of secrets, credentials in URIs, e-mail addresses, host names and home folders.' },
};

export const buildSpec: CommandSpec = {
  name: 'build',
  summary: 'Build the static site: experiment, run, comparison and model pages, and the reports in --content.',
  options: {
    store: STORE_OPTION,
    content: { type: 'string', value: 'DIR', description: 'Folder with reports/*.md (Markdown with front matter).' },
    out: { type: 'string', short: 'o', value: 'DIR', description: 'Output folder, replaced in one step when the build succeeds (default: dist).' },
    base: { type: 'string', value: '/SUB/PATH/', description: 'Serve the site under a sub-path (GitHub Pages: /<repo>/).' },
    site: { type: 'string', value: 'URL', description: "The site's public URL (canonical links)." },
    title: { type: 'string', value: 'TEXT', description: 'Project title shown in the header (default: Runfolio).' },
    metric: { type: 'string', value: 'KEY', description: 'The metric experiment pages rank by, where runs logged it (default: the experiment tag runfolio.metrics, else the most telling metric; see README).' },
    compare: { type: 'string', multiple: true, value: 'RUN,RUN', description: 'Also publish a static comparison page of these runs. Repeatable.' },
    archive: { type: 'boolean', description: 'Build an archive that works from disk (file://) without JavaScript, with the Snapshot and a SHA-256 manifest.' },
    drafts: { type: 'boolean', description: 'Also publish the reports whose front matter says draft: true.' },
    'artifacts-budget': { type: 'string', value: 'FILE[,RUN[,SITE]]', description: `Copy artifacts up to these sizes (per file, per run, per site; default ${describeBudget(DEFAULT_ARTIFACTS_BUDGET)}); 0 lists them without copying.` },
    ...REDACT_OPTIONS,
  },
  notes: 'A RUN is a run id, a unique prefix, EXPERIMENT/RUN_NAME, models:/NAME/VERSION or models:/NAME@ALIAS.\nSecrets, credentials in URIs, e-mail addresses, host names and home folders are masked unless --no-redact.',
};


export const inspectSpec: CommandSpec = {
  name: 'inspect',
  summary: 'Summarize a store: experiments, runs by status, metrics, params, registered models, what was skipped and what was not published.',
  options: {
    store: STORE_OPTION,
    json: { type: 'boolean', description: 'Print the summary as JSON.' },
    ...REDACT_OPTIONS,
  },
};


export const rankSpec: CommandSpec = {
  name: 'rank',
  summary: 'Rank runs by a metric or an MLflow order_by, optionally filtered, per experiment or group; as a table or JSON.',
  options: {
    store: STORE_OPTION,
    experiment: { type: 'string', multiple: true, value: 'NAME|ID', description: 'Only runs of this experiment (name or id). Repeatable; default all.' },
    filter: { type: 'string', value: 'EXPR', description: "MLflow filter_string, e.g. \"metrics.acc > 0.9 AND params.model = 'cnn'\"." },
    'order-by': { type: 'string', multiple: true, value: 'EXPR', description: 'MLflow order_by clause, e.g. "metrics.acc DESC". Repeatable; sorts instead of --metric.' },
    metric: { type: 'string', value: 'KEY', description: 'Rank by the latest value of this metric.' },
    direction: { type: 'string', value: 'asc|desc', description: 'asc: lower is better; desc: higher is better. Default: guessed from the metric name (loss, error… are asc).' },
    'group-by': { type: 'string', value: 'KEY', description: 'Best run per group: params.NAME, tags.NAME, experiment or parent.' },
    top: { type: 'string', value: 'K', description: 'Show the first K runs (or groups).' },
    json: { type: 'boolean', description: 'Print {"runs":[{id, name, experimentId, rank, metrics, params}]} as JSON.' },
    ...REDACT_OPTIONS,
  },
  notes: 'Deleted runs are left out. Exit 2 on an unknown experiment or an invalid --filter/--order-by.',
};


export const exportSpec: CommandSpec = {
  name: 'export',
  summary: 'Write the Snapshot (experiments, runs with full metric histories, models, warnings) as JSON. It reads back with --store FILE.json.',
  options: {
    store: STORE_OPTION,
    out: { type: 'string', short: 'o', value: 'FILE', description: 'Write to FILE instead of standard output.' },
    ...REDACT_OPTIONS,
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

export const compareSpec: CommandSpec = {
  name: 'compare',
  summary: 'Compare candidate runs with a baseline: Markdown for a pull request, a static comparison site, and gates that fail the check.',
  positionals: 'RUN...',
  options: {
    store: { type: 'string', multiple: true, value: '[LABEL=]PATH', description: 'mlruns/ folder, mlflow.db (or sqlite:/// URI), JSON export, or TensorBoard log folder. Repeatable; LABEL= names the store for LABEL:RUN.' },
    baseline: { type: 'string', value: 'RUN', description: 'The run to compare with (default: the first RUN).' },
    metric: { type: 'string', multiple: true, value: 'KEY|GLOB', description: 'Compare these metrics (default: those both runs logged). Repeatable.' },
    markdown: { type: 'string', value: 'FILE', description: 'Write the Markdown summary to FILE ("-": standard output).' },
    out: { type: 'string', short: 'o', value: 'DIR', description: 'Write the comparison site to DIR (replaced in one step when it is done).' },
    site: { type: 'string', value: 'URL', description: 'Where the comparison can be seen (the served --out site, or the CI run holding it); the Markdown links to it.' },
    base: { type: 'string', value: '/SUB/PATH/', description: 'Path of the --out site under --site (the site itself uses relative links and works anywhere).' },
    title: { type: 'string', value: 'TEXT', description: 'Title of the comparison site (default: Runfolio compare).' },
    content: { type: 'string', value: 'DIR', description: 'Folder with reports/*.md: the --out site holds those whose every run it publishes, with the full stores\' numbers.' },
    drafts: { type: 'boolean', description: 'With --content: also the reports whose front matter says draft: true.' },
    'fail-on': { type: 'string', multiple: true, value: 'EXPR', description: 'Exit 1 when this condition holds, e.g. "metrics.val_loss > baseline * 1.02". Repeatable.' },
    'warn-on': { type: 'string', multiple: true, value: 'EXPR', description: 'Print a warning when this condition holds. Repeatable.' },
    ...REDACT_OPTIONS,
  },
  notes: [
    'RUN: a run id, a unique prefix, EXPERIMENT/RUN_NAME, models:/NAME/VERSION, models:/NAME@ALIAS,',
    'best:EXPERIMENT (by its primary metric), best:EXPERIMENT?metric=KEY[&direction=asc|desc];',
    'LABEL:RUN resolves RUN in the store given as --store LABEL=PATH.',
    'EXPR: metrics.KEY|GLOB  < <= > >= = !=  NUMBER | baseline [+|- NUMBER[%] | * NUMBER]  [IF PRESENT].',
    'A metric missing on a side the condition needs fails it unless IF PRESENT. Exit 0 passed, 1 a --fail-on held, 2 usage, 3 unreadable input.',
  ].join('\n'),
};

export const verifySpec: CommandSpec = {
  name: 'verify',
  summary: 'Check an archive (build --archive, compare --out) against its MANIFEST.sha256: every listed file present with its hash, no unlisted file.',
  positionals: 'DIR',
  options: {},
  notes: 'Exit 0 when the archive is as built, 1 naming each missing, changed or unlisted file, 3 when DIR is not an archive.',
};
