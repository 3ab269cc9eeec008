import { describe, expect, it } from 'vitest';
import { artifactKind, firstLines, PREVIEW, sharedArtifacts, storedPath } from '../../../src/lib/site/artifact-kinds.ts';
import { dataFiles } from '../../../src/lib/site/routes.ts';

describe('artifactKind(path)', () => {
  it.each([
    ['plots/confusion_matrix.PNG', 'image'],
    ['roc.svg', 'svg'],
    ['metrics.csv', 'csv'],
    ['eval.tsv', 'csv'],
    ['model/MLmodel', 'yaml'],
    ['conda.yaml', 'yaml'],
    ['input_example.json', 'json'],
    ['requirements.txt', 'text'],
    ['estimator.html', 'html'],
    ['model.pkl', 'other'],
    ['.env', 'other'],
  ])('%s is %s', (path, kind) => {
    expect(artifactKind(path)).toBe(kind);
  });
});

describe('storedPath(path)', () => {
  it('keeps images and plain data under their own name', () => {
    for (const path of ['a/plot.png', 'metrics.csv', 'config.json', 'conda.yaml', 'notes.txt']) expect(storedPath(path)).toBe(path);
  });

  it('stores HTML, SVG, XML and unknown types as .bin, never under an extension a browser runs', () => {
    for (const path of ['estimator.html', 'page.xhtml', 'roc.svg', 'data.xml', 'model.pkl', 'model/MLmodel', '.env', 'x.bin']) expect(storedPath(path)).toBe(`${path}.bin`);
  });
});

describe('dataFiles.artifact(runId, stored)', () => {
  it('keeps plain paths and makes other names URL- and file-safe, extension last', () => {
    expect(dataFiles.artifact('ab12', 'plots/curve.png')).toBe('/data/artifacts/ab12/plots/curve.png');
    const odd = dataFiles.artifact('ab12', 'my plots/loss (1).png');
    expect(odd).toMatch(/^\/data\/artifacts\/ab12\/my-plots-[0-9a-f]{8}\/loss-1-[0-9a-f]{8}\.png$/);
    expect(dataFiles.artifact('ab12', 'a b.PNG')).not.toBe(dataFiles.artifact('ab12', 'a b.png'));
  });
});

describe('firstLines(text)', () => {
  it('keeps a whole short text', () => {
    expect(firstLines('a\nb\n')).toEqual({ shown: 'a\nb', shownLines: 2, lines: 2, truncated: false });
  });

  it('keeps the first lines of a long one', () => {
    const text = Array.from({ length: PREVIEW.lines + 5 }, (_, i) => `l${i}`).join('\n');
    expect(firstLines(text)).toMatchObject({ shownLines: PREVIEW.lines, lines: PREVIEW.lines + 5, truncated: true });
  });

  it('cuts a line longer than the character limit', () => {
    const result = firstLines('x'.repeat(PREVIEW.chars + 10));
    expect(result.shown).toHaveLength(PREVIEW.chars);
    expect(result).toMatchObject({ shownLines: 1, lines: 1, truncated: true });
  });
});

describe('sharedArtifacts(perRun)', () => {
  it('pairs the paths two or more runs have, in path order, with null where a run has none', () => {
    const a = { path: 'plot.png', run: 'a' };
    const b = { path: 'plot.png', run: 'b' };
    const c = { path: 'MLmodel', run: 'c' };
    const d = { path: 'MLmodel', run: 'a' };
    expect(sharedArtifacts([[a, d, { path: 'only-a', run: 'a' }], [b], [c]])).toEqual([
      { path: 'MLmodel', runs: [d, null, c] },
      { path: 'plot.png', runs: [a, b, null] },
    ]);
  });
});
