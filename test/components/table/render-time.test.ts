/**
 * What the runs table island costs, measured on what ships: its bundle (esbuild, minified, React
 * external) and the time React's production build takes to render one window of a 10,000-run
 * table with react-dom/server. Vitest runs React's development build with a development JSX
 * transform, several times slower and not what readers get, so the timing bundles TableGrid with
 * React in production mode into a temp dir and imports that.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import type { TableGridProps } from '../../../src/components/table/TableGrid.tsx';
import { layout, syntheticRecords } from './records.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'runfolio-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('RunsTable bundle', () => {
  it('stays small and pulls in neither zod nor the Snapshot schemas', async () => {
    const result = await build({
      entryPoints: [join(ROOT, 'src/components/table/RunsTable.tsx')],
      bundle: true,
      minify: true,
      format: 'esm',
      jsx: 'automatic',
      external: ['react', 'react-dom'],
      outdir: dir,
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const js = result.outputFiles.find((f) => f.path.endsWith('.js'))!;
    const gz = gzipSync(js.contents, { level: 9 }).length;
    console.log(`RunsTable bundle: ${js.contents.length} bytes minified, ${gz} bytes gzip -9`);
    // Grouping, column layout and the address of the view (issue 13) brought it from 19 to 22 KB.
    expect(gz).toBeLessThan(24_000);
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((path) => path.includes('node_modules') || path.endsWith('lib/model.ts'))).toEqual([]);
  });
});

describe('TableGrid render time with 10,000 runs (React production build)', () => {
  it('renders one window (sorted, 4 metric and param columns) in well under a frame', async () => {
    const outfile = join(dir, 'grid.mjs');
    await build({
      entryPoints: [join(import.meta.dirname, 'grid-bundle.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      jsx: 'automatic',
      loader: { '.css': 'local-css' },
      define: { 'process.env.NODE_ENV': '"production"' },
      // react-dom/server's CommonJS parts require Node built-ins.
      banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
      outfile,
      logLevel: 'silent',
    });
    const m = (await import(pathToFileURL(outfile).href)) as typeof import('./grid-bundle.ts');
    const { records, metrics, params } = syntheticRecords(10_000);
    const tree = m.buildTree(records);
    const columns = m.tableColumns(layout({ metrics: ['acc', 'val/loss'], params: ['model', 'max depth'] }), m.keyIndex({ metrics, params }));
    const view = m.tableRows({ records, tree, matched: undefined, order: { kind: 'column', column: columns[0]!, ascending: true }, expanded: new Set() });
    const props = (scrollTop: number): TableGridProps => ({
      base: '/',
      caption: 'Runs',
      columns,
      records,
      tree,
      rows: view.rows,
      flat: view.flat,
      window: m.rowWindow({ scrollTop, viewport: 640, count: view.rows.length }),
      sort: { column: 'run:name', direction: 'asc' },
      expanded: new Set(),
      selected: new Set(),
      allShown: 'none',
      onSort: () => {},
      onExpand: () => {},
      onSelect: () => {},
      onSelectShown: () => {},
    });
    const render = (p: TableGridProps) => m.renderToString(m.createElement(m.TableGrid, p));
    for (let k = 0; k < 10; k++) render(props(k * m.ROW_HEIGHT)); // warm up
    const times: number[] = [];
    for (let k = 0; k < 40; k++) {
      const p = props(k * 250 * m.ROW_HEIGHT);
      const t = performance.now();
      const html = render(p);
      times.push(performance.now() - t);
      // The two header rows and the window's rows, nothing more.
      expect(html.match(/<tr aria-rowindex/g)?.length).toBe(2 + p.window.last - p.window.first);
    }
    times.sort((a, b) => a - b);
    const median = times[20]!;
    console.log(`TableGrid window of 10,000 runs: median ${median.toFixed(2)} ms, slowest ${times.at(-1)!.toFixed(2)} ms`);
    expect(median).toBeLessThan(8);
  });
});
