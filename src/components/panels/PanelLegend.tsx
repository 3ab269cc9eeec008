/**
 * One legend for every panel: each drawn run (or group) with its colour and dash, as in the
 * charts; pointing at an entry, or focusing it, highlights that run in every panel. Runs link to
 * their pages.
 */
import { runStyle, type Theme } from '../../lib/charts/theme.ts';
import { runUrl } from '../table/links.ts';
import type { LegendEntry } from './panel-data.ts';
import styles from './ChartPanels.module.css';

export interface PanelLegendProps {
  base: string;
  entries: readonly LegendEntry[];
  theme: Theme;
  onHighlight: (label: string) => void;
}

export default function PanelLegend({ base, entries, theme, onHighlight }: PanelLegendProps) {
  if (entries.length === 0) return null;
  return (
    <ul className={styles.legend} aria-label="Runs in the charts">
      {entries.map((entry) => {
        const look = runStyle(entry.style, theme);
        const hover = { onPointerEnter: () => onHighlight(entry.label), onPointerLeave: () => onHighlight(''), onFocus: () => onHighlight(entry.label), onBlur: () => onHighlight('') };
        const swatch = (
          <svg className={styles.swatch} width="28" height="10" aria-hidden="true" data-style={entry.style}>
            <line x1="1" y1="5" x2="27" y2="5" stroke={look.color} strokeWidth="2.5" strokeDasharray={look.dash.join(' ')} />
          </svg>
        );
        return (
          <li key={entry.key} data-legend-entry={entry.label}>
            {entry.runId !== undefined ? (
              <a href={runUrl(base, entry.runId)} {...hover}>
                {swatch}
                {entry.label}
              </a>
            ) : (
              <span tabIndex={0} {...hover}>
                {swatch}
                {entry.label}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
