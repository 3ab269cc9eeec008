/**
 * The metric chart island's effects: load (runtime chunk, data files, spec map) once per set of
 * URLs; mount a Vega view for the current variant (theme × x axis × scale); swap only the data
 * when the smoothing changes, so dragging the slider does not rebuild the chart.
 */
import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { View } from 'vega';
import { HOVER_PARAM } from '../../lib/charts/line-hover.ts';
import type { DecodedSeriesFile } from '../../lib/charts/series-file.ts';
import type { ChartRows } from '../../lib/charts/series.ts';
import type { Theme } from '../../lib/charts/theme.ts';
import { hoveredX, loadSeriesFiles, loadSpec, loadSpecSource, metricChartRows, type ChartOptions, type SpecSource } from './metric-chart-data.ts';

type Runtime = typeof import('../../lib/charts/runtime.ts');

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

interface Loaded {
  runtime: Runtime;
  files: DecodedSeriesFile[];
  source: SpecSource;
}

export function useMetricChart(inputs: ChartInputs): ChartState {
  const { urls, metric, specs, runNames, totalPoints, theme, options } = inputs;
  const element = useRef<HTMLDivElement>(null);
  const view = useRef<View | undefined>(undefined);
  const [loaded, setLoaded] = useState<Loaded>();
  const [error, setError] = useState<string>();
  const [hoverX, setHoverX] = useState<number>();
  const fail = (e: unknown) => setError(e instanceof Error ? e.message : String(e));
  const urlKey = urls.join('\n');

  useEffect(() => {
    let live = true;
    Promise.all([import('../../lib/charts/runtime.ts'), loadSeriesFiles(urls), loadSpecSource(specs)])
      .then(([runtime, files, source]) => live && setLoaded({ runtime, files, source }))
      .catch((e: unknown) => live && fail(e));
    return () => {
      live = false;
    };
    // Props of a static page: `urls` and `specs` only change together with `urlKey`.
  }, [urlKey]);

  const rows = useMemo(() => {
    if (!loaded) return undefined;
    const { smoothing } = options;
    return metricChartRows(loaded.files, metric, { smoothing, ...(runNames ? { runNames } : {}), ...(totalPoints ? { totalPoints } : {}) });
  }, [loaded, metric, options.smoothing, runNames, totalPoints]);
  const rowsRef = useRef(rows);
  rowsRef.current = rows;

  useEffect(() => {
    if (!loaded || !element.current) return;
    let live = true;
    const target = element.current;
    (async () => {
      const spec = await loadSpec(loaded.source, theme, options);
      const data = rowsRef.current!;
      if (!live) return;
      const mounted = await loaded.runtime.mountChart(target, spec, { data: { series: data.rows, markers: data.markers }, background: null });
      if (!live) {
        mounted.finalize();
        return;
      }
      mounted.addSignalListener(HOVER_PARAM, (_name: string, value: unknown) => setHoverX(hoveredX(value, options.x)));
      view.current = mounted;
      // The smoothing may have moved while the chart was being drawn.
      const latest = rowsRef.current!;
      if (latest !== data) await mounted.data('series', latest.rows).data('markers', latest.markers).runAsync();
      setError(undefined);
    })().catch((e: unknown) => live && fail(e));
    return () => {
      live = false;
      view.current?.finalize();
      view.current = undefined;
      setHoverX(undefined);
    };
    // Not on `rows`: a new smoothing only swaps the data (next effect), without remounting.
  }, [loaded, theme, options.x, options.log]);

  useEffect(() => {
    const current = view.current;
    if (!current || !rows) return;
    current.data('series', rows.rows).data('markers', rows.markers).runAsync().catch(fail);
  }, [rows]);

  return { element, ...(rows ? { rows } : {}), ...(error !== undefined ? { error } : {}), ...(hoverX !== undefined ? { hoverX } : {}) };
}
