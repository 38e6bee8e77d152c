import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import type { Shift } from '../../../../shared/contract/index';
import type { FieldErrors } from '../../../../shared/domain/errors';
import { ConfirmDialog } from '../../app/components/ConfirmDialog';
import { IntegerField } from '../../app/components/IntegerField';
import { MoneyField } from '../../app/components/MoneyField';
import { call } from '../../app/errors/call';
import { notify } from '../../app/errors/notifier-store';
import { useT } from '../../app/i18n/use-t';
import { useFormat } from '../../app/use-format';
import { useSettingsStore } from '../settings/settings-store';
import { usePosStore } from './pos-store';
import { DENOMINATIONS, ShiftReportView, varianceColor, type ShiftReport } from './ShiftReportView';

type View = 'overview' | 'cash' | 'report' | 'close' | 'closed';

function CashMoveForm({ onDone }: { onDone(shift: Shift): void }) {
  const t = useT();
  const [kind, setKind] = useState<'cash_in' | 'cash_out'>('cash_in');
  const [amount, setAmount] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!amount) found.amount = t('validation.required');
    if (reason.trim().length < 3) found.reason = t('validation.reason');
    setErrors(found);
    if (Object.keys(found).length > 0 || !amount) return;
    setBusy(true);
    const result = await call(
      'pos.shifts.cashMove',
      { kind, amount, reason: reason.trim() },
      { form: ['amount', 'reason'] },
    );
    setBusy(false);
    if (!result.ok) {
      setErrors(result.fields);
      return;
    }
    notify(t(kind === 'cash_in' ? 'shift.cashInDone' : 'shift.cashOutDone'), 'success');
    onDone(result.data);
  };

  return (
    <Box component="form" noValidate onSubmit={(event) => void submit(event)}>
      <Stack spacing={2}>
        <ToggleButtonGroup
          exclusive
          fullWidth
          value={kind}
          onChange={(_event, next: typeof kind | null) => next && setKind(next)}
        >
          <ToggleButton value="cash_in" data-testid="shift-cash-in">
            {t('shift.cashIn')}
          </ToggleButton>
          <ToggleButton value="cash_out" data-testid="shift-cash-out">
            {t('shift.cashOut')}
          </ToggleButton>
        </ToggleButtonGroup>
        <MoneyField
          label={t('shift.amount')}
          value={amount}
          onChange={setAmount}
          autoFocus
          error={Boolean(errors.amount)}
          helperText={errors.amount}
          testId="shift-cash-amount"
        />
        <TextField
          label={t('shift.reason')}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          error={Boolean(errors.reason)}
          helperText={errors.reason ?? t('shift.reasonHelp')}
          slotProps={{ htmlInput: { maxLength: 200, 'data-testid': 'shift-cash-reason' } }}
        />
        <Button type="submit" variant="contained" disabled={busy} data-testid="shift-cash-submit">
          {t('common.save')}
        </Button>
      </Stack>
    </Box>
  );
}

