/**
 * The chart panels' shared controls, labelled form elements usable by keyboard: which metrics
 * are charted (every metric of the experiment, in relevance order), the x axis, the y scale and
 * range (spikes or outliers left out), smoothing and, when the table groups runs, the groups' band.
 */
import { useId } from 'react';
import { BANDS, type Band } from '../../lib/charts/groups.ts';
import { X_AXES, type XAxis } from '../../lib/charts/line-spec.ts';
import { MAX_SMOOTHING, type LogChoice, type PanelChoices, type RangeChoice } from './panel-state.ts';
import styles from './ChartPanels.module.css';

const X_LABELS: Record<XAxis, string> = { step: 'Step', time: 'Wall time', rel: 'Relative time' };
const LOG_LABELS: Record<LogChoice, string> = { auto: 'Automatic', linear: 'Linear', log: 'Log' };
const BAND_LABELS: Record<Band, string> = { std: 'Mean ± std', minmax: 'Min – max' };
const RANGE_LABELS: Record<RangeChoice, string> = { spikes: 'Without spikes', outliers: 'Ignore outliers (5–95 %)', full: 'Everything' };

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
        <label>
          X axis{' '}
          <select value={choices.x} onChange={(e) => onChange({ x: e.currentTarget.value as XAxis })}>
            {X_AXES.map((x) => (
              <option key={x} value={x}>
                {X_LABELS[x]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Y scale{' '}
          <select value={choices.log} onChange={(e) => onChange({ log: e.currentTarget.value as LogChoice })}>
            {(Object.keys(LOG_LABELS) as LogChoice[]).map((log) => (
              <option key={log} value={log}>
                {LOG_LABELS[log]}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={`${id}-smooth`}>Smoothing</label>
        <input
          id={`${id}-smooth`}
          type="range"
          min={0}
          max={MAX_SMOOTHING}
          step={0.01}
          value={choices.smooth}
          onChange={(e) => onChange({ smooth: Number(e.currentTarget.value) })}
        />
        <output htmlFor={`${id}-smooth`}>{choices.smooth.toFixed(2)}</output>
        <label>
          Y range{' '}
          <select value={choices.range} onChange={(e) => onChange({ range: e.currentTarget.value as RangeChoice })}>
            {(Object.keys(RANGE_LABELS) as RangeChoice[]).map((range) => (
              <option key={range} value={range}>
                {RANGE_LABELS[range]}
              </option>
            ))}
          </select>
        </label>
        {grouped ? (
          <label>
            Band{' '}
            <select value={choices.band} onChange={(e) => onChange({ band: e.currentTarget.value as Band })}>
              {BANDS.map((band) => (
                <option key={band} value={band}>
                  {BAND_LABELS[band]}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </fieldset>
    </div>
  );
}
