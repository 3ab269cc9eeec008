/**
 * Form controls every chart island shares (run page and compare charts, experiment panels):
 * a labelled select over a fixed set of choices, the x axis choice, and the smoothing slider
 * with its value shown. Labelled elements, usable by keyboard.
 */
import { useId } from 'react';
import { X_AXES, type XAxis } from '../../lib/charts/line-spec.ts';
import { MAX_SMOOTHING } from '../../lib/charts/series.ts';

export const X_AXIS_LABELS: Record<XAxis, string> = { step: 'Step', time: 'Wall time', rel: 'Relative time' };

export interface ChoiceProps<T extends string> {
  label: string;
  value: T;
  choices: readonly T[];
  labels: Readonly<Record<T, string>>;
  onChange: (value: T) => void;
}

export function Choice<T extends string>({ label, value, choices, labels, onChange }: ChoiceProps<T>) {
  return (
    <label>
      {label}{' '}
      <select value={value} onChange={(e) => onChange(e.currentTarget.value as T)}>
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            {labels[choice]}
          </option>
        ))}
      </select>
    </label>
  );
}

export function XAxisChoice({ label = 'X axis', value, onChange }: { label?: string; value: XAxis; onChange: (x: XAxis) => void }) {
  return <Choice label={label} value={value} choices={X_AXES} labels={X_AXIS_LABELS} onChange={onChange} />;
}

export function SmoothingSlider({ value, onChange }: { value: number; onChange: (weight: number) => void }) {
  const id = useId();
  return (
    <>
      <label htmlFor={`${id}-smooth`}>Smoothing</label>
      <input id={`${id}-smooth`} type="range" min={0} max={MAX_SMOOTHING} step={0.01} value={value} onChange={(e) => onChange(Number(e.currentTarget.value))} />
      <output htmlFor={`${id}-smooth`}>{value.toFixed(2)}</output>
    </>
  );
}
