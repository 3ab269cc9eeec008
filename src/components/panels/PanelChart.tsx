/**
 * One chart panel: a metric's history as lines (runs, or groups as mean and band) on the shared
 * x axis, or, for a metric logged once per run, as bars. The compiled spec of the variant it
 * needs is fetched once per page (metric-chart-data.ts cache); the data is swapped in place
 * (use-chart-view.ts), so smoothing or a new set of runs does not rebuild the chart.
 */
import { useEffect, useMemo, useState } from 'react';
import { inferDirection } from '../../lib/analyze/direction.ts';
import { barsHeight } from '../../lib/charts/bar-spec.ts';
import type { RuntimeSpec } from '../../lib/charts/runtime.ts';
import type { DecodedSeriesFile } from '../../lib/charts/series-file.ts';
import type { Theme } from '../../lib/charts/theme.ts';
import { withBase } from '../../lib/site/paths.ts';
import { dataFiles, lineSpecUrls } from '../../lib/site/routes.ts';
import { fetchJson, loadSpec } from '../charts/metric-chart-data.ts';
import { useChartView } from '../charts/use-chart-view.ts';
import { barData, lineData, yAxis, type LegendEntry } from './panel-data.ts';
import type { PanelChoices } from './panel-state.ts';
import styles from './ChartPanels.module.css';

export interface PanelChartProps {
  base: string;
  metric: string;
  /** Some run logged it more than once: lines; else bars. */
  history: boolean;
  entries: readonly LegendEntry[];
  files: readonly DecodedSeriesFile[];
  choices: PanelChoices;
  theme: Theme;
  highlight: string;
  onRemove: (metric: string) => void;
}

export default function PanelChart(props: PanelChartProps) {
  const { base, metric, history, entries, files, choices, theme } = props;
  const line = useMemo(() => (history ? lineData(entries, files, metric, { smoothing: choices.smooth, band: choices.band }) : undefined), [history, entries, files, metric, choices.smooth, choices.band]);
  const bars = useMemo(() => (history ? undefined : barData(entries, files, metric, inferDirection(metric))), [history, entries, files, metric]);
  const axis = useMemo(() => (line ? yAxis([...line.series.map((r) => r.value), ...line.bands.flatMap((b) => [b.lo, b.hi])], choices.log, choices.range) : undefined), [line, choices.log, choices.range]);
  const spec = usePanelSpec(base, theme, history, choices.x, axis?.log ?? false);
  const data = useMemo((): Record<string, readonly object[]> | undefined => (line ? { series: line.series, markers: line.markers, bands: line.bands } : bars ? { bars } : undefined), [line, bars]);
  const chart = useChartView({
    spec: spec.spec,
    data,
    highlight: props.highlight,
    yDomain: axis?.domain,
    ...(bars ? { height: barsHeight(bars.length) } : { hoverAxis: choices.x }),
  });
  const empty = line ? line.series.length === 0 && line.markers.length === 0 : bars?.length === 0;
  const error = spec.error ?? chart.error;
  return (
    <section className={styles.panel} aria-label={`Chart of ${metric}`}>
      <header className={styles.panelHeader}>
        <h3>
          <code>{metric}</code>
          {!history ? <span className={styles.note}> logged once per run</span> : <span className={styles.note}>{axisNote(axis, choices)}</span>}
        </h3>
        <button type="button" className={styles.remove} aria-label={`Remove the chart of ${metric}`} onClick={() => props.onRemove(metric)}>
          ×
        </button>
      </header>
      {error !== undefined ? (
        <p role="alert" className={styles.error}>
          Chart unavailable: {error}
        </p>
      ) : null}
      {empty ? <p className={styles.note}>None of these runs logged {metric}.</p> : null}
      <div ref={chart.element} className={styles.plot} />
    </section>
  );
}

/** What the title says of an axis the reader did not choose outright: an automatic log scale, a range cut. */
function axisNote(axis: { log: boolean; domain?: [number, number] } | undefined, choices: PanelChoices): string {
  const notes = [axis?.log && choices.log === 'auto' ? 'log scale' : '', axis?.domain ? (choices.range === 'spikes' ? 'spikes cut' : 'outliers cut') : ''].filter(Boolean);
  return notes.length > 0 ? ` ${notes.join(', ')}` : '';
}

/** The compiled spec a panel draws with: a line chart variant (theme × x × scale), or the theme's bar chart. */
function usePanelSpec(base: string, theme: Theme, history: boolean, x: PanelChoices['x'], log: boolean): { spec?: RuntimeSpec; error?: string } {
  const [state, setState] = useState<{ spec?: RuntimeSpec; error?: string }>({});
  useEffect(() => {
    let live = true;
    const loading = history ? loadSpec(lineSpecUrls(base), theme, { x, log, smoothing: 0 }) : (fetchJson(withBase(dataFiles.barSpec(theme), base)) as Promise<RuntimeSpec>);
    loading.then(
      (spec) => live && setState({ spec }),
      (e: unknown) => live && setState({ error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [base, theme, history, x, log]);
  return state;
}
