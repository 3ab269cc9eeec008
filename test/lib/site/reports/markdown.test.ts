import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../../src/lib/site/markdown.ts';
import { blockMarker, scanMarkdown, spanMarker, splitAtMarkers } from '../../../../src/lib/site/reports/markdown.ts';

describe('scanMarkdown(body, lineOffset)', () => {
  it('finds fenced blocks with their info, meta, content and file line, inside containers too', () => {
    const body = '# T\n\n- item\n\n  ```runfolio leaderboard\n  experiment: x\n\n  top: 3\n  ```\n\n> ```js\n> let a\n> ```\n\n```\n\nplain\n```\n';
    const { blocks } = scanMarkdown(body, 10);
    expect(blocks).toEqual([
      { info: 'runfolio', meta: 'leaderboard', code: 'experiment: x\n\ntop: 3', line: 15 },
      { info: 'js', meta: '', code: 'let a', line: 21 },
      { info: '', meta: '', code: '\nplain', line: 25 },
    ]);
  });

  it('finds inline code spans starting runfolio: with their line, and flags those inside links and images', () => {
    const body = 'a `runfolio:value run=x metric=y`\nb ``runfolio:link run=`odd` ``\n[`runfolio:value run=x`](https://x.org) ![`runfolio:value run=y`](i.png) `not:runfolio:x` `runfolio build`\n';
    expect(scanMarkdown(body, 3).spans).toEqual([
      { text: 'value run=x metric=y', line: 4, nested: false },
      { text: 'link run=`odd`', line: 5, nested: false },
      { text: 'value run=x', line: 6, nested: true },
      { text: 'value run=y', line: 6, nested: true },
    ]);
  });
});

describe('compile()', () => {
  it('puts a marker where each fenced block and each embed span was, and leaves other code as code', () => {
    const scanned = scanMarkdown('Text `runfolio:value run=a` and `code`.\n\n```python\nx = 1\n```\n', 0);
    const html = scanned.compile();
    expect(html).toBe(`<p>Text ${spanMarker(0)} and <code>code</code>.</p>\n${blockMarker(0)}\n\n`);
  });

  it('escapes raw HTML and drops javascript: links, so no marker or tag can come from the author', () => {
    const html = scanMarkdown('<!--rf:b0--> <script>alert(1)</script>\n\nText <!--rf:s0--> [x](javascript:alert(1)) `<b>`\n', 0).compile();
    expect(html).not.toContain('<!--');
    expect(html).not.toContain('<script');
    expect(html).not.toMatch(/href="javascript:/);
    expect(html).toContain('&lt;!--rf:b0--&gt; &lt;script&gt;');
    expect(html).toContain('<a href="">x</a>');
    expect(html).toContain('<code>&lt;b&gt;</code>');
  });

  it('renders everything else exactly as run notes are rendered', () => {
    const body = '# Note\n\n<script>alert(1)</script> <img src=x onerror=alert(2)>\n\n| a | b |\n|---|---|\n| <b>x</b> | [y](javascript:z) |\n\n- [x] done[^1]\n\n[^1]: A footnote.\n';
    expect(scanMarkdown(body, 0).compile()).toBe(renderMarkdown(body));
  });
});

describe('splitAtMarkers(html)', () => {
  it('cuts HTML into pieces and markers, in order', () => {
    expect(splitAtMarkers(`<p>a ${spanMarker(0)} b</p>${blockMarker(1)}${blockMarker(2)}`)).toEqual([
      { html: '<p>a ' }, { span: 0 }, { html: ' b</p>' }, { block: 1 }, { block: 2 },
    ]);
  });
});
