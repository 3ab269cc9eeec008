import type { SnapshotWarning } from '../model.ts';

/**
 * Collects the defects a reader stepped over. Readers never print: they record a warning naming
 * the store-relative path and what was done ("run skipped", "line ignored"), and the CLI decides
 * how to show them.
 */
export class Warnings {
  readonly list: SnapshotWarning[] = [];
  /** Prefix for every path: the store's label, so merged stores stay apart. */
  readonly label: string;
  constructor(label: string) {
    this.label = label;
  }

  add(path: string, message: string): void {
    this.list.push({ path: path ? `${this.label}/${path}` : this.label, message });
  }
}
