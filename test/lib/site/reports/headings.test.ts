import { describe, expect, it } from 'vitest';
import { anchorHeadings, slug } from '../../../../src/lib/site/reports/headings.ts';

describe('slug(text)', () => {
  it('makes GitHub-style ids: lower case, punctuation dropped, spaces to dashes', () => {
    expect(slug('What we learned')).toBe('what-we-learned');
    expect(slug('Why run lr0.4-bs128 diverged?')).toBe('why-run-lr04-bs128-diverged');
    expect(slug('Ergebnis: Größe & Zeit')).toBe('ergebnis-größe--zeit');
  });
});

describe('anchorHeadings(html, spanText)', () => {
  it('gives each heading an id and a link to itself, numbering repeats and avoiding the page\'s own ids', () => {
    const { html, headings } = anchorHeadings('<h2>Results</h2>\n<h3>Results</h3>\n<h2>Contents</h2>\n<h2>A &amp; <code>b</code></h2>', () => '');
    expect(headings).toEqual([
      { depth: 2, id: 'results', text: 'Results' },
      { depth: 3, id: 'results-1', text: 'Results' },
      { depth: 2, id: 'contents-1', text: 'Contents' },
      { depth: 2, id: 'a--b', text: 'A & b' },
    ]);
    expect(html).toContain('<h2 id="results">Results<a class="heading-anchor" href="#results"><span class="visually-hidden">Link to this section: Results</span><span aria-hidden="true">#</span></a></h2>');
    expect(html).toContain('Link to this section: A &amp; b</span>');
  });

  it('reads an inline embed in a heading as its text, and keeps its marker in place', () => {
    const { html, headings } = anchorHeadings('<h2>Winner: <!--rf:s0--></h2>', () => 'lr0.4 <bs512>');
    expect(headings[0]).toEqual({ depth: 2, id: 'winner-lr04-bs512', text: 'Winner: lr0.4 <bs512>' });
    expect(html).toMatch(/^<h2 id="winner-lr04-bs512">Winner: <!--rf:s0--><a /);
    expect(html).toContain('Link to this section: Winner: lr0.4 &lt;bs512&gt;');
  });
});
