/**
 * A Vega view in a React component, for every chart island (run page, compare page, experiment
 * panels): imports the runtime chunk on first use, mounts a view when the runtime spec changes,
 * swaps only the datasets when the data changes (dragging the smoothing slider does not rebuild
 * the chart), and sets the specs' run-time parameters (line-spec.ts: `highlight`, `ydomain`, the
 * legend's entries; every line and bar spec declares them all).
 * Hovering a run in the chart's own legend highlights it, as an outside `highlight` does.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { View } from 'vega';
import { HOVER_PARAM } from '../../lib/charts/line-hover.ts';
import type { XAxis } from '../../lib/charts/line-spec.ts';
import type { RuntimeSpec } from '../../lib/charts/runtime.ts';
import { HIGHLIGHT_PARAM, LEGEND_LABELS_PARAM, LEGEND_STYLES_PARAM, Y_DOMAIN_PARAM } from '../../lib/charts/spec-frame.ts';
import { hoveredX } from './metric-chart-data.ts';

type Runtime = typeof import('../../lib/charts/runtime.ts');

export interface ChartViewInputs {
  /** The runtime spec, or undefined until it is known. */
  spec: RuntimeSpec | undefined;
  /** The spec's datasets by name, or undefined until they are known. */
  data: Readonly<Record<string, readonly object[]>> | undefined;
  /** The label of a run to highlight (the others fade). */
  highlight?: string | undefined;
  /** A fixed y range (clipping what leaves it); undefined lets the data decide. */
  yDomain?: readonly [number, number] | undefined;
  /** What the chart's own legend lists (line-spec.ts `legendParams`); none without. */
  legend?: { styles: number[]; labels: Record<string, string> } | undefined;
  /** The plot's height in pixels, when it follows the data (bar charts: bar-spec.ts `barsHeight`). */
  height?: number | undefined;
  /** Report the hovered x of a line chart's hover selection on this axis. */
  hoverAxis?: XAxis;
}

export interface ChartView {
  element: RefObject<HTMLDivElement | null>;
  error?: string;
  /** The x the pointer is nearest to, while hovering a line chart. */
  hoverX?: number;
}

let runtime: Promise<Runtime> | undefined;

export function useChartView({ spec, data, highlight, yDomain, legend, height, hoverAxis }: ChartViewInputs): ChartView {
  const element = useRef<HTMLDivElement>(null);
  const view = useRef<View | undefined>(undefined);
  const [mounted, setMounted] = useState<View>();
  const [error, setError] = useState<string>();
  const [hoverX, setHoverX] = useState<number>();
  const [legendRun, setLegendRun] = useState('');
  const latest = useRef({ data, legend });
  latest.current = { data, legend };
  const fail = (e: unknown) => setError(e instanceof Error ? e.message : String(e));
  const ready = spec !== undefined && data !== undefined;

  useEffect(() => {
    if (!ready || !element.current) return undefined;
    let live = true;
    const target = element.current;
    (async () => {
      runtime ??= import('../../lib/charts/runtime.ts');
      const { mountChart } = await runtime;
      if (!live) return;
      const drawn = latest.current.data!;
      const made = await mountChart(target, spec, { data: drawn, background: null });
      if (!live) {
        made.finalize();
        return;
      }
      if (hoverAxis) made.addSignalListener(HOVER_PARAM, (_name: string, value: unknown) => setHoverX(hoveredX(value, hoverAxis)));
      made.addEventListener('pointerover', (_event, item) => setLegendRun(legendLabel(item, latest.current.legend?.labels ?? {})));
      made.addEventListener('pointerout', () => setLegendRun(''));
      view.current = made;
      setMounted(made);
      setError(undefined);
    })().catch((e: unknown) => live && fail(e));
    return () => {
      live = false;
      view.current?.finalize();
      view.current = undefined;
      setMounted(undefined);
      setHoverX(undefined);
    };
    // Not on `data`: new data only swaps the datasets (next effect), without remounting.
  }, [ready, spec, hoverAxis]);

  useEffect(() => {
    if (!mounted || !data) return;
    for (const [name, rows] of Object.entries(data)) mounted.data(name, rows as object[]);
    mounted.signal(LEGEND_STYLES_PARAM, legend?.styles ?? []).signal(LEGEND_LABELS_PARAM, legend?.labels ?? {});
    if (height !== undefined) mounted.height(height);
    mounted.runAsync().catch(fail);
  }, [mounted, data, legend, height]);

  const shown = highlight || legendRun;
  const domainKey = yDomain ? `${yDomain[0]} ${yDomain[1]}` : '';
  useEffect(() => {
    if (!mounted) return;
    // Every line and bar spec declares both parameters (spec-frame.ts).
    mounted.signal(HIGHLIGHT_PARAM, shown).signal(Y_DOMAIN_PARAM, yDomain ? [...yDomain] : null);
    mounted.runAsync().catch(fail);
  }, [mounted, shown, domainKey]);

  return { element, ...(error !== undefined ? { error } : {}), ...(hoverX !== undefined ? { hoverX } : {}) };
}

/** The run label of the legend entry under the pointer (its value is a style index), or ''. */
function legendLabel(item: unknown, labels: Readonly<Record<string, string>>): string {
  const it = item as { mark?: { role?: string }; datum?: { value?: unknown } } | null | undefined;
  const role = it?.mark?.role ?? '';
  const key = String(it?.datum?.value);
  return role.startsWith('legend-') && Object.hasOwn(labels, key) ? labels[key]! : '';
}
