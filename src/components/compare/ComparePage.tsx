/**
 * The compare page (`/compare/?runs=a,b,c&baseline=b&diff=1&group=params.model`), a React island:
 * any runs of the site side by side, and grouped by a param or tag with each metric's mean ± std
 * and min – max per group. Its view lives in the URL (compare-url.ts, on the page's shared
 * url-state helpers), read once when the island mounts and rewritten on every change, so the
 * address is always shareable ("Copy link").
 *
 * Data: each chosen run's summary file; the runs index only when it is needed (the picker gets
 * focus, or a run failed to load and we must tell an unknown id from a missing file). Charts
 * load as their own chunk, with the Vega runtime, when scrolled into view.
 */
import { lazy, Suspense, useEffect, useId, useMemo, useRef, useState } from 'react';
import { runName } from '../../lib/site/format.ts';
import type { RunSummaryData } from '../../lib/site/run-data.ts';
import { useRunIndexOnDemand } from '../search/use-run-index.ts';
import { CopyLink } from '../page/CopyLink.tsx';
import { GroupBySelect } from '../page/GroupBySelect.tsx';
import { useViewAddress } from '../page/use-view-address.ts';
import { saveText } from '../table/save-file.ts';
import { compareRuns, differencesOnly } from './compare-diff.ts';
import { comparisonCsv, comparisonFileName, comparisonJson } from './compare-export.ts';
import { compareGroups, groupableKeys } from './compare-groups.ts';
import { compareParams, parseCompareView, type CompareView } from './compare-url.ts';
import CompareArtifacts from './CompareArtifacts.tsx';
import styles from './Compare.module.css';
import DiffTable from './DiffTable.tsx';
import GroupTable from './GroupTable.tsx';
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
  const [selection, setSelection] = useState<CompareView>();
  const index = useRunIndexOnDemand(base);
  const ids = selection?.runs ?? [];
  const load = useRunSummaries(ids, base);
  const chartsRef = useRef<HTMLElement>(null);
  const chartsVisible = useVisible(chartsRef);

  // The URL is read after hydration, not during render: the server-rendered HTML has no URL.
  useEffect(() => setSelection(parseCompareView(location.search)), []);
  const link = useViewAddress(selection ? compareParams(selection) : undefined);
  const onlyDifferences = selection?.differencesOnly ?? false;

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
  const groupBy = selection?.groupBy;
  const groups = useMemo(() => (groupBy === undefined ? undefined : compareGroups(loaded, groupBy)), [loaded, groupBy]);
  const groupKeys = useMemo(() => groupableKeys(loaded), [loaded]);

  const change = (next: (s: CompareView) => CompareView) => setSelection((s) => next(s ?? { runs: [], differencesOnly: false }));
  const add = (runId: string) => change((s) => ({ ...s, runs: s.runs.includes(runId) ? s.runs : [...s.runs, runId] }));
  const remove = (runId: string) =>
    change(({ baseline, ...s }) => ({ ...s, runs: s.runs.filter((r) => r !== runId), ...(baseline !== undefined && baseline !== runId ? { baseline } : {}) }));
  const chooseBaseline = (runId: string) => change((s) => ({ ...s, baseline: runId }));
  const setOnlyDifferences = (on: boolean) => change((s) => ({ ...s, differencesOnly: on }));
  const setGroupBy = (key: string | undefined) => change(({ groupBy: _, ...s }) => (key === undefined ? s : { ...s, groupBy: key }));

  return (
    <div className={styles.compare}>
      <RunPicker runs={index} chosen={ids} onAdd={add} />
      {selection && ids.length > 0 ? <CopyLink link={link} className={styles.copyLink} /> : null}
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
          <span className={styles.downloads}>
            <button type="button" onClick={() => saveText(comparisonCsv(loaded, shown), 'text/csv;charset=utf-8', comparisonFileName(loaded, 'csv'))}>
              Download CSV
            </button>
            <button type="button" onClick={() => saveText(comparisonJson(loaded, shown), 'application/json', comparisonFileName(loaded, 'json'))}>
              Download JSON
            </button>
          </span>
          <DiffTable base={base} runs={loaded} comparison={shown} />
        </section>
      ) : null}
      {loaded.length > 0 ? (
        <section aria-labelledby={`${id}-groups`}>
          <h2 id={`${id}-groups`}>Groups</h2>
          <GroupBySelect className={styles.inline} value={groupBy} params={groupKeys.params} tags={groupKeys.tags} onChange={setGroupBy} />
          {groups && groupBy !== undefined ? (
            <GroupTable groups={groups} groupBy={groupBy} />
          ) : (
            <p className={styles.status}>Group the runs by a param or tag to see each metric's mean ± std and min – max per group.</p>
          )}
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
