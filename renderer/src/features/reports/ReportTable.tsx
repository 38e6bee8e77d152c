import Table from '@mui/material/Table';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import type { ReactNode } from 'react';
import { useFormat } from '../../app/use-format';

/** A compact report table whose cells do not wrap. */
export function ReportTable({ testId, children }: { testId: string; children: ReactNode }) {
  return (
    <TableContainer sx={{ '& td, & th': { whiteSpace: 'nowrap' } }}>
      <Table size="small" data-testid={testId}>
        {children}
      </Table>
    </TableContainer>
  );
}

/** A rupiah amount in a report row; nothing shows as a dimmed dash. */
export function AmountCell({ amount }: { amount: number }) {
  const format = useFormat();
  return (
    <TableCell align="right" sx={{ color: amount ? undefined : 'text.disabled' }}>
      {amount ? format.rupiah(amount) : '–'}
    </TableCell>
  );
}
