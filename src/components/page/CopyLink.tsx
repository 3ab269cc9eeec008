/**
 * "Copy link": puts the address of the current view on the clipboard and says so. Where the
 * page may not write the clipboard (plain http, a denied permission), the link is shown selected
 * in a box instead, to copy by hand. Messages are announced politely.
 */
import { useId, useRef, useState } from 'react';

export interface CopyLinkProps {
  /** The address of the current view (use-view-address.ts). */
  link: () => string;
  /** Class of the button and the box (the island's look). */
  className?: string;
}

type State = { kind: 'idle' } | { kind: 'copied' } | { kind: 'manual'; url: string };

export function CopyLink({ link, className }: CopyLinkProps) {
  const id = useId();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const box = useRef<HTMLInputElement>(null);
  const copy = async () => {
    const url = link();
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(url);
      setState({ kind: 'copied' });
    } catch {
      setState({ kind: 'manual', url });
      requestAnimationFrame(() => box.current?.select());
    }
  };
  return (
    <span className={className}>
      <button type="button" onClick={() => void copy()} aria-describedby={`${id}-said`}>
        Copy link
      </button>
      <span id={`${id}-said`} aria-live="polite">
        {state.kind === 'copied' ? ' Link to this view copied.' : null}
      </span>
      {state.kind === 'manual' ? (
        <label>
          {' '}
          Copy this link:{' '}
          <input ref={box} type="text" readOnly value={state.url} onFocus={(e) => e.currentTarget.select()} size={40} />
        </label>
      ) : null}
    </span>
  );
}
