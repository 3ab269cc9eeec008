/**
 * Which columns the table shows: a disclosure button (`aria-expanded`) opening a panel of
 * labelled checkboxes in three groups (Metrics, Params, Attributes), with a box to narrow long
 * key lists; columns that read the same in every run say so. Keys are shown as text only; they
 * may hold any character. Escape closes the panel and returns focus to the button. The list is
 * rendered only while open (an experiment may have thousands of keys).
 */
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { ATTRIBUTES, columnIds } from '../../lib/site/table-data.ts';
import { isShown, type AvailableKeys, type ColumnLayout } from './column-layout.ts';
import { attributeLabel } from './columns.ts';
import styles from './RunsTable.module.css';

export interface ColumnPickerProps {
  available: AvailableKeys;
  layout: ColumnLayout;
  /** Why a column tells no run apart (`unknown in every run`), by column id. */
  reasons: ReadonlyMap<string, string>;
  onToggle: (id: string, on: boolean) => void;
}

interface Option {
  id: string;
  label: string;
}

export function ColumnPicker({ available, layout, reasons, onToggle }: ColumnPickerProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [narrow, setNarrow] = useState('');
  const button = useRef<HTMLButtonElement>(null);
  const count = layout.metrics.length + layout.params.length + layout.attributes.length;
  const close = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    setOpen(false);
    button.current?.focus();
  };
  const groups: { legend: string; options: Option[] }[] = [
    { legend: 'Metrics', options: available.metrics.map((key) => ({ id: columnIds.metric(key), label: key })) },
    { legend: 'Params', options: available.params.map((key) => ({ id: columnIds.param(key), label: key })) },
    { legend: 'Attributes', options: ATTRIBUTES.map((a) => ({ id: columnIds.attribute(a), label: attributeLabel(a) })) },
  ];
  return (
    <div className={styles.picker}>
      <button ref={button} type="button" aria-expanded={open} aria-controls={`${id}-panel`} onClick={() => setOpen(!open)}>
        Columns ({count})
      </button>
      <div id={`${id}-panel`} className={styles.pickerPanel} hidden={!open} onKeyDown={close}>
        {open ? (
          <>
            <label className={styles.field}>
              <span>Find a column</span>
              <input type="search" value={narrow} onChange={(e) => setNarrow(e.currentTarget.value)} autoComplete="off" spellCheck={false} />
            </label>
            {groups.map((group) => (
              <OptionList key={group.legend} {...group} layout={layout} reasons={reasons} narrow={narrow} onToggle={onToggle} />
            ))}
          </>
        ) : null}
      </div>
    </div>
  );
}

interface OptionListProps {
  legend: string;
  options: readonly Option[];
  layout: ColumnLayout;
  reasons: ReadonlyMap<string, string>;
  narrow: string;
  onToggle: ColumnPickerProps['onToggle'];
}

function OptionList({ legend, options, layout, reasons, narrow, onToggle }: OptionListProps) {
  const needle = narrow.trim().toLowerCase();
  const shown = needle === '' ? options : options.filter((o) => o.label.toLowerCase().includes(needle));
  const chosen = options.filter((o) => isShown(layout, o.id)).length;
  return (
    <fieldset className={styles.keyList}>
      <legend>
        {legend} ({chosen} of {options.length})
      </legend>
      {shown.length === 0 ? <p className={styles.muted}>{options.length === 0 ? 'None logged.' : 'No column matches.'}</p> : null}
      {shown.map((option) => {
        const reason = reasons.get(option.id);
        return (
          <label key={option.id} className={styles.keyOption}>
            <input type="checkbox" checked={isShown(layout, option.id)} onChange={(e) => onToggle(option.id, e.currentTarget.checked)} />
            <span>{option.label}</span>
            {reason ? <span className={styles.muted}> ({reason})</span> : null}
          </label>
        );
      })}
    </fieldset>
  );
}
