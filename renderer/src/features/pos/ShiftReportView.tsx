import PrintIcon from '@mui/icons-material/Print';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { ThemeProvider } from '@mui/material/styles';
import { useMemo, useRef } from 'react';
import type { ChannelOutput } from '../../../../shared/contract/index';
import { useT } from '../../app/i18n/use-t';
import { printElement } from '../../app/print';
import { createAppTheme } from '../../app/theme/create-app-theme';
import { useFormat } from '../../app/use-format';
import { methodLabel } from './payment-methods';

export type ShiftReport = ChannelOutput<'pos.shifts.report'>;

export const DENOMINATIONS = [100_000, 50_000, 20_000, 10_000, 5_000, 2_000, 1_000, 500, 200, 100] as const;

/** Green when the drawer matches, red when cash is missing, amber when there is more than expected. */
export function varianceColor(variance: number): 'success.main' | 'error.main' | 'warning.main' {
  if (variance === 0) return 'success.main';
  return variance < 0 ? 'error.main' : 'warning.main';
}

function Row({
  label,
  value,
  testId,
  bold,
  color,
}: {
  label: string;
  value: string;
  testId?: string;
  bold?: boolean;
  color?: string;
}) {
  return (
    <TableRow>
      <TableCell sx={{ pl: 0, fontWeight: bold ? 700 : 400 }}>{label}</TableCell>
      <TableCell
        align="right"
        sx={{ pr: 0, fontWeight: bold ? 700 : 500, color, fontVariantNumeric: 'tabular-nums' }}
        data-testid={testId}
      >
        {value}
      </TableCell>
    </TableRow>
  );
}

/** An X (so far) or Z (closed) report as a printable sheet: always on white paper, in either theme. */
export function ShiftReportView({ report, branchName }: { report: ShiftReport; branchName: string }) {
  const t = useT();
  const format = useFormat();
  const paper = useRef<HTMLDivElement | null>(null);
  const lightTheme = useMemo(() => createAppTheme('light'), []);
  const { shift } = report;
  const signed = (value: number) =>
    `${value > 0 ? '+' : value < 0 ? '−' : ''}${format.rupiah(Math.abs(value))}`;

  return (
    <Box>
      <ThemeProvider theme={lightTheme}>
        <Paper
          ref={paper}
          variant="outlined"
          data-testid={`shift-report-${report.kind}`}
          sx={{ p: 3, bgcolor: '#fff', color: '#111', maxWidth: 520, mx: 'auto' }}
        >
          <Typography variant="overline" sx={{ color: '#555' }}>
            {branchName}
          </Typography>
          <Typography variant="h6" sx={{ fontWeight: 800 }}>
            {t(report.kind === 'X' ? 'shift.report.x' : 'shift.report.z')} · {shift.number}
          </Typography>
          <Typography variant="body2" sx={{ color: '#555', mb: 1.5 }}>
            {shift.cashier} · {format.dateTime(shift.openedAt)}
            {shift.closedAt !== null ? ` – ${format.dateTime(shift.closedAt)}` : ''}
          </Typography>
          <Table size="small">
            <TableBody>
              <Row
                label={t('shift.report.sales')}
                value={format.number(report.salesCount)}
                testId="report-sales-count"
              />
              <Row label={t('shift.report.voids')} value={format.number(report.voidCount)} />
              <Row label={t('shift.report.gross')} value={format.rupiah(report.gross)} />
              <Row label={t('shift.report.discounts')} value={format.rupiah(report.discounts)} />
              <Row label={t('shift.report.ppn')} value={format.rupiah(report.ppn)} />
              <Row label={t('shift.report.refunds')} value={format.rupiah(report.refunds)} />
              <Row label={t('shift.report.net')} value={format.rupiah(report.net)} bold testId="report-net" />
              {report.byMethod.map((entry) => (
                <Row
                  key={entry.method}
                  label={`${t(methodLabel(entry.method))} (${format.number(entry.count)})`}
                  value={format.rupiah(entry.amount)}
                />
              ))}
              <Row label={t('shift.report.float')} value={format.rupiah(shift.openingFloat)} />
              <Row label={t('shift.report.cashIn')} value={format.rupiah(report.cashIn)} />
              <Row label={t('shift.report.cashOut')} value={format.rupiah(report.cashOut)} />
              <Row
                label={t('shift.expected')}
                value={format.rupiah(shift.expectedCash)}
                bold
                testId="report-expected"
              />
              {shift.countedCash !== null ? (
                <Row
                  label={t('shift.counted')}
                  value={format.rupiah(shift.countedCash)}
                  bold
                  testId="report-counted"
                />
              ) : null}
              {shift.variance !== null ? (
                <Row
                  label={t('shift.variance')}
                  value={signed(shift.variance)}
                  bold
                  color={varianceColor(shift.variance)}
                  testId="report-variance"
                />
              ) : null}
            </TableBody>
          </Table>
          {report.denominations ? (
            <Box sx={{ mt: 2 }}>
              <Typography variant="subtitle2" sx={{ fontWeight: 700 }}>
                {t('shift.denominations')}
              </Typography>
              <Table size="small">
                <TableBody>
                  {DENOMINATIONS.filter((value) => (report.denominations?.[String(value)] ?? 0) > 0).map(
                    (value) => {
                      const count = report.denominations?.[String(value)] ?? 0;
                      return (
                        <Row
                          key={value}
                          label={`${format.rupiah(value)} × ${format.number(count)}`}
                          value={format.rupiah(value * count)}
                        />
                      );
                    },
                  )}
                </TableBody>
              </Table>
            </Box>
          ) : null}
        </Paper>
      </ThemeProvider>
      <Box sx={{ display: 'flex', justifyContent: 'center', mt: 1.5 }}>
        <Button
          startIcon={<PrintIcon />}
          onClick={() => {
            if (paper.current) printElement(paper.current, `${report.kind} ${shift.number}`);
          }}
          data-testid="shift-report-print"
        >
          {t('shift.report.print')}
        </Button>
      </Box>
    </Box>
  );
}
