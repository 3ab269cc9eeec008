/**
 * The experiment page's chart panels (a React island, `client:idle`), like MLflow's chart
 * view: a chart per chosen metric (by default the primary metric and its train/val/test
 * siblings: views/experiment-view.ts), sharing one x axis, scale, smoothing and outlier choice,
 * and one legend. They draw what the runs table shows: its ticked runs, else its first rows
 * after filtering, or its groups as mean and band (panel-runs.ts, through runs-view-event.ts);
 * until the table speaks, the leaderboard's best runs. The choices live in the address
 * (panel-state.ts). Pointing at a legend entry, or at a run's row in any table of the page,
 * highlights that run in every chart. Without JavaScript, and until the reader scrolls near them
 * (so data files and the Vega runtime load only then), the page's static SVGs, passed as
 * children, stand in.
 */
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { withBase } from '../../lib/site/paths.ts';
import { routes } from '../../lib/site/routes.ts';
import { usePreferredTheme } from '../charts/use-preferred-theme.ts';
import { useRunFiles } from '../charts/use-run-files.ts';
import { useVisible } from '../compare/use-visible.ts';
import { onRunsView, requestRunsView, type RunsViewDetail } from '../page/runs-view-event.ts';
import { replaceParams } from '../page/url-state.ts';
import styles from './ChartPanels.module.css';
import PanelChart from './PanelChart.tsx';
import PanelControls from './PanelControls.tsx';
import PanelLegend from './PanelLegend.tsx';
import { legendEntries, type LegendEntry } from './panel-data.ts';
import { describeRuns, panelRuns, runsToLoad } from './panel-runs.ts';
import { choiceParams, readChoices, type PanelChoices } from './panel-state.ts';

export interface ChartPanelsProps {
  /** The site's base path (`import.meta.env.BASE_URL`). */
  base: string;
  experimentId: string;
  /** Every metric of the experiment in relevance order; `history` when some run logged it more than once. */
  metrics: { key: string; history: boolean }[];
  /** Metrics charted by default. */
  defaults: string[];
  /** Run ids drawn until the table announces its view (the best first). */
  runs: string[];
  primaryMetric?: string;
  /** The static charts, shown before hydration and without JavaScript. */
  children?: ReactNode;
}

export default function ChartPanels(props: ChartPanelsProps) {
  const { base, experimentId, metrics, defaults } = props;
  const theme = usePreferredTheme();
  const box = useRef<HTMLDivElement>(null);
  const visible = useVisible(box);
  const [choices, setChoices] = useState<PanelChoices>();
  const [view, setView] = useState<RunsViewDetail>();
  const [legendHover, setLegendHover] = useState('');
  const runs = useMemo(() => panelRuns(view, props.runs), [view, props.runs]);
  const ids = useMemo(() => runsToLoad(runs), [runs]);
  const loaded = useRunFiles(visible ? ids : [], base);
  const entries = useMemo(() => legendEntries(runs, loaded.files), [runs, loaded.files]);
  const rowHover = useRowHover(entries, base);
  const history = useMemo(() => new Map(metrics.map((m) => [m.key, m.history])), [metrics]);

  // The address is read after hydration: the server-rendered HTML has none.
  useEffect(() => setChoices(readChoices(location.search, metrics.map((m) => m.key), defaults)), []);
  useEffect(() => {
    if (choices) replaceParams(choiceParams(choices, defaults));
  }, [choices]);
  useEffect(() => {
    const stop = onRunsView((detail) => detail.experimentId === experimentId && setView(detail));
    requestRunsView();
    return stop;
  }, [experimentId]);

  // The same box before and after: it is what the visibility observer watches.
  if (!choices || !visible) return <div ref={box} className={styles.panels}>{props.children}</div>;
  const change = (patch: Partial<PanelChoices>) => setChoices((current) => ({ ...current!, ...patch }));
  const highlight = legendHover || rowHover;
  return (
    <div ref={box} className={styles.panels} data-chart-panels="">
      <PanelControls metrics={metrics} choices={choices} grouped={runs.kind === 'groups'} onChange={change} />
      <p className={styles.note} aria-live="polite">
        {describeRuns(runs, props.primaryMetric)}
        {loaded.complete ? '' : ' Loading…'}
      </p>
      {loaded.failures.length > 0 ? (
        <p role="alert" className={styles.error}>
          {loaded.failures.length === 1 ? 'One run' : `${loaded.failures.length} runs`} could not be drawn: {loaded.failures.join('; ')}
        </p>
      ) : null}
      <PanelLegend base={base} entries={entries} theme={theme} onHighlight={setLegendHover} />
      {choices.charts.length === 0 ? <p className={styles.note}>No metric chosen: pick some under “Metrics charted”.</p> : null}
      <div className={styles.grid}>
        {choices.charts.map((metric) => (
          <PanelChart
            key={metric}
            base={base}
            metric={metric}
            history={history.get(metric) ?? true}
            entries={entries}
            files={loaded.files}
            choices={choices}
            theme={theme}
            highlight={highlight}
            onRemove={(key) => change({ charts: choices.charts.filter((k) => k !== key) })}
          />
        ))}
      </div>
    </div>
  );
}

/**
 * The label of the drawn run whose row the pointer is over, in any table of the page (runs
 * table, leaderboard, sweeps): rows are recognised by their link to the run's page.
 */
function useRowHover(entries: readonly LegendEntry[], base: string): string {
  const [hovered, setHovered] = useState('');
  useEffect(() => {
    const byUrl = new Map(entries.flatMap((e) => (e.runId === undefined ? [] : [[withBase(routes.run(e.runId), base), e.label] as const])));
    if (byUrl.size === 0) return undefined;
    const over = (event: Event) => {
      const row = event.target instanceof Element ? event.target.closest('tr') : null;
      const link = row?.querySelector('a[href]');
      setHovered((link && byUrl.get(new URL(link.getAttribute('href')!, location.href).pathname)) ?? '');
    };
    document.addEventListener('pointerover', over);
    return () => document.removeEventListener('pointerover', over);
  }, [entries, base]);
  return hovered;
}
