/** Entry of the production bundle render-time.test.ts builds and times (and its type). */
export { createElement } from 'react';
export { renderToString } from 'react-dom/server';
export { TableGrid } from '../../../src/components/table/TableGrid.tsx';
export { keyIndex, tableColumns } from '../../../src/components/table/columns.ts';
export { tableRows } from '../../../src/components/table/state.ts';
export { buildTree } from '../../../src/components/table/tree.ts';
export { rowWindow, ROW_HEIGHT } from '../../../src/components/table/windowing.ts';
