/**
 * The compare page (`/compare/?runs=a,b,c&baseline=b`), a React island: any runs of the site
 * side by side. Its state lives in the URL (compare-url.ts), read once when the island mounts and
 * rewritten with `history.replaceState` on every change, so the address is always shareable.
 *
 * Data: each chosen run's summary file; the runs index only when it is needed (the picker gets
 * focus, or a run failed to load and we must tell an unknown id from a missing file). Charts
 * load as their own chunk, with the Vega runtime, when scrolled into view.
 */
import { lazy, Suspense, useEffect, useId, useMemo, useRef, useState } from 'react';
import { runName } from '../../lib/site/format.ts';
import type { RunSummaryData } from '../../lib/site/run-data.ts';
import { useRunIndexOnDemand } from '../search/use-run-index.ts';
import { compareRuns, differencesOnly } from './compare-diff.ts';
import { compareUrl, parseCompareSearch, type CompareSelection } from './compare-url.ts';
import CompareArtifacts from './CompareArtifacts.tsx';
import styles from './Compare.module.css';
import DiffTable from './DiffTable.tsx';
import RunList from './RunList.tsx';
import RunPicker from './RunPicker.tsx';
import { useRunSummaries } from './use-run-summaries.ts';
import { useVisible } from './use-visible.ts';

const CompareCharts = lazy(() => import('./CompareCharts.tsx'));

export interface ComparePageProps {
  /** The site's base path (`import.meta.env.BASE_URL`). */
  base: string;
}

export default function ComparePage({ base }: ComparePageProps) {
  const id = useId();
  const [selection, setSelection] = useState<CompareSelection>();
  const [onlyDifferences, setOnlyDifferences] = useState(false);
  const index = useRunIndexOnDemand(base);
  const ids = selection?.runs ?? [];
  const load = useRunSummaries(ids, base);
  const chartsRef = useRef<HTMLElement>(null);
  const chartsVisible = useVisible(chartsRef);

  // The URL is read after hydration, not during render: the server-rendered HTML has no URL.
  useEffect(() => setSelection(parseCompareSearch(location.search)), []);
  useEffect(() => {
    if (selection) history.replaceState(history.state, '', compareUrl(selection, base) + location.hash);
  }, [selection, base]);

  const failed = ids.filter((runId) => load(runId).state === 'error');
  useEffect(() => {
    if (failed.length > 0) index.request();
  }, [failed.length > 0]);
  const byId = useMemo(() => (index.index ? new Map(index.index.map((run) => [run.id, run])) : undefined), [index.index]);
  const unknown = byId ? failed.filter((runId) => !byId.has(runId)) : [];

  // One array per set of loaded runs, so the table and charts below re-render only when it changes.
  const loadedKey = ids.filter((runId) => load(runId).state === 'ok').join('\n');
  const loaded = useMemo(() => ids.map(load).flatMap((l): RunSummaryData[] => (l.state === 'ok' ? [l.data] : [])), [loadedKey]);
  const wanted = selection?.baseline ?? ids[0];
  const baselineAt = Math.max(0, loaded.findIndex((run) => run.id === wanted));
  const comparison = useMemo(() => compareRuns(loaded, baselineAt), [loaded, baselineAt]);
  const shown = onlyDifferences ? differencesOnly(comparison) : comparison;
  const baselineId = loaded[baselineAt]?.id;

  const change = (next: (s: CompareSelection) => CompareSelection) => setSelection((s) => next(s ?? { runs: [] }));
  const add = (runId: string) => change((s) => ({ ...s, runs: s.runs.includes(runId) ? s.runs : [...s.runs, runId] }));
  const remove = (runId: string) => change((s) => ({ runs: s.runs.filter((r) => r !== runId), ...(s.baseline !== undefined && s.baseline !== runId ? { baseline: s.baseline } : {}) }));
  const chooseBaseline = (runId: string) => change((s) => ({ runs: s.runs, baseline: runId }));

  return (
    <div className={styles.compare}>
      <RunPicker runs={index} chosen={ids} onAdd={add} />
      {unknown.length > 0 ? (
        <p className={styles.note} role="status">
          Not on this site: {unknown.map((runId) => `“${runId}”`).join(', ')}. Check the link, or remove {unknown.length === 1 ? 'it' : 'them'} below.
        </p>
      ) : null}
      {selection && ids.length === 0 ? <EmptyState /> : null}
      {ids.length > 0 ? (
        <>
          <RunList base={base} ids={ids} load={load} {...(byId ? { index: byId } : {})} baseline={baselineId} onBaseline={chooseBaseline} onRemove={remove} />
          {wanted !== undefined && baselineId !== undefined && load(wanted).state === 'error' ? (
            <p className={styles.note}>The chosen baseline could not be loaded; comparing with {runName(loaded[baselineAt]!)}.</p>
          ) : null}
        </>
      ) : null}
      {loaded.length > 0 ? (
        <section aria-labelledby={`${id}-table`}>
          <h2 id={`${id}-table`}>Differences</h2>
          <label className={styles.inline}>
            <input type="checkbox" checked={onlyDifferences} onChange={(e) => setOnlyDifferences(e.currentTarget.checked)} /> Differences only (hide rows where
            every run equals the baseline)
          </label>
          <DiffTable base={base} runs={loaded} comparison={shown} />
        </section>
      ) : null}
      {loaded.length > 0 ? (
        <section ref={chartsRef} aria-labelledby={`${id}-charts`}>
          <h2 id={`${id}-charts`}>Charts</h2>
          {chartsVisible ? (
            <Suspense fallback={<p className={styles.status}>Loading charts…</p>}>
              <CompareCharts base={base} runs={loaded} comparison={comparison} />
            </Suspense>
          ) : (
            <p className={styles.status}>Charts load when you scroll here.</p>
          )}
        </section>
      ) : null}
      {loaded.length > 0 ? <CompareArtifacts base={base} runs={loaded} /> : null}
    </div>
  );
}

function EmptyState() {
  return (
    <div className={styles.empty}>
      <p>
        <strong>No runs chosen yet.</strong> Type part of a run's name, the start of its id, or an experiment's name in the box above, then pick runs from
        the list (↓ to reach it, Enter to add). Add two or more to see how they differ.
      </p>
      <p>
        Or use a link: <code>compare/?runs=ID1,ID2,ID3</code>, optionally with <code>&amp;baseline=ID2</code>. The address always shows the current
        choice, so you can share it.
      </p>
    </div>
  );
}
