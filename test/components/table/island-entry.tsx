/** Browser entry of island.test.ts: hydrates the server-rendered RunsTable as Astro's client:load does. */
import { hydrateRoot } from 'react-dom/client';
import RunsTable, { type RunsTableProps } from '../../../src/components/table/RunsTable.tsx';

const root = document.getElementById('island') as HTMLElement;
const props = JSON.parse(root.dataset.props ?? '{}') as RunsTableProps;
hydrateRoot(root, <RunsTable {...props} />);
