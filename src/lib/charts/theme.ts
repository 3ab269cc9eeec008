/**
 * Light and dark chart themes as Vega-Lite config blocks.
 *
 * Colors are literal hex values, not CSS variables, because the same config also styles SVG
 * files rendered at build time (which must look right on their own). `bg`, `fg`, `muted` and
 * `line` are the values of the site's `--bg`, `--fg`, `--muted`, `--line` (src/layouts/Base.astro); every run color keeps a contrast of at least 4.5:1
 * against its background (WCAG asks 3:1 for graphics), text 4.5:1, so lines and labels stay
 * readable in both themes (checked by the tests).
 */
import type { Config } from 'vega-lite';

export type Theme = 'light' | 'dark';

export interface ThemeColors {
  /** Chart background. */
  bg: string;
  /** Titles, labels. */
  fg: string;
  /** Secondary text: axis titles, notes. */
  muted: string;
  /** Grid and domain lines. */
  line: string;
  /** Run colors: a run's style index picks one (runStyle), combined with a dash pattern. */
  runs: readonly string[];
  /** Sequential scheme for metric colors, restricted to the part that contrasts with `bg`. */
  sequential: { name: 'viridis'; extent: [number, number] };
}

export const THEMES: Record<Theme, ThemeColors> = {
  light: {
    bg: '#ffffff',
    fg: '#1b1f24',
    muted: '#5b6470',
    line: '#d9dee4',
    runs: ['#1f77b4', '#d62728', '#2a7d2a', '#8e5cc4', '#b35900', '#0e7c86', '#c2378a', '#6b6b00', '#8c564b', '#4a5a8c'],
    sequential: { name: 'viridis', extent: [0, 0.55] },
  },
  dark: {
    bg: '#111417',
    fg: '#e4e8ec',
    muted: '#9aa4ae',
    line: '#2c333a',
    runs: ['#6cb6ff', '#ff7b72', '#56d364', '#d2a8ff', '#ffa657', '#39c5cf', '#f778ba', '#e3b341', '#c9a68c', '#a5b4fc'],
    sequential: { name: 'viridis', extent: [0.35, 1] },
  },
};

/**
 * Dash patterns (Vega `strokeDash`), the second half of a run's style: style i draws in colour
 * `runs[i % 10]` with dash `RUN_DASHES[⌊i / 10⌋ % 5]`, so 50 runs look different before a
 * style repeats. `[1, 0]` is solid.
 */
export const RUN_DASHES: readonly (readonly number[])[] = [
  [1, 0],
  [7, 3],
  [2, 2],
  [9, 3, 2, 3],
  [1, 4],
];

/** Distinct run styles (colour × dash). */
export const STYLE_COUNT = THEMES.light.runs.length * RUN_DASHES.length;

/** A style index in 0 … STYLE_COUNT-1 (styles repeat every STYLE_COUNT). */
export function styleIndex(style: number): number {
  return ((Math.floor(style) % STYLE_COUNT) + STYLE_COUNT) % STYLE_COUNT;
}

/** Colour and dash of every style index, in index order: the ranges of the charts' style scales. */
export function styleRanges(theme: Theme): { colors: string[]; dashes: number[][] } {
  const colors = THEMES[theme].runs;
  const indices = Array.from({ length: STYLE_COUNT }, (_, i) => i);
  return { colors: indices.map((i) => colors[i % colors.length]!), dashes: indices.map((i) => [...RUN_DASHES[Math.floor(i / colors.length)]!]) };
}

/** The colour and dash of style index `style` in a theme (for anything drawn outside Vega, e.g. a legend swatch). */
export function runStyle(style: number, theme: Theme): { color: string; dash: readonly number[] } {
  const { colors, dashes } = styleRanges(theme);
  const i = styleIndex(style);
  return { color: colors[i]!, dash: dashes[i]! };
}

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/** The Vega-Lite config of a theme. */
export function themeConfig(theme: Theme): Config {
  const c = THEMES[theme];
  return {
    background: c.bg,
    font: FONT,
    view: { stroke: null },
    title: { color: c.fg, subtitleColor: c.muted, anchor: 'start', fontSize: 13, fontWeight: 600 },
    axis: {
      domainColor: c.line,
      gridColor: c.line,
      gridOpacity: 0.6,
      tickColor: c.line,
      labelColor: c.fg,
      titleColor: c.muted,
      titleFontWeight: 'normal',
    },
    legend: { labelColor: c.fg, titleColor: c.muted, titleFontWeight: 'normal', labelLimit: 220 },
    range: { category: [...c.runs] },
    text: { color: c.fg },
    rule: { color: c.muted },
  };
}
