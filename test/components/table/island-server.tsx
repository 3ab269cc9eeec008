/** Server entry of island.test.ts: renders RunsTable with the same build (and CSS class names) as the browser entry. */
import { renderToString } from 'react-dom/server';
import RunsTable, { type RunsTableProps } from '../../../src/components/table/RunsTable.tsx';

export function render(props: RunsTableProps): string {
  return renderToString(<RunsTable {...props} />);
}
