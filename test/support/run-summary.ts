/** A run's summary (the compare page's data, site/run-data.ts) with only what a test sets. */
import type { RunSummaryData } from '../../src/lib/site/run-data.ts';

export function summary(id: string, parts: Partial<RunSummaryData> = {}): RunSummaryData {
  return { id, name: id, experimentId: '1', experimentName: 'exp', status: 'FINISHED', params: [], metrics: [], curves: [], tags: [], ...parts };
}
