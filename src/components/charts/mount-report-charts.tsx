/**
 * Mounts the metric chart island over each history chart of a report (the elements marked
 * `data-report-chart`), when it comes within a screen of the viewport, with the embed's own
 * options. The island fetches the runs' data files; until it mounts, and without JavaScript, the
 * static SVG rendered at build time is what the reader sees.
 */
import { createRoot } from 'react-dom/client';
import type { XAxis } from '../../lib/charts/line-spec.ts';
import { withBase } from '../../lib/site/paths.ts';
import { dataFiles, lineSpecUrls } from '../../lib/site/routes.ts';
import MetricChart from './MetricChart.tsx';

const X_AXES: readonly string[] = ['step', 'time', 'rel'];

export function mountReportCharts(): void {
  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      observer.unobserve(entry.target);
      mount(entry.target as HTMLElement);
    }
  }, { rootMargin: '100% 0px' });
  for (const element of document.querySelectorAll<HTMLElement>('[data-report-chart]')) observer.observe(element);
}

function mount(element: HTMLElement): void {
  const { base = '/', metric = '', runs = '[]', x = 'step', log = 'false', smoothing = '0' } = element.dataset;
  const chosen = JSON.parse(runs) as { id: string; name: string }[];
  createRoot(element).render(
    <MetricChart
      data={chosen.map((run) => withBase(dataFiles.run(run.id), base))}
      metric={metric}
      runNames={Object.fromEntries(chosen.map((run) => [run.id, run.name]))}
      specs={lineSpecUrls(base)}
      initial={{ x: (X_AXES.includes(x) ? x : 'step') as XAxis, log: log === 'true', smoothing: Number(smoothing) || 0 }}
    />,
  );
}
