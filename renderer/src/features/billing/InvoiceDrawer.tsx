import AddIcon from '@mui/icons-material/Add';
import BlockIcon from '@mui/icons-material/Block';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import PaymentsIcon from '@mui/icons-material/Payments';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import ForwardToInboxIcon from '@mui/icons-material/ForwardToInbox';
import RemoveCircleOutlineIcon from '@mui/icons-material/RemoveCircleOutlined';
import SendIcon from '@mui/icons-material/Send';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { InvoiceLine } from '../../../../shared/contract/index';
import { AmountRow } from '../../app/components/AmountRow';
import { ConfirmDialog } from '../../app/components/ConfirmDialog';
import { DrawerHeader } from '../../app/components/DrawerHeader';
import { LoadingState } from '../../app/components/LoadingState';
import { ReasonDialog } from '../../app/components/ReasonDialog';
import { SideDrawer } from '../../app/components/SideDrawer';
import { call } from '../../app/errors/call';
import { notify } from '../../app/errors/notifier-store';
import { useT } from '../../app/i18n/use-t';
import { useFormat } from '../../app/use-format';
import { useLoader } from '../../app/use-loader';
import { useCan } from '../session/session-store';
import { downloadInvoicePdf } from './billing-files';
import { BillingPaymentDialog } from './BillingPaymentDialog';
import { CreditNoteDialog } from './CreditNoteDialog';
import { DraftLineDialog } from './DraftLineDialog';
import { InvoiceStatusChip } from './InvoiceStatusChip';
import { PaymentReceiptDialog } from './PaymentReceiptDialog';

/**
 * One invoice: lines with PPN, payments, credit notes; PDF, pay, credit note, void. A draft's lines
 * can be added and removed, and the draft issued. An open invoice's notice can be sent again.
 */
