import { describe, expect, it } from 'vitest';
import { THEMES, themeConfig, type Theme } from '../../../src/lib/charts/theme.ts';

/** WCAG 2 contrast ratio of two #rrggbb colors. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('THEMES', () => {
  for (const theme of ['light', 'dark'] as Theme[]) {
    const c = THEMES[theme];

    it(`${theme}: text and secondary text reach 4.5:1 against the background`, () => {
      expect(contrast(c.fg, c.bg)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(c.muted, c.bg)).toBeGreaterThanOrEqual(4.5);
    });

    it(`${theme}: every run color reaches 4.5:1 against the background, and they are distinct`, () => {
      expect(c.runs).toHaveLength(10);
      expect(new Set(c.runs).size).toBe(10);
      for (const color of c.runs) expect(contrast(color, c.bg), color).toBeGreaterThanOrEqual(4.5);
    });
  }

  it('checks contrast the way WCAG defines it', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});

describe('themeConfig(theme)', () => {
  it('gives the run colors as the category range and the background', () => {
    expect(themeConfig('dark').range?.category).toEqual([...THEMES.dark.runs]);
    expect(themeConfig('dark').background).toBe(THEMES.dark.bg);
    expect(themeConfig('light').axis?.labelColor).toBe(THEMES.light.fg);
  });
});
