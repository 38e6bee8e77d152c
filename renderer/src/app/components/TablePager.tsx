import TablePagination from '@mui/material/TablePagination';
import { useT } from '../i18n/use-t';

type TablePagerProps = {
  count: number;
  page: number;
  rowsPerPage: number;
  onPageChange(page: number): void;
  onRowsPerPageChange?(rows: number): void;
  options?: number[];
};

/** Server-side pages: only one page of rows ever crosses IPC. */
export function TablePager({
  count,
  page,
  rowsPerPage,
  onPageChange,
  onRowsPerPageChange,
  options = [25, 50, 100],
}: TablePagerProps) {
  const t = useT();
  return (
    <TablePagination
      component="div"
      count={count}
      page={page}
      rowsPerPage={rowsPerPage}
      rowsPerPageOptions={onRowsPerPageChange ? options : [rowsPerPage]}
      onPageChange={(_event, next) => onPageChange(next)}
      onRowsPerPageChange={(event) => onRowsPerPageChange?.(Number(event.target.value))}
      labelRowsPerPage={t('common.rowsPerPage')}
      labelDisplayedRows={({ from, to, count: total }) => t('common.pageRange', { from, to, count: total })}
      getItemAriaLabel={(type) => t(`common.page.${type}`)}
    />
  );
}
