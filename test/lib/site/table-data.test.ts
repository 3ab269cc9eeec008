import { describe, expect, it } from 'vitest';
import { compileFilter } from '../../../src/lib/analyze/search/index.ts';
import type { Run } from '../../../src/lib/model.ts';
import { recordToRun, TABLE_CHUNK_ROWS, tableChunks, treeOrder } from '../../../src/lib/site/table-data.ts';
import { renderMarkdown } from '../../../src/lib/site/markdown.ts';

const run = (id: string, start: number, parentId?: string, extra: Partial<Run> = {}): Run => ({
  id, experimentId: '1', name: `run-${id}`, status: 'FINISHED', lifecycleStage: 'active', startTime: start,
  params: {}, tags: {}, metrics: {}, inputs: [], artifacts: [], loggedModels: [], ...(parentId ? { parentId } : {}), ...extra,
});
const byStartDesc = (a: Run, b: Run) => (b.startTime ?? 0) - (a.startTime ?? 0);

describe('treeOrder(runs, order)', () => {
  it('puts children right after their parent, siblings in the given order', () => {
    const rows = treeOrder([run('c1', 5, 'p'), run('x', 9), run('p', 1), run('c2', 7, 'p')], byStartDesc);
    expect(rows.map((r) => [r.run.id, r.depth])).toEqual([['x', 0], ['p', 0], ['c2', 1], ['c1', 1]]);
  });

  it('survives parent cycles and parents outside the set', () => {
    const rows = treeOrder([run('a', 1, 'b'), run('b', 2, 'a'), run('c', 3, 'gone')], byStartDesc);
    expect(rows.map((r) => r.run.id).sort()).toEqual(['a', 'b', 'c']);
  });
});

describe('tableChunks(rows, metrics, params) and recordToRun(record)', () => {
  it('splits rows into chunks that say how many there are', () => {
    const runs = Array.from({ length: TABLE_CHUNK_ROWS + 5 }, (_, i) => ({ run: run(String(i), i), depth: 0 }));
    const chunks = tableChunks(runs, [], []);
    expect(chunks.map((c) => [c.chunk, c.chunks, c.rows.length, c.total])).toEqual([[0, 2, TABLE_CHUNK_ROWS, TABLE_CHUNK_ROWS + 5], [1, 2, 5, TABLE_CHUNK_ROWS + 5]]);
  });

  it("gives each record its run's style index, when there is one", () => {
    const [chunk] = tableChunks([{ run: run('a', 1), depth: 0 }, { run: run('b', 2), depth: 0 }], [], [], new Map([['a', 4]]));
    expect(chunk!.rows.map((r) => r.style)).toEqual([4, undefined]);
  });

  it('gives back runs that MLflow filters judge as they judge the originals', () => {
    const original = run('r', 1, undefined, {
      params: { model: 'rf' },
      tags: { team: 'a', 'mlflow.note.content': 'long note' },
      metrics: { 'val/acc': { latest: { step: 3, timestamp: 9, value: 0.93 }, history: [] } },
      inputs: [{ name: 'train', digest: 'abc', context: 'training' }],
    });
    const [chunk] = tableChunks([{ run: original, depth: 0 }], ['val/acc'], ['model']);
    const rebuilt = recordToRun(chunk!.rows[0]!, chunk!.metrics, chunk!.params, '1');
    for (const filter of ["metrics.`val/acc` > 0.9", "params.model = 'rf'", "tags.team = 'a'", "datasets.context = 'training'", "metrics.`val/acc` < 0.5"]) {
      expect(compileFilter(filter)(rebuilt), filter).toBe(compileFilter(filter)(original));
    }
    expect(rebuilt.tags['mlflow.note.content']).toBeUndefined();
  });
});

describe('renderMarkdown(source)', () => {
  it('escapes raw HTML and drops unsafe link targets', () => {
    const html = renderMarkdown('<script>x</script>\n\n[a](javascript:alert(1)) [b](https://ok.example/) ![i](data:text/html,x)');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('<a href="">a</a>');
    expect(html).toContain('<a href="https://ok.example/">b</a>');
    expect(html).not.toContain('data:text/html');
  });
});
