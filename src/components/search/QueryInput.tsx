/**
 * The labelled search box of the site search and the compare picker: a search input that asks
 * for the runs index on first focus or keystroke, with a live status line under it.
 */
import type { RefObject } from 'react';

export interface QueryInputProps {
  id: string;
  label: string;
  placeholder: string;
  value: string;
  status: string;
  inputRef: RefObject<HTMLInputElement | null>;
  /** Called on focus and on every change: loads the runs index when it is not there yet. */
  onWant: () => void;
  onChange: (value: string) => void;
  classes: { label?: string | undefined; input?: string | undefined; status?: string | undefined };
}

export function QueryInput({ id, label, placeholder, value, status, inputRef, onWant, onChange, classes }: QueryInputProps) {
  return (
    <>
      <label htmlFor={`${id}-q`} className={classes.label}>
        {label}
      </label>
      <input
        ref={inputRef}
        id={`${id}-q`}
        type="search"
        className={classes.input}
        value={value}
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        aria-describedby={`${id}-status`}
        onFocus={onWant}
        onChange={(e) => {
          onWant();
          onChange(e.currentTarget.value);
        }}
      />
      <p id={`${id}-status`} role="status" className={classes.status}>
        {status}
      </p>
    </>
  );
}
