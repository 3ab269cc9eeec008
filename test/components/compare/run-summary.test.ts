import { describe, expect, it } from 'vitest';
import { decodeRunSummary, loadRunSummary } from '../../../src/components/compare/run-summary.ts';
import type { Fetch } from '../../../src/components/charts/metric-chart-data.ts';
import { dataFiles } from '../../../src/lib/site/routes.ts';
import { encodeSeriesFile } from '../../../src/lib/charts/series-file.ts';
import type { Run } from '../../../src/lib/model.ts';
import { runSummaryData, type RunDataFile } from '../../../src/lib/site/run-data.ts';
import { makeRun } from '../../lib/analyze/snapshot.ts';

function fakeFetch(files: Record<string, unknown>) {
  const calls: string[] = [];
  const fetchFn: Fetch = async (url) => {
    calls.push(url);
    const found = Object.hasOwn(files, url);
    return { ok: found, status: found ? 200 : 404, statusText: found ? 'OK' : 'Not Found', json: async () => structuredClone(files[url]) };
  };
  return { fetchFn, calls };
}

const HOSTILE_ID = '../<img src=x onerror=alert(1)>?#';

/** A run's data file as the site writer lays it out. */
function runFile(run: Run): RunDataFile {
  return { ...encodeSeriesFile([run]), summary: runSummaryData(run, 'exp'), complete: true };
}

describe('decodeRunSummary(file, source)', () => {
  it('reads the summary of what the site writer writes', () => {
    const written = JSON.parse(JSON.stringify(runFile(makeRun({ id: 'r1', startTime: 5, user: 'u', params: { a: '1' }, metrics: { m: 'NaN', n: 2 }, tags: { t: 'x' } }))));
    expect(decodeRunSummary(written, 'f.json')).toEqual(written.summary);
  });

  it('names the file and the field when the file is malformed', () => {
    const good = { id: 'r', name: 'n', experimentId: '1', experimentName: 'e', status: 'FINISHED', params: [], metrics: [], tags: [] };
    const file = (summary: unknown) => ({ format: 'runfolio.series/1', runs: [], metrics: [], summary });
    expect(() => decodeRunSummary([], 'f.json')).toThrow('f.json: the file must be a JSON object, got []');
    expect(() => decodeRunSummary({ format: 'runfolio.series/1' }, 'f.json')).toThrow('f.json: summary must be an object, got undefined');
    expect(() => decodeRunSummary(file({ ...good, name: 3 }), 'f.json')).toThrow('f.json: summary.name must be a string, got 3');
    expect(() => decodeRunSummary(file({ ...good, startTime: 'yesterday' }), 'f.json')).toThrow('f.json: summary.startTime must be epoch ms, got "yesterday"');
    expect(() => decodeRunSummary(file({ ...good, metrics: [['m', 'high']] }), 'f.json')).toThrow('f.json: summary.metrics[0] must be a [string, number] pair, got ["m","high"]');
    expect(() => decodeRunSummary(file({ ...good, params: { a: '1' } }), 'f.json')).toThrow('f.json: summary.params must be an array of [key, value] pairs');
  });
});

describe('loadRunSummary(id, base, fetch)', () => {
  it('fetches the run file under the base path, once per URL', async () => {
    const data = runFile(makeRun({ id: HOSTILE_ID }));
    const url = `/repo${dataFiles.run(HOSTILE_ID)}`;
    const { fetchFn, calls } = fakeFetch({ [url]: data });
    expect(await loadRunSummary(HOSTILE_ID, '/repo/', fetchFn)).toEqual(data.summary);
    await loadRunSummary(HOSTILE_ID, '/repo/', fetchFn);
    expect(calls).toEqual([url]);
    expect(url).not.toMatch(/[<>?#]|\.\.\//);
  });

  it('fails with the URL and HTTP status when the file is missing, and tries again next time', async () => {
    const { fetchFn, calls } = fakeFetch({});
    await expect(loadRunSummary('gone', '/', fetchFn)).rejects.toThrow('/data/runs/gone.json: HTTP 404 Not Found');
    await expect(loadRunSummary('gone', '/', fetchFn)).rejects.toThrow();
    expect(calls).toHaveLength(2);
  });

  it('rejects a file that holds another run', async () => {
    const { fetchFn } = fakeFetch({ '/data/runs/wanted.json': runFile(makeRun({ id: 'other' })) });
    await expect(loadRunSummary('wanted', '/', fetchFn)).rejects.toThrow('/data/runs/wanted.json: summary.id must be "wanted", got "other"');
  });
});
