import PaymentsIcon from '@mui/icons-material/Payments';
import RefreshIcon from '@mui/icons-material/Refresh';
import Alert from '@mui/material/Alert';
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
import { PAYMENT_METHODS } from '../../../../shared/contract/scheduler.contract';
import { EmptyState } from '../../app/components/EmptyState';
import { LoadingState } from '../../app/components/LoadingState';
import { call } from '../../app/errors/call';
import { useT } from '../../app/i18n/use-t';
import { useFormat, useTimeZone } from '../../app/use-format';
import { useLoader } from '../../app/use-loader';
import { useCan } from '../session/session-store';
import { todayIn, validDate } from './report-dates';
import { AmountCell, ReportTable } from './ReportTable';

/** Billing payments per day and cashier, methods side by side: what each cashier hands over. */
export function CollectionsTab() {
  const t = useT();
  const format = useFormat();
  const timeZone = useTimeZone();
  const canView = useCan('reports.view');
  const [from, setFrom] = useState(() => todayIn(timeZone).monthStart);
  const [to, setTo] = useState(() => todayIn(timeZone).today);
  const range = validDate(from) && validDate(to) ? { from, to } : null;
  const backwards = range !== null && range.from > range.to;

  const { data, loading, reload } = useLoader(JSON.stringify([range, canView]), async () => {
    if (!range || backwards || !canView) return null;
    const result = await call('billing.reports.collections', range);
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
          label={t('reports.collections.from')}
          value={from}
          onChange={(event) => setFrom(event.target.value)}
          slotProps={{
            inputLabel: { shrink: true },
            htmlInput: { 'data-testid': 'collections-from', max: to },
          }}
        />
        <TextField
          size="small"
          type="date"
          sx={{ width: 190 }}
          label={t('reports.collections.to')}
          value={to}
          error={backwards}
          onChange={(event) => setTo(event.target.value)}
          slotProps={{
            inputLabel: { shrink: true },
            htmlInput: { 'data-testid': 'collections-to', min: from },
          }}
        />
        <Button
          startIcon={<RefreshIcon />}
          onClick={reload}
          disabled={backwards}
          data-testid="collections-refresh"
        >
          {t('reports.refresh')}
        </Button>
      </Box>
      {backwards ? <Alert severity="warning">{t('reports.collections.badRange')}</Alert> : null}
      {loading && data ? <LinearProgress /> : null}
      {!data || backwards ? (
        loading && !backwards ? (
          <LoadingState />
        ) : null
      ) : data.byCashierDay.length === 0 ? (
        <EmptyState
          icon={<PaymentsIcon />}
          title={t('reports.collections.empty')}
          description={t('reports.collections.emptyHint')}
          testId="collections-empty"
        />
      ) : (
        <ReportTable testId="collections-table">
          <TableHead>
            <TableRow>
              <TableCell>{t('reports.collections.day')}</TableCell>
              <TableCell>{t('reports.collections.cashier')}</TableCell>
              <TableCell align="right">{t('reports.collections.count')}</TableCell>
              {PAYMENT_METHODS.map((method) => (
                <TableCell key={method} align="right">
                  {t(`reports.collections.${method}`)}
                </TableCell>
              ))}
              <TableCell align="right">{t('reports.collections.amount')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.byCashierDay.map((row) => (
              <TableRow key={`${row.day}|${row.userId ?? ''}`} hover data-testid="collections-row">
                <TableCell>{row.day}</TableCell>
                <TableCell>{row.userName || t('reports.collections.unknownCashier')}</TableCell>
                <TableCell align="right">{format.number(row.count)}</TableCell>
                {PAYMENT_METHODS.map((method) => (
                  <AmountCell key={method} amount={row.methods[method]} />
                ))}
                <TableCell align="right" sx={{ fontWeight: 600 }}>
                  {format.rupiah(row.amount)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
          <TableFooter>
            <TableRow>
              <TableCell colSpan={2} sx={{ fontWeight: 700 }}>
                {t('reports.collections.total')}
              </TableCell>
              <TableCell align="right" sx={{ fontWeight: 700 }} data-testid="collections-total-count">
                {format.number(data.totals.count)}
              </TableCell>
              {PAYMENT_METHODS.map((method) => (
                <TableCell
                  key={method}
                  align="right"
                  sx={{ fontWeight: 700 }}
                  data-testid={`collections-total-${method}`}
                >
                  {format.rupiah(data.totals.methods[method])}
                </TableCell>
              ))}
              <TableCell align="right" sx={{ fontWeight: 700 }} data-testid="collections-total-amount">
                {format.rupiah(data.totals.amount)}
              </TableCell>
            </TableRow>
          </TableFooter>
        </ReportTable>
      )}
    </Box>
  );
}
