/**
 * All metric charts of a run page in one island (`client:only`: nothing to render on the
 * server, so 10,000 run pages cost no chart rendering at build time). Each chart mounts when it
 * scrolls near the viewport, so the Vega runtime loads with the first chart a reader reaches.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import MetricChart from './MetricChart.tsx';
import type { SpecSource } from './metric-chart-data.ts';

export interface RunChartsProps {
  /** URL of the run's data file. */
  data: string;
  runId: string;
  runName: string;
  metrics: { key: string; system: boolean }[];
  specs: SpecSource;
}

export default function RunCharts({ data, runId, runName, metrics, specs }: RunChartsProps) {
  const names = { [runId]: runName };
  const chart = (key: string) => (
    <section key={key} className="metric-chart" data-metric={key} aria-label={`History of ${key}`}>
      <h4>
        <code>{key}</code>
      </h4>
      <WhenVisible>
        <MetricChart data={data} metric={key} runNames={names} specs={specs} />
      </WhenVisible>
    </section>
  );
  const main = metrics.filter((m) => !m.system);
  const system = metrics.filter((m) => m.system);
  return (
    <>
      <div className="metric-charts">{main.map((m) => chart(m.key))}</div>
      {system.length > 0 ? (
        <details>
          <summary>System metrics charts ({system.length})</summary>
          <div className="metric-charts">{system.map((m) => chart(m.key))}</div>
        </details>
      ) : null}
    </>
  );
}

/** Renders its children once the placeholder comes within a screen of the viewport. */
function WhenVisible({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || visible) return undefined;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        setVisible(true);
        observer.disconnect();
      }
    }, { rootMargin: '100% 0px' });
    observer.observe(element);
    return () => observer.disconnect();
  }, [visible]);
  return <div ref={ref}>{visible ? children : <div className="chart-placeholder" aria-hidden="true" />}</div>;
}
