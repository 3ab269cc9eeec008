/** `runfolio inspect`: what is in a store, readable or as JSON. */
import { summarizeSnapshot, type SnapshotSummary } from '../../lib/analyze/summary.ts';
import type { Snapshot } from '../../lib/model.ts';
import type { ReadCounts, UnpublishedCount } from '../../lib/read/index.ts';
import { commandHelp, parseCommand, stringList } from '../args.ts';
import { inspectSpec } from '../specs.ts';
import type { CliIO } from '../io.ts';
import { readRedacted, redactionsOf } from '../read.ts';
import { readCountLines } from './read-counts.ts';
import { sortUnpublished, unpublishedLines } from './unpublished.ts';

export async function inspectCommand(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseCommand(inspectSpec, argv);
  if (values.help) return io.stdout(commandHelp(inspectSpec)), 0;
  const stores = stringList(inspectSpec, values, 'store', true);
  const counts: UnpublishedCount[] = [];
  const read: ReadCounts[] = [];
  const { snapshot } = await readRedacted(stores, redactionsOf(inspectSpec, values), io, { onUnpublished: (count) => counts.push(count), onRead: (r) => read.push(r) });
  const summary = summarizeSnapshot(snapshot);
  const unpublished = sortUnpublished(counts);
  if (values.json) io.stdout(`${JSON.stringify({ stores, ...summary, read, unpublished, warnings: snapshot.warnings }, null, 2)}\n`);
  else io.stdout(formatSummary(stores, summary, snapshot, unpublished, read));
  return 0;
}

function formatSummary(stores: string[], summary: SnapshotSummary, snapshot: Snapshot, unpublished: UnpublishedCount[], read: ReadCounts[]): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const of = (x: number, word: string) => `${n(x)} ${word}${x === 1 ? '' : 's'}`;
  const lines: string[] = [`Store${stores.length > 1 ? 's' : ''}: ${stores.join(', ')}`, ''];
  const active = summary.experiments.filter((e) => e.lifecycleStage === 'active').length;
  lines.push(`Experiments  ${n(summary.experiments.length)} (${n(active)} active, ${n(summary.experiments.length - active)} deleted)`);
  const idWidth = Math.max(2, ...summary.experiments.map((e) => e.id.length));
  for (const e of summary.experiments) {
    const deleted = e.lifecycleStage === 'deleted' ? ' [deleted]' : '';
    const extra = e.deletedRuns ? `, ${n(e.deletedRuns)} deleted` : '';
    lines.push(`  ${e.id.padStart(idWidth)}  ${e.name}${deleted}  (${of(e.runs, 'run')}${extra})`);
  }
  const statuses = Object.entries(summary.runs.byStatus)
    .filter(([, count]) => count > 0)
    .map(([status, count]) => `${n(count)} ${status}`)
    .join(', ');
  lines.push(
    `Runs         ${n(summary.runs.total)}${statuses ? ` (${statuses})` : ''}; ${n(summary.runs.deleted)} deleted, ${n(summary.runs.nested)} nested`,
    `Metrics      ${of(summary.metrics.keys, 'key')}, ${n(summary.metrics.series)} series, ${of(summary.metrics.points, 'point')} (longest history ${n(summary.metrics.longestHistory)})`,
    `Params       ${of(summary.params.keys, 'key')}, ${of(summary.params.values, 'value')}`,
    `Models       ${n(summary.models.length)} registered`,
  );
  for (const m of summary.models) {
    const aliases = Object.entries(m.aliases).map(([alias, version]) => `@${alias}→v${version}`);
    const stages = Object.entries(m.stages).filter(([stage]) => stage !== 'None').map(([stage, version]) => `${stage}: v${version}`);
    const extra = [...stages, ...aliases].join(', ');
    lines.push(`  ${m.name}  (${of(m.versions, 'version')}${extra ? `; ${extra}` : ''})`);
  }
  lines.push(...readCountLines(read));
  lines.push(...unpublishedLines(unpublished));
  lines.push(`Warnings     ${n(summary.warnings)}`);
  const shown = snapshot.warnings.slice(0, 20);
  for (const w of shown) lines.push(`  ${w.path}: ${w.message}`);
  if (snapshot.warnings.length > shown.length) lines.push(`  … ${n(snapshot.warnings.length - shown.length)} more (see --json)`);
  return `${lines.join('\n')}\n`;
}
