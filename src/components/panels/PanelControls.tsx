/**
 * The chart panels' shared controls, labelled form elements usable by keyboard: which metrics
 * are charted (every metric of the experiment, in relevance order), the x axis, the y scale and
 * range (spikes or outliers left out), smoothing and, when the table groups runs, the groups' band.
 */
import { useId } from 'react';
import { BANDS, type Band } from '../../lib/charts/groups.ts';
import { Choice, SmoothingSlider, XAxisChoice } from '../charts/ChartInputs.tsx';
import type { LogChoice, PanelChoices, RangeChoice } from './panel-state.ts';
import styles from './ChartPanels.module.css';

const LOG_CHOICES: readonly LogChoice[] = ['auto', 'linear', 'log'];
const LOG_LABELS: Record<LogChoice, string> = { auto: 'Automatic', linear: 'Linear', log: 'Log' };
const RANGE_CHOICES: readonly RangeChoice[] = ['spikes', 'outliers', 'full'];
const RANGE_LABELS: Record<RangeChoice, string> = { spikes: 'Without spikes', outliers: 'Ignore outliers (5–95 %)', full: 'Everything' };
const BAND_LABELS: Record<Band, string> = { std: 'Mean ± std', minmax: 'Min – max' };

export interface PanelControlsProps {
  metrics: readonly { key: string; history: boolean }[];
  choices: PanelChoices;
  grouped: boolean;
  onChange: (patch: Partial<PanelChoices>) => void;
}

export default function PanelControls({ metrics, choices, grouped, onChange }: PanelControlsProps) {
  const id = useId();
  const toggle = (key: string, on: boolean) =>
    onChange({ charts: on ? metrics.map((m) => m.key).filter((k) => k === key || choices.charts.includes(k)) : choices.charts.filter((k) => k !== key) });
  return (
    <div className={styles.controls}>
      <details className={styles.picker}>
        <summary>
          Metrics charted: {choices.charts.length} of {metrics.length}
        </summary>
        <fieldset>
          <legend className="visually-hidden">Metrics to chart</legend>
          {metrics.map((m, i) => (
            <label key={m.key} htmlFor={`${id}-m${i}`}>
              <input id={`${id}-m${i}`} type="checkbox" checked={choices.charts.includes(m.key)} onChange={(e) => toggle(m.key, e.currentTarget.checked)} /> {m.key}
              {m.history ? null : <span className={styles.note}> (logged once: bars)</span>}
            </label>
          ))}
        </fieldset>
      </details>
      <fieldset className={styles.options}>
        <legend className="visually-hidden">Chart options</legend>
        <XAxisChoice value={choices.x} onChange={(x) => onChange({ x })} />
        <Choice label="Y scale" value={choices.log} choices={LOG_CHOICES} labels={LOG_LABELS} onChange={(log) => onChange({ log })} />
        <SmoothingSlider value={choices.smooth} onChange={(smooth) => onChange({ smooth })} />
        <Choice label="Y range" value={choices.range} choices={RANGE_CHOICES} labels={RANGE_LABELS} onChange={(range) => onChange({ range })} />
        {grouped ? <Choice label="Band" value={choices.band} choices={BANDS} labels={BAND_LABELS} onChange={(band) => onChange({ band })} /> : null}
      </fieldset>
    </div>
  );
}
