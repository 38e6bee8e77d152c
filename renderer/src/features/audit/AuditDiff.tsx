import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useT } from '../../app/i18n/use-t';
import { useFormat } from '../../app/use-format';

type Values = Record<string, unknown> | null;

/** Epoch-ms timestamps (fields ending in "At") read as dates; everything else as compact JSON. */
function display(key: string, value: unknown, dateTime: (ms: number) => string): string {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'number' && key.endsWith('At') && value > 1e11) return dateTime(value);
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** Before and after side by side, changed fields highlighted. */
export function AuditDiff({ before, after }: { before: Values; after: Values }) {
  const t = useT();
  const format = useFormat();
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  if (keys.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary" sx={{ py: 2 }}>
        {t('audit.diff.none')}
      </Typography>
    );
  }
  return (
    <Box sx={{ py: 1.5 }} data-testid="audit-diff">
      <Table size="small" sx={{ '& td, & th': { fontSize: 13 } }}>
        <TableHead>
          <TableRow>
            <TableCell>{t('audit.diff.field')}</TableCell>
            {before ? <TableCell>{t('audit.diff.before')}</TableCell> : null}
            {after ? <TableCell>{t('audit.diff.after')}</TableCell> : null}
          </TableRow>
        </TableHead>
        <TableBody>
          {keys.map((key) => {
            const was = display(key, before?.[key], format.dateTime);
            const now = display(key, after?.[key], format.dateTime);
            const changed = before !== null && after !== null && was !== now;
            return (
              <TableRow key={key} sx={changed ? { bgcolor: 'action.selected' } : undefined}>
                <TableCell sx={{ fontWeight: 600, whiteSpace: 'nowrap' }}>{key}</TableCell>
                {before ? <TableCell sx={{ wordBreak: 'break-word' }}>{was}</TableCell> : null}
                {after ? (
                  <TableCell sx={{ wordBreak: 'break-word', fontWeight: changed ? 650 : undefined }}>
                    {now}
                  </TableCell>
                ) : null}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Box>
  );
}
