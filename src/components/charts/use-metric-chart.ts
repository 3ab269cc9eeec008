/**
 * The metric chart island's loading: data files and spec map once per set of URLs, the spec of
 * the current variant (theme × x axis × scale), and the rows of the current options; drawing is
 * use-chart-view.ts's.
 */
import { useEffect, useMemo, useState, type RefObject } from 'react';
import { legendParams } from '../../lib/charts/line-spec.ts';
import type { RuntimeSpec } from '../../lib/charts/runtime.ts';
import type { DecodedSeriesFile } from '../../lib/charts/series-file.ts';
import type { ChartRows } from '../../lib/charts/series.ts';
import type { Theme } from '../../lib/charts/theme.ts';
import { loadSeriesFiles, loadSpec, loadSpecSource, metricChartRows, type ChartOptions, type SpecSource } from './metric-chart-data.ts';
import { useChartView } from './use-chart-view.ts';

export interface ChartInputs {
  urls: readonly string[];
  metric: string;
  specs: SpecSource | string;
  runNames?: Readonly<Record<string, string>>;
  totalPoints?: number;
  theme: Theme;
  options: ChartOptions;
}

export interface ChartState {
  element: RefObject<HTMLDivElement | null>;
  rows?: ChartRows;
  error?: string;
  /** The x the pointer is nearest to, while hovering. */
  hoverX?: number;
}

export function useMetricChart(inputs: ChartInputs): ChartState {
  const { urls, metric, specs, runNames, totalPoints, theme, options } = inputs;
  const [loaded, setLoaded] = useState<{ files: DecodedSeriesFile[]; source: SpecSource }>();
  const [spec, setSpec] = useState<RuntimeSpec>();
  const [error, setError] = useState<string>();
  const fail = (e: unknown) => setError(e instanceof Error ? e.message : String(e));
  const urlKey = urls.join('\n');

  useEffect(() => {
    let live = true;
    Promise.all([loadSeriesFiles(urls), loadSpecSource(specs)])
      .then(([files, source]) => live && setLoaded({ files, source }))
      .catch((e: unknown) => live && fail(e));
    return () => {
      live = false;
    };
    // Props of a static page: `urls` and `specs` only change together with `urlKey`.
  }, [urlKey]);

  useEffect(() => {
    if (!loaded) return;
    let live = true;
    loadSpec(loaded.source, theme, options)
      .then((next) => live && setSpec(next))
      .catch((e: unknown) => live && fail(e));
    return () => {
      live = false;
    };
  }, [loaded, theme, options.x, options.log]);

  const rows = useMemo(() => {
    if (!loaded) return undefined;
    return metricChartRows(loaded.files, metric, { smoothing: options.smoothing, ...(runNames ? { runNames } : {}), ...(totalPoints ? { totalPoints } : {}) });
  }, [loaded, metric, options.smoothing, runNames, totalPoints]);
  const data = useMemo(() => (rows ? { series: rows.rows, markers: rows.markers, bands: [] } : undefined), [rows]);
  const legend = useMemo(() => (rows ? legendParams(rows.rows) : undefined), [rows]);
  const chart = useChartView({ spec, data, legend, hoverAxis: options.x });
  const shownError = error ?? chart.error;
  return { element: chart.element, ...(rows ? { rows } : {}), ...(shownError !== undefined ? { error: shownError } : {}), ...(chart.hoverX !== undefined ? { hoverX: chart.hoverX } : {}) };
}
