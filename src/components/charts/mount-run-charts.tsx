/**
 * Mounts the run page's chart island on the elements the page marks with `data-run-charts`.
 * A plain module script instead of an Astro island: the page then carries no inline hydration
 * runtime and no serialized props (10,000 run pages write 10,000 copies of whatever they hold).
 */
import { createRoot } from 'react-dom/client';
import { lineSpecUrls, dataFiles } from '../../lib/site/routes.ts';
import { withBase } from '../../lib/site/paths.ts';
import RunCharts from './RunCharts.tsx';

export function mountRunCharts(): void {
  for (const element of document.querySelectorAll<HTMLElement>('[data-run-charts]')) {
    const { base = '/', runId = '', runName = '', metrics = '[]' } = element.dataset;
    const keys = JSON.parse(metrics) as string[];
    createRoot(element).render(
      <RunCharts
        data={withBase(dataFiles.run(runId), base)}
        runId={runId}
        runName={runName}
        metrics={keys.map((key) => ({ key, system: key.startsWith('system/') }))}
        specs={lineSpecUrls(base)}
      />,
    );
  }
}
