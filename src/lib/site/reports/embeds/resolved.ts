/** What resolving one embed gives: its view, and the runs behind it. */
import type { Run } from '../../../model.ts';

export interface Resolved<V> {
  view: V;
  /** Runs the embed shows by name (rows, compared runs, chart lines, a value's run): the report cites them. */
  cites: Run[];
  /** Runs only drawn in aggregate (a scatter's dots): the report needs them published, but does not list them. */
  draws?: Run[];
}
