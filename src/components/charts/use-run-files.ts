/**
 * The data files (series-file.ts) of the runs a page charts (experiment panels, compare page),
 * fetched through the page's JSON cache (metric-chart-data.ts), so runs drawn again are not
 * fetched again. One missing or broken file leaves its run out and is reported; the others
 * still draw.
 */
import { useEffect, useState } from 'react';
import type { DecodedSeriesFile } from '../../lib/charts/series-file.ts';
import { withBase } from '../../lib/site/paths.ts';
import { dataFiles } from '../../lib/site/routes.ts';
import { loadSeriesFiles } from './metric-chart-data.ts';

export interface RunFiles {
  /** The loaded files, in the order of the ids asked for. */
  files: DecodedSeriesFile[];
  /** One line per run whose file could not be used. */
  failures: string[];
  /** False while any asked-for file is still loading. */
  complete: boolean;
}

export function useRunFiles(ids: readonly string[], base: string): RunFiles {
  const key = ids.join('\n');
  const [state, setState] = useState<RunFiles & { key: string }>({ key: '', files: [], failures: [], complete: ids.length === 0 });
  useEffect(() => {
    let live = true;
    const wanted = [...ids];
    void Promise.all(
      wanted.map((id) =>
        loadSeriesFiles([withBase(dataFiles.run(id), base)]).then(
          ([file]) => ({ file }),
          (e: unknown) => ({ failure: e instanceof Error ? e.message : String(e) }),
        ),
      ),
    ).then((results) => {
      if (!live) return;
      setState({
        key,
        files: results.flatMap((r) => ('file' in r && r.file ? [r.file] : [])),
        failures: results.flatMap((r) => ('failure' in r ? [r.failure] : [])),
        complete: true,
      });
    });
    return () => {
      live = false;
    };
  }, [key, base]);
  // Until the new set arrives, keep drawing the last one (no flash of empty charts while filtering).
  return state.key === key ? state : { ...state, complete: false };
}