export function InvoiceDrawer({
  invoiceId,
  onClose,
  onChanged,
}: {
  invoiceId: string;
  onClose(): void;
  onChanged(): void;
}) {
  const t = useT();
  const format = useFormat();
  const canManage = useCan('billing.manage');
  const canCollect = useCan('billing.collect');
  const [dialog, setDialog] = useState<'pay' | 'credit' | 'void' | 'issue' | 'addLine' | 'resend' | null>(
    null,
  );
  const [removing, setRemoving] = useState<InvoiceLine | null>(null);
  const [receipt, setReceipt] = useState<{ id: string; number: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const { data: invoice, reload } = useLoader(invoiceId, async () => {
    const result = await call('billing.invoices.get', { id: invoiceId });
    return result.ok ? result.data : null;
  });
  const changed = () => {
    reload();
    onChanged();
  };

  const open = invoice && invoice.status !== 'void';
  const editable = invoice?.status === 'draft' && canManage;
  return (
    <SideDrawer width={640} testId="invoice-drawer" onClose={onClose}>
      {!invoice ? (
        <LoadingState label={t('billing.loading')} />
      ) : (
        <>
          <DrawerHeader
            overline={
              invoice.period ? t('billing.periodOf', { period: invoice.period }) : t('billing.oneOff')
            }
            title={invoice.number}
            titleTestId="invoice-number"
            chips={<InvoiceStatusChip invoice={invoice} />}
            onClose={onClose}
            closeTestId="invoice-drawer-close"
          />

          <Stack spacing={0.25} sx={{ mt: 2 }}>
            <Typography sx={{ fontWeight: 700 }}>
              {invoice.customerName} · {invoice.customerCode}
            </Typography>
            {invoice.customerPhone ? <Typography variant="body2">{invoice.customerPhone}</Typography> : null}
            {invoice.customerAddress ? (
              <Typography variant="body2" color="text.secondary">
                {invoice.customerAddress}
              </Typography>
            ) : null}
            <Typography variant="body2" color="text.secondary" data-testid="invoice-dates">
              {invoice.status === 'draft'
                ? t('billing.draft.dates', { issue: invoice.issueDate })
                : t('billing.dates', { issue: invoice.issueDate, due: invoice.dueDate })}
            </Typography>
            {invoice.voidReason ? (
              <Typography variant="body2" color="error">
                {t('billing.voidedBecause', { reason: invoice.voidReason })}
              </Typography>
            ) : null}
          </Stack>

          <Table size="small" sx={{ mt: 2 }} data-testid="invoice-lines">
            <TableHead>
              <TableRow>
                <TableCell>{t('billing.col.description')}</TableCell>
                <TableCell align="right">{t('billing.col.base')}</TableCell>
                <TableCell align="right">{t('billing.col.ppn')}</TableCell>
                <TableCell align="right">{t('billing.col.amount')}</TableCell>
                {editable ? <TableCell padding="checkbox" /> : null}
              </TableRow>
            </TableHead>
            <TableBody>
              {invoice.lines.map((line) => (
                <TableRow key={line.id}>
                  <TableCell>
                    {line.description}
                    <Typography variant="caption" color="text.secondary" component="div">
                      {t(`billing.kind.${line.kind}`)} · {t(`billing.tax.${line.taxMode}`)}
                    </Typography>
                  </TableCell>
                  <TableCell align="right">{format.rupiah(line.base)}</TableCell>
                  <TableCell align="right">{format.rupiah(line.ppn)}</TableCell>
                  <TableCell align="right">{format.rupiah(line.gross)}</TableCell>
                  {editable ? (
                    <TableCell padding="checkbox">
                      <IconButton
                        size="small"
                        aria-label={t('billing.draft.removeLine')}
                        title={t('billing.draft.removeLine')}
                        disabled={invoice.lines.length < 2}
                        onClick={() => setRemoving(line)}
                        data-testid="draft-line-remove"
                      >
                        <DeleteOutlineIcon fontSize="small" />
                      </IconButton>
                    </TableCell>
                  ) : null}
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {editable ? (
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, mt: 1 }}>
              <Button
                size="small"
                startIcon={<AddIcon />}
                onClick={() => setDialog('addLine')}
                data-testid="draft-line-add"
              >
                {t('billing.draft.addLine')}
              </Button>
              <Typography variant="caption" color="text.secondary">
                {t('billing.draft.editHint')}
              </Typography>
            </Box>
          ) : null}
          <Stack spacing={0.5} sx={{ mt: 1.5, ml: 'auto', maxWidth: 320 }}>
            <AmountRow label={t('billing.subtotal')} value={format.rupiah(invoice.subtotal)} />
            {invoice.discount ? (
              <AmountRow label={t('billing.discount')} value={`−${format.rupiah(invoice.discount)}`} />
            ) : null}
            {invoice.ppn ? <AmountRow label={t('billing.ppn')} value={format.rupiah(invoice.ppn)} /> : null}
            <AmountRow
              label={t('billing.total')}
              value={format.rupiah(invoice.total)}
              strong
              testId="invoice-total"
            />
            <AmountRow label={t('billing.paid')} value={format.rupiah(invoice.paid)} />
            {invoice.credited ? (
              <AmountRow label={t('billing.credited')} value={format.rupiah(invoice.credited)} />
            ) : null}
            <AmountRow
              label={t('billing.balance')}
              value={format.rupiah(invoice.balance)}
              strong
              testId="invoice-balance"
            />
          </Stack>

          <Box sx={{ display: 'flex', gap: 1, mt: 2, flexWrap: 'wrap' }}>
            {editable ? (
              <Button
                variant="contained"
                startIcon={<SendIcon />}
                onClick={() => setDialog('issue')}
                data-testid="invoice-issue"
              >
                {t('billing.draft.issue')}
              </Button>
            ) : null}
            {open && invoice.balance > 0 && canCollect ? (
              <Button
                variant="contained"
                startIcon={<PaymentsIcon />}
                onClick={() => setDialog('pay')}
                data-testid="invoice-pay"
              >
                {t('billing.pay')}
              </Button>
            ) : null}
            <Button
              variant="outlined"
              startIcon={<PictureAsPdfIcon />}
              disabled={busy}
              onClick={() => {
                setBusy(true);
                void downloadInvoicePdf(invoice.id).finally(() => setBusy(false));
              }}
              data-testid="invoice-pdf"
            >
              {t('billing.pdf')}
            </Button>
            {open && invoice.status !== 'draft' && invoice.balance > 0 && canCollect ? (
              <Button
                variant="outlined"
                startIcon={<ForwardToInboxIcon />}
                onClick={() => setDialog('resend')}
                data-testid="invoice-resend"
              >
                {t('billing.resend')}
              </Button>
            ) : null}
            {open && invoice.balance > 0 && canManage ? (
              <Button
                startIcon={<RemoveCircleOutlineIcon />}
                onClick={() => setDialog('credit')}
                data-testid="invoice-credit-note"
              >
                {t('billing.credit.open')}
              </Button>
            ) : null}
            {open && invoice.paid === 0 && canManage ? (
              <Button
                color="error"
                startIcon={<BlockIcon />}
                onClick={() => setDialog('void')}
                data-testid="invoice-void"
              >
                {t('billing.void')}
              </Button>
            ) : null}
          </Box>

          {invoice.payments.length > 0 ? (
            <>
              <Divider sx={{ my: 2 }} />
              <Typography variant="subtitle2" sx={{ fontWeight: 700, mb: 1 }}>
                {t('billing.payments')}
              </Typography>
              {invoice.payments.map((p) => (
                <Box key={p.paymentId} sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
                  <Box sx={{ flex: 1 }}>
                    <AmountRow
                      label={`${p.receivedOn} · ${p.number} · ${t(`billing.method.${p.method}`)}`}
                      value={format.rupiah(p.amount)}
                    />
                  </Box>
                  {canCollect ? (
                    <IconButton
                      size="small"
                      aria-label={t('billing.receipt.open', { number: p.number })}
                      title={t('billing.receipt.open', { number: p.number })}
                      onClick={() => setReceipt({ id: p.paymentId, number: p.number })}
                      data-testid={`invoice-payment-receipt-${p.number}`}
                    >
                      <ReceiptLongIcon fontSize="small" />
                    </IconButton>
                  ) : null}
                </Box>
              ))}
            </>
          ) : null}
          {invoice.creditNotes.length > 0 ? (
            <>
              <Divider sx={{ my: 2 }} />
              <Typography variant="subtitle2" sx={{ fontWeight: 700, mb: 1 }}>
                {t('billing.creditNotes')}
              </Typography>
              {invoice.creditNotes.map((n) => (
                <AmountRow key={n.id} label={`${n.number} · ${n.reason}`} value={format.rupiah(n.amount)} />
              ))}
            </>
          ) : null}
        </>
      )}
      {receipt ? (
        <PaymentReceiptDialog
          paymentId={receipt.id}
          number={receipt.number}
          onClose={() => setReceipt(null)}
        />
      ) : null}
      {invoice && dialog === 'credit' ? (
        <CreditNoteDialog invoice={invoice} onClose={() => setDialog(null)} onDone={changed} />
      ) : null}
      {invoice && dialog === 'pay' ? (
        <BillingPaymentDialog
          customerId={invoice.customerId}
          onClose={() => {
            setDialog(null);
            changed();
          }}
        />
      ) : null}
      {invoice && dialog === 'addLine' ? (
        <DraftLineDialog invoice={invoice} onClose={() => setDialog(null)} onDone={changed} />
      ) : null}
      {invoice ? (
        <ConfirmDialog
          open={dialog === 'issue'}
          title={t('billing.draft.issueTitle', { number: invoice.number })}
          body={t('billing.draft.issueBody')}
          confirmLabel={t('billing.draft.issue')}
          testId="invoice-issue-dialog"
          onClose={() => setDialog(null)}
          onConfirm={async () => {
            const result = await call('billing.invoices.issue', { ids: [invoice.id] });
            setDialog(null);
            if (!result.ok) return;
            notify(t('billing.draft.issued', { number: invoice.number }), 'success');
            changed();
          }}
        />
      ) : null}
      {invoice ? (
        <ConfirmDialog
          open={dialog === 'resend'}
          title={t('billing.resendTitle', { number: invoice.number })}
          body={t('billing.resendBody')}
          confirmLabel={t('billing.resend')}
          testId="invoice-resend-dialog"
          onClose={() => setDialog(null)}
          onConfirm={async () => {
            const result = await call('billing.invoices.resend', { id: invoice.id });
            setDialog(null);
            if (!result.ok) return;
            if (result.data.queued > 0) {
              notify(t('billing.resent', { count: result.data.queued }), 'success');
            } else {
              notify(t('billing.resentNone'), 'warning');
            }
          }}
        />
      ) : null}
      {invoice && removing ? (
        <ConfirmDialog
          open
          title={t('billing.draft.removeLineTitle')}
          body={t('billing.draft.removeLineBody', { description: removing.description })}
          confirmLabel={t('billing.draft.removeLine')}
          danger
          testId="draft-line-remove-dialog"
          onClose={() => setRemoving(null)}
          onConfirm={async () => {
            const result = await call('billing.invoices.lines.remove', {
              invoiceId: invoice.id,
              lineId: removing.id,
            });
            setRemoving(null);
            if (!result.ok) return;
            notify(t('billing.draft.lineRemoved'), 'success');
            changed();
          }}
        />
      ) : null}
      {invoice && dialog === 'void' ? (
        <ReasonDialog
          title={t('billing.voidTitle', { number: invoice.number })}
          body={t('billing.voidBody')}
          label={t('billing.reason')}
          confirmLabel={t('billing.void')}
          danger
          testId="invoice-void-dialog"
          onClose={() => setDialog(null)}
          onConfirm={async (reason) => {
            const result = await call('billing.invoices.void', { id: invoice.id, reason });
            if (!result.ok) return false;
            notify(t('billing.voided', { number: invoice.number }), 'success');
            changed();
            return true;
          }}
        />
      ) : null}
    </SideDrawer>
  );
}