function DenominationCount({ onClosed }: { onClosed(report: ShiftReport): void }) {
  const t = useT();
  const format = useFormat();
  const [counts, setCounts] = useState<Record<number, number | null>>({});
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState(false);
  const counted = DENOMINATIONS.reduce((sum, value) => sum + value * (counts[value] ?? 0), 0);

  const close = async () => {
    const denominations = Object.fromEntries(
      DENOMINATIONS.filter((value) => (counts[value] ?? 0) > 0).map((value) => [
        String(value),
        counts[value] ?? 0,
      ]),
    );
    const result = await call('pos.shifts.close', { denominations, note: note.trim() });
    setConfirming(false);
    if (result.ok) onClosed(result.data);
  };

  return (
    <Box>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {t('shift.countHint')}
      </Typography>
      <Table size="small" data-testid="shift-denominations">
        <TableHead>
          <TableRow>
            <TableCell>{t('shift.denomination')}</TableCell>
            <TableCell align="center">{t('shift.pieces')}</TableCell>
            <TableCell align="right">{t('shift.subtotal')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {DENOMINATIONS.map((value) => (
            <TableRow key={value}>
              <TableCell sx={{ fontWeight: 600 }}>{format.rupiah(value)}</TableCell>
              <TableCell align="center" sx={{ width: 120 }}>
                <IntegerField
                  size="small"
                  value={counts[value] ?? null}
                  onChange={(count) => setCounts((current) => ({ ...current, [value]: count }))}
                  max={100_000}
                  testId={`shift-count-${value}`}
                  aria-label={format.rupiah(value)}
                />
              </TableCell>
              <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                {format.rupiah(value * (counts[value] ?? 0))}
              </TableCell>
            </TableRow>
          ))}
          <TableRow>
            <TableCell colSpan={2} sx={{ fontWeight: 700 }}>
              {t('shift.counted')}
            </TableCell>
            <TableCell align="right" sx={{ fontWeight: 800 }} data-testid="shift-counted-total">
              {format.rupiah(counted)}
            </TableCell>
          </TableRow>
        </TableBody>
      </Table>
      <TextField
        label={t('shift.note')}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        sx={{ mt: 2 }}
        slotProps={{ htmlInput: { maxLength: 500, 'data-testid': 'shift-close-note' } }}
      />
      <Button
        variant="contained"
        color="error"
        fullWidth
        sx={{ mt: 2 }}
        onClick={() => setConfirming(true)}
        data-testid="shift-close-submit"
      >
        {t('shift.close')}
      </Button>
      <ConfirmDialog
        open={confirming}
        title={t('shift.closeConfirmTitle')}
        body={t('shift.closeConfirmBody', { amount: format.rupiah(counted) })}
        confirmLabel={t('shift.close')}
        danger
        testId="shift-close-confirm"
        onClose={() => setConfirming(false)}
        onConfirm={close}
      />
    </Box>
  );
}

/** The shift panel: drawer cash in/out, the X report, and closing with a count by denomination. */
export function ShiftDialog({ shift, onClose }: { shift: Shift; onClose(): void }) {
  const t = useT();
  const format = useFormat();
  const branchName = useSettingsStore((state) => state.settings?.branchName ?? '');
  const warehouses = usePosStore((state) => state.warehouses);
  const [view, setView] = useState<View>('overview');
  const [report, setReport] = useState<ShiftReport | null>(null);
  const warehouse = warehouses.find((candidate) => candidate.id === shift.warehouseId);

  const showX = async () => {
    const result = await call('pos.shifts.report', {});
    if (result.ok) {
      setReport(result.data);
      setView('report');
    }
  };

  const finish = () => {
    if (view === 'closed') usePosStore.getState().setShift(null);
    onClose();
  };

  const title: Record<View, string> = {
    overview: t('shift.title', { number: shift.number }),
    cash: t('shift.cashMove'),
    report: t('shift.report.x'),
    close: t('shift.closeTitle'),
    closed: t('shift.closedTitle'),
  };

  return (
    <Dialog open onClose={finish} maxWidth="sm" fullWidth disableRestoreFocus data-testid="pos-shift-dialog">
      <DialogTitle sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        {view !== 'overview' && view !== 'closed' ? (
          <IconButton size="small" onClick={() => setView('overview')} aria-label={t('common.back')}>
            <ArrowBackIcon fontSize="small" />
          </IconButton>
        ) : null}
        {title[view]}
      </DialogTitle>
      {/* Keyed by view: each step starts at its top, not where the previous one was scrolled to. */}
      <DialogContent dividers key={view}>
        {view === 'overview' ? (
          <Stack spacing={2}>
            <Table size="small">
              <TableBody>
                <TableRow>
                  <TableCell sx={{ pl: 0 }}>{t('shift.cashier')}</TableCell>
                  <TableCell align="right">{shift.cashier}</TableCell>
                </TableRow>
                <TableRow>
                  <TableCell sx={{ pl: 0 }}>{t('pos.shift.warehouse')}</TableCell>
                  <TableCell align="right">
                    {warehouse ? `${warehouse.code} — ${warehouse.name}` : '–'}
                  </TableCell>
                </TableRow>
                <TableRow>
                  <TableCell sx={{ pl: 0 }}>{t('shift.openedAt')}</TableCell>
                  <TableCell align="right">{format.dateTime(shift.openedAt)}</TableCell>
                </TableRow>
                <TableRow>
                  <TableCell sx={{ pl: 0 }}>{t('shift.report.float')}</TableCell>
                  <TableCell align="right">{format.rupiah(shift.openingFloat)}</TableCell>
                </TableRow>
                <TableRow>
                  <TableCell sx={{ pl: 0, fontWeight: 700 }}>{t('shift.expected')}</TableCell>
                  <TableCell align="right" sx={{ fontWeight: 700 }} data-testid="shift-expected">
                    {format.rupiah(shift.expectedCash)}
                  </TableCell>
                </TableRow>
              </TableBody>
            </Table>
            <Box sx={{ display: 'grid', gap: 1, gridTemplateColumns: 'repeat(3, 1fr)' }}>
              <Button variant="outlined" onClick={() => setView('cash')} data-testid="shift-open-cash">
                {t('shift.cashMove')}
              </Button>
              <Button variant="outlined" onClick={() => void showX()} data-testid="shift-open-x">
                {t('shift.report.x')}
              </Button>
              <Button
                variant="contained"
                color="error"
                onClick={() => setView('close')}
                data-testid="shift-open-close"
              >
                {t('shift.closeTitle')}
              </Button>
            </Box>
          </Stack>
        ) : null}
        {view === 'cash' ? (
          <CashMoveForm
            onDone={(next) => {
              usePosStore.getState().setShift(next);
              setView('overview');
            }}
          />
        ) : null}
        {view === 'report' && report ? <ShiftReportView report={report} branchName={branchName} /> : null}
        {view === 'close' ? (
          <DenominationCount
            onClosed={(closed) => {
              setReport(closed);
              setView('closed');
            }}
          />
        ) : null}
        {view === 'closed' && report ? (
          <Stack spacing={2}>
            <Box
              sx={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: 1, textAlign: 'center' }}
              data-testid="shift-closed-summary"
            >
              <Box>
                <Typography variant="caption" color="text.secondary">
                  {t('shift.expected')}
                </Typography>
                <Typography variant="h6" sx={{ fontWeight: 800 }} data-testid="shift-closed-expected">
                  {format.rupiah(report.shift.expectedCash)}
                </Typography>
              </Box>
              <Box>
                <Typography variant="caption" color="text.secondary">
                  {t('shift.counted')}
                </Typography>
                <Typography variant="h6" sx={{ fontWeight: 800 }} data-testid="shift-closed-counted">
                  {format.rupiah(report.shift.countedCash ?? 0)}
                </Typography>
              </Box>
              <Box>
                <Typography variant="caption" color="text.secondary">
                  {t('shift.variance')}
                </Typography>
                <Typography
                  variant="h6"
                  sx={{ fontWeight: 800, color: varianceColor(report.shift.variance ?? 0) }}
                  data-testid="shift-closed-variance"
                  data-variance={report.shift.variance ?? 0}
                >
                  {(report.shift.variance ?? 0) > 0 ? '+' : (report.shift.variance ?? 0) < 0 ? '−' : ''}
                  {format.rupiah(Math.abs(report.shift.variance ?? 0))}
                </Typography>
              </Box>
            </Box>
            {(report.shift.variance ?? 0) !== 0 ? (
              <Alert severity={(report.shift.variance ?? 0) < 0 ? 'error' : 'warning'}>
                {t((report.shift.variance ?? 0) < 0 ? 'shift.short' : 'shift.over')}
              </Alert>
            ) : (
              <Alert severity="success">{t('shift.balanced')}</Alert>
            )}
            <ShiftReportView report={report} branchName={branchName} />
          </Stack>
        ) : null}
      </DialogContent>
      <DialogActions sx={{ px: 3, py: 1.5 }}>
        <Button onClick={finish} data-testid="shift-dialog-close">
          {view === 'closed' ? t('shift.done') : t('common.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
