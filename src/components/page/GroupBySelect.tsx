/**
 * "Group by": a labelled select of the param and tag keys runs can be grouped by (the runs table
 * and the compare page), values `params.<key>` / `tags.<key>` (src/lib/analyze/groups.ts). A
 * value the lists do not hold (restored from an address before the runs arrived) stays listed.
 */
import { useId } from 'react';
import { groupKeyText, parseGroupKey } from '../../lib/analyze/groups.ts';

export interface GroupBySelectProps {
  value: string | undefined;
  params: readonly string[];
  tags: readonly string[];
  onChange: (value: string | undefined) => void;
  className?: string;
}

export function GroupBySelect({ value, params, tags, onChange, className }: GroupBySelectProps) {
  const id = useId();
  const key = value === undefined ? undefined : parseGroupKey(value);
  const listed = key && !(key.source === 'params' ? params : tags).includes(key.key);
  return (
    <span className={className}>
      <label htmlFor={id}>Group by</label>{' '}
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.currentTarget.value === '' ? undefined : e.currentTarget.value)}>
        <option value="">No grouping</option>
        {listed && value !== undefined ? <option value={value}>{value}</option> : null}
        {(['params', 'tags'] as const).map((source) => {
          const keys = source === 'params' ? params : tags;
          return keys.length === 0 ? null : (
            <optgroup key={source} label={source === 'params' ? 'Params' : 'Tags'}>
              {keys.map((k) => {
                const text = groupKeyText({ source, key: k });
                return (
                  <option key={k} value={text}>
                    {text}
                  </option>
                );
              })}
            </optgroup>
          );
        })}
      </select>
    </span>
  );
}
