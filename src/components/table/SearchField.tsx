/**
 * A labelled search input with a hint and, under it, the error of what was typed: its one-line
 * message (MLflow's words and the offset) and a caret excerpt. The error region is announced
 * politely; the input is marked invalid while it has an error.
 */
import { useId } from 'react';
import styles from './RunsTable.module.css';
import type { SearchProblem } from './search.ts';

export interface SearchFieldProps {
  label: string;
  value: string;
  onChange: (text: string) => void;
  placeholder: string;
  hint: string;
  error: SearchProblem | undefined;
  wide?: boolean;
}

export function SearchField({ label, value, onChange, placeholder, hint, error, wide }: SearchFieldProps) {
  const id = useId();
  return (
    <div className={wide ? `${styles.searchField} ${styles.wide}` : styles.searchField}>
      <label htmlFor={`${id}-input`}>{label}</label>
      <input
        id={`${id}-input`}
        type="search"
        value={value}
        placeholder={placeholder}
        onChange={(e) => onChange(e.currentTarget.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint ${id}-error`}
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
      />
      <span id={`${id}-hint`} className={styles.hint}>
        {hint}
      </span>
      <div id={`${id}-error`} aria-live="polite">
        {error ? (
          <div className={styles.error}>
            <p>{error.message}</p>
            {error.excerpt ? <pre className={styles.excerpt}>{error.excerpt}</pre> : null}
          </div>
        ) : null}
      </div>
    </div>
  );
}
