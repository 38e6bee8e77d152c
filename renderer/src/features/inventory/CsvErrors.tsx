import Alert from '@mui/material/Alert';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useT } from '../../app/i18n/use-t';

type RowError = { row: number; field: string; message: string };

/** Every bad row of a CSV, so the file can be fixed in one go (nothing was imported). */
export function CsvErrors({ errors, testId }: { errors: readonly RowError[]; testId: string }) {
  const t = useT();
  if (errors.length === 0) return null;
  return (
    <>
      <Alert severity="error" sx={{ mb: 1 }}>
        {t('csv.errors', { count: errors.length })}
      </Alert>
      <TableContainer sx={{ maxHeight: 320 }}>
        <Table size="small" stickyHeader data-testid={testId}>
          <TableHead>
            <TableRow>
              <TableCell>{t('csv.row')}</TableCell>
              <TableCell>{t('csv.field')}</TableCell>
              <TableCell>{t('csv.message')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {errors.map((error, index) => (
              <TableRow key={`${error.row}-${error.field}-${index}`}>
                <TableCell>{error.row}</TableCell>
                <TableCell sx={{ fontFamily: 'ui-monospace, monospace' }}>{error.field}</TableCell>
                <TableCell>{error.message}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </>
  );
}
