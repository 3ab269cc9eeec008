/**
 * Everything one run's event files say, gathered event by event: scalar points per tag in
 * logging order (every point kept: repeated and backward steps too, as MLflow keeps them), the
 * first hparams session start and end (TensorBoard reads only a tag's first metadata), the HF
 * `args` text, the wall-time range, and a count of everything else (hparams, histograms, images,
 * graphs…) by kind and tag, for `runfolio inspect`.
 */
import { GrowingColumns } from './columns.ts';
import { HParamsPluginDataType, int64, type EventMessage, type HParamsPluginDataMessage, type SummaryValueMessage } from './proto.ts';
import { PLUGIN, pluginContent, pluginOf, scalarOf, textOf } from './values.ts';

/** Text tags whose JSON is read as params: HF Trainer's `add_text("args", …)` (PyTorch appends `/text_summary`). */
const ARGS_TAGS = new Set(['args', 'args/text_summary']);

/** SessionLog.SessionStatus names (event.proto). */
const SESSION_STATUS = ['STATUS_UNSPECIFIED', 'START', 'STOP', 'CHECKPOINT'];

export interface TagProblem {
  tag: string;
  count: number;
  message: string;
}

export class RunLog {
  readonly scalars = new Map<string, GrowingColumns>();
  /** Values other than scalar points: kind (plugin, or the event field for graphs and logs) → tag → count. */
  readonly others = new Map<string, Map<string, number>>();
  /** Tags of `others` that were read after all: the hparams session start and HF args (params), the session end (status). */
  readonly readAs = new Map<string, 'params' | 'status'>();
  sessionStart: HParamsPluginDataMessage['session_start_info'];
  sessionEnd: HParamsPluginDataMessage['session_end_info'];
  argsText: string | undefined;
  firstWallTime = Infinity;
  lastWallTime = -Infinity;
  events = 0;
  /** Values a tag's plugin cannot read (a scalar tag's non-scalar value, hparams content that does not decode). */
  readonly problems = new Map<string, TagProblem>();
  /** Each tag's plugin, fixed by its first value, and the points of a scalar tag. */
  private readonly series = new Map<string, { plugin: string; columns?: GrowingColumns }>();

  add(event: EventMessage): void {
    this.events += 1;
    const wall = event.wall_time;
    if (wall < this.firstWallTime) this.firstWallTime = wall;
    if (wall > this.lastWallTime) this.lastWallTime = wall;
    const what = event.what;
    if (what === 'summary' && event.summary) {
      const step = int64(event.step);
      const timestamp = Math.round(wall * 1000);
      for (const value of event.summary.value) this.addValue(value, step, timestamp);
      return;
    }
    if (what === 'session_log') this.count(what, SESSION_STATUS[event.session_log?.status ?? 0] ?? 'STATUS_UNSPECIFIED');
    else if (what && what !== 'file_version') this.count(what, '');
  }

  private addValue(value: SummaryValueMessage, step: number, timestamp: number): void {
    const tag = value.tag;
    let series = this.series.get(tag);
    if (series === undefined) {
      const plugin = pluginOf(value);
      series = { plugin, ...(plugin === PLUGIN.scalars ? { columns: new GrowingColumns() } : {}) };
      this.series.set(tag, series);
      if (series.columns) this.scalars.set(tag, series.columns);
    }
    const { plugin, columns } = series;
    if (columns) {
      const number = scalarOf(value);
      if (number === undefined) return this.problem(tag, 'not scalars (simple_value or a rank-0 float/double tensor)');
      columns.push(step, timestamp, number);
    } else {
      this.count(plugin || value.value || 'empty', tag);
      if (plugin === PLUGIN.hparams) this.readHparams(value);
      else if (plugin === PLUGIN.text && ARGS_TAGS.has(tag) && this.argsText === undefined) this.readArgs(value);
    }
  }

  private readHparams(value: SummaryValueMessage): void {
    if (this.sessionStart && this.sessionEnd) return;
    const content = pluginContent(value.metadata, PLUGIN.hparams);
    if (!content) return;
    let data: HParamsPluginDataMessage;
    try {
      data = HParamsPluginDataType.decode(content) as unknown as HParamsPluginDataMessage;
    } catch {
      return this.problem(value.tag, 'hparams plugin data that does not decode');
    }
    if (data.data === 'session_start_info' && !this.sessionStart && data.session_start_info) {
      this.sessionStart = data.session_start_info;
      this.readAs.set(value.tag, 'params');
    } else if (data.data === 'session_end_info' && !this.sessionEnd && data.session_end_info) {
      this.sessionEnd = data.session_end_info;
      this.readAs.set(value.tag, 'status');
    }
  }

  private readArgs(value: SummaryValueMessage): void {
    const text = textOf(value);
    if (text === undefined) return;
    this.argsText = text;
    this.readAs.set(value.tag, 'params');
  }

  private count(kind: string, tag: string): void {
    let tags = this.others.get(kind);
    if (!tags) this.others.set(kind, (tags = new Map()));
    tags.set(tag, (tags.get(tag) ?? 0) + 1);
  }

  private problem(tag: string, message: string): void {
    const key = `${tag}\0${message}`;
    const seen = this.problems.get(key);
    if (seen) seen.count += 1;
    else this.problems.set(key, { tag, count: 1, message });
  }
}
