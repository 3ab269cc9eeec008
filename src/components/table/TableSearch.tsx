/** The runs table's two search boxes: the MLflow filter and the MLflow order-by (use-table-view.ts). */
import styles from './RunsTable.module.css';
import { SearchField } from './SearchField.tsx';
import type { SearchBox } from './use-table-view.ts';

export function TableSearch({ filter, orderBy }: { filter: SearchBox; orderBy: SearchBox }) {
  return (
    <div className={styles.toolbar}>
      <SearchField
        wide
        label="Filter"
        value={filter.text}
        onChange={filter.setText}
        placeholder="metrics.acc > 0.9 AND params.model = 'rf'"
        hint="MLflow search syntax; backticks for keys with / or spaces: metrics.`val/loss` < 0.2"
        error={filter.error}
      />
      <SearchField
        label="Order by"
        value={orderBy.text}
        onChange={orderBy.setText}
        placeholder="metrics.acc DESC"
        hint="MLflow order_by clauses, comma-separated; or click a column header"
        error={orderBy.error}
      />
    </div>
  );
}
