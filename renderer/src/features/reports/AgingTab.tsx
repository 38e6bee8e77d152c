import RefreshIcon from '@mui/icons-material/Refresh';
import TaskAltIcon from '@mui/icons-material/TaskAlt';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableFooter from '@mui/material/TableFooter';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { AGING_BUCKETS } from '../../../../shared/contract/scheduler.contract';
import { EmptyState } from '../../app/components/EmptyState';
import { LoadingState } from '../../app/components/LoadingState';
import { call } from '../../app/errors/call';
import { useT } from '../../app/i18n/use-t';
import { useFormat, useTimeZone } from '../../app/use-format';
import { useLoader } from '../../app/use-loader';
import { useCan } from '../session/session-store';
import { todayIn, validDate } from './report-dates';
import { AmountCell, ReportTable } from './ReportTable';

/** Open balances per customer, in buckets of days past due, as of a chosen date. */
export function AgingTab() {
  const t = useT();
  const format = useFormat();
  const timeZone = useTimeZone();
  const canView = useCan('reports.view');
  const [asOf, setAsOf] = useState(() => todayIn(timeZone).today);
  const wanted = validDate(asOf);

  const { data, loading, reload } = useLoader(JSON.stringify([wanted, canView]), async () => {
    if (!wanted || !canView) return null;
    const result = await call('billing.reports.aging', { asOf: wanted });
    return result.ok ? result.data : null;
  });

  if (!canView) return <Typography color="text.secondary">{t('reports.noPermission')}</Typography>;

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <TextField
          size="small"
          type="date"
          sx={{ width: 190 }}
          label={t('reports.aging.asOf')}
          value={asOf}
          onChange={(event) => setAsOf(event.target.value)}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'aging-as-of' } }}
        />
        <Button startIcon={<RefreshIcon />} onClick={reload} data-testid="aging-refresh">
          {t('reports.refresh')}
        </Button>
      </Box>
      {loading && data ? <LinearProgress /> : null}
      {!data ? (
        loading ? (
          <LoadingState />
        ) : null
      ) : data.rows.length === 0 ? (
        <EmptyState
          icon={<TaskAltIcon />}
          title={t('reports.aging.empty')}
          description={t('reports.aging.emptyHint')}
          testId="aging-empty"
        />
      ) : (
        <>
          <ReportTable testId="aging-table">
            <TableHead>
              <TableRow>
                <TableCell>{t('reports.aging.customer')}</TableCell>
                {AGING_BUCKETS.map((bucket) => (
                  <TableCell key={bucket} align="right">
                    {t(`reports.aging.${bucket}`)}
                  </TableCell>
                ))}
                <TableCell align="right">{t('reports.aging.total')}</TableCell>
                <TableCell align="right">{t('reports.aging.invoices')}</TableCell>
                <TableCell>{t('reports.aging.oldestDue')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.rows.map((row) => (
                <TableRow key={row.customerId} hover data-testid={`aging-row-${row.customerCode}`}>
                  <TableCell>
                    <Typography variant="body2" sx={{ fontWeight: 600 }}>
                      {row.customerName}
                    </Typography>
                    <Typography variant="caption" color="text.secondary">
                      {row.customerCode}
                    </Typography>
                  </TableCell>
                  {AGING_BUCKETS.map((bucket) => (
                    <AmountCell key={bucket} amount={row[bucket]} />
                  ))}
                  <TableCell align="right" sx={{ fontWeight: 600 }}>
                    {format.rupiah(row.total)}
                  </TableCell>
                  <TableCell align="right">{format.number(row.invoices)}</TableCell>
                  <TableCell>{row.oldestDueDate}</TableCell>
                </TableRow>
              ))}
            </TableBody>
            <TableFooter>
              <TableRow>
                <TableCell sx={{ fontWeight: 700 }}>{t('reports.aging.totals')}</TableCell>
                {AGING_BUCKETS.map((bucket) => (
                  <TableCell
                    key={bucket}
                    align="right"
                    sx={{ fontWeight: 700 }}
                    data-testid={`aging-total-${bucket}`}
                  >
                    {format.rupiah(data.totals[bucket])}
                  </TableCell>
                ))}
                <TableCell align="right" sx={{ fontWeight: 700 }} data-testid="aging-total-total">
                  {format.rupiah(data.totals.total)}
                </TableCell>
                <TableCell align="right" sx={{ fontWeight: 700 }}>
                  {format.number(data.totals.invoices)}
                </TableCell>
                <TableCell />
              </TableRow>
            </TableFooter>
          </ReportTable>
          {data.customers > data.rows.length ? (
            <Typography variant="caption" color="text.secondary" data-testid="aging-shown">
              {t('reports.aging.shown', {
                shown: format.number(data.rows.length),
                total: format.number(data.customers),
              })}
            </Typography>
          ) : null}
        </>
      )}
    </Box>
  );
}
