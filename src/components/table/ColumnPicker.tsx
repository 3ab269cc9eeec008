/**
 * Which metric and param columns the table shows: a disclosure button (`aria-expanded`) opening
 * a panel of labelled checkboxes, one per key, with a box to narrow long key lists. Keys are
 * shown as text only; they may hold any character. Escape closes the panel and returns focus to
 * the button. The list is rendered only while open (an experiment may have thousands of keys).
 */
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import type { ColumnChoice } from './columns.ts';
import styles from './RunsTable.module.css';

export interface ColumnPickerProps {
  available: ColumnChoice;
  chosen: ColumnChoice;
  onToggle: (group: 'metrics' | 'params', key: string, on: boolean) => void;
}

export function ColumnPicker({ available, chosen, onToggle }: ColumnPickerProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [narrow, setNarrow] = useState('');
  const button = useRef<HTMLButtonElement>(null);
  const count = chosen.metrics.length + chosen.params.length;
  const close = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    setOpen(false);
    button.current?.focus();
  };
  return (
    <div className={styles.picker}>
      <button ref={button} type="button" aria-expanded={open} aria-controls={`${id}-panel`} onClick={() => setOpen(!open)}>
        Columns ({count})
      </button>
      <div id={`${id}-panel`} className={styles.pickerPanel} hidden={!open} onKeyDown={close}>
        {open ? (
          <>
            <label className={styles.field}>
              <span>Find a key</span>
              <input type="search" value={narrow} onChange={(e) => setNarrow(e.currentTarget.value)} autoComplete="off" spellCheck={false} />
            </label>
            <KeyList legend="Metrics" group="metrics" keys={available.metrics} chosen={chosen.metrics} narrow={narrow} onToggle={onToggle} />
            <KeyList legend="Params" group="params" keys={available.params} chosen={chosen.params} narrow={narrow} onToggle={onToggle} />
          </>
        ) : null}
      </div>
    </div>
  );
}

interface KeyListProps {
  legend: string;
  group: 'metrics' | 'params';
  keys: readonly string[];
  chosen: readonly string[];
  narrow: string;
  onToggle: ColumnPickerProps['onToggle'];
}

function KeyList({ legend, group, keys, chosen, narrow, onToggle }: KeyListProps) {
  const on = new Set(chosen);
  const needle = narrow.trim().toLowerCase();
  const shown = needle === '' ? keys : keys.filter((k) => k.toLowerCase().includes(needle));
  return (
    <fieldset className={styles.keyList}>
      <legend>
        {legend} ({chosen.length} of {keys.length})
      </legend>
      {shown.length === 0 ? <p className={styles.muted}>{keys.length === 0 ? 'None logged.' : 'No key matches.'}</p> : null}
      {shown.map((key) => (
        <label key={key} className={styles.keyOption}>
          <input type="checkbox" checked={on.has(key)} onChange={(e) => onToggle(group, key, e.currentTarget.checked)} />
          <span>{key}</span>
        </label>
      ))}
    </fieldset>
  );
}
