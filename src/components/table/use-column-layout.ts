/**
 * The runs table's column layout as state (column-layout.ts): the page's default (build-time
 * choice), changes by the reader (remembered for the experiment, column-memory.ts), and a layout
 * restored from the address or the memory (not remembered again: opening a shared link does not
 * overwrite one's own choice).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ATTRIBUTES, type Attribute } from '../../lib/site/table-data.ts';
import { browserStorage, rememberColumns } from './column-memory.ts';
import { layoutEntries, layoutFromEntries, normalLayout, resizeColumn, sameLayout, toggleColumn, type AvailableKeys, type ColumnLayout } from './column-layout.ts';

export interface LayoutInput {
  base: string;
  experimentId: string;
  available: AvailableKeys;
  defaults: { metrics: readonly string[]; params: readonly string[]; attributes?: readonly Attribute[] | undefined };
  primary: string | undefined;
}

export interface LayoutState {
  layout: ColumnLayout;
  /** The layout is the page's default (the address leaves it out). */
  isDefault: boolean;
  toggle: (id: string, on: boolean) => void;
  resize: (id: string, width: number) => void;
  /** Takes a layout from entries (address or memory). */
  restore: (entries: readonly string[]) => void;
}

export function useColumnLayout({ base, experimentId, available, defaults, primary }: LayoutInput): LayoutState {
  // The defaults come from the page's props, which do not change while it is open.
  const initial = useMemo(() => normalLayout({ ...defaults, attributes: defaults.attributes ?? ATTRIBUTES }, available, primary), []);
  const [layout, setLayout] = useState(initial);
  const [changed, setChanged] = useState(0);

  // Writing a few hundred bytes to localStorage is cheap enough to do on every change, even while dragging.
  useEffect(() => {
    if (changed > 0) rememberColumns(browserStorage(), base, experimentId, layoutEntries(layout));
  }, [changed, layout, base, experimentId]);

  const toggle = useCallback((id: string, on: boolean) => {
    setLayout((current) => toggleColumn(current, id, on));
    setChanged((n) => n + 1);
  }, []);
  const resize = useCallback((id: string, width: number) => {
    setLayout((current) => resizeColumn(current, id, width));
    setChanged((n) => n + 1);
  }, []);
  const restore = useCallback((entries: readonly string[]) => setLayout(layoutFromEntries(entries, available, primary)), [available, primary]);

  return { layout, isDefault: sameLayout(layout, initial), toggle, resize, restore };
}
