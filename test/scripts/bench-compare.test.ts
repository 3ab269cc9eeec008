import { describe, expect, it } from 'vitest';
import { wideMarkdown } from '../../scripts/bench/compare.ts';
import { MARKDOWN_LIMIT, MARKER } from '../../src/lib/compare/markdown.ts';

describe('wideMarkdown(count) of the compare bench', () => {
  it('stays under the comment limit for two runs sharing 5,000 changed metrics, and says what it left out', () => {
    const text = wideMarkdown(5000);
    expect(text.length).toBeLessThanOrEqual(MARKDOWN_LIMIT);
    expect(text.startsWith(`${MARKER}\n### ❌ Runfolio compare: 2,500 failed conditions`)).toBe(true);
    expect(text).toMatch(/_2,480 failed conditions left out to keep this comment under 60,000 characters/);
    expect(text).toMatch(/_[\d,]+ more metrics with a held condition left out/);
  });
});
