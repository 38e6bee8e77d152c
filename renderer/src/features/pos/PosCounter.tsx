import HistoryIcon from '@mui/icons-material/History';
import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import PauseCircleOutlineIcon from '@mui/icons-material/PauseCircleOutlined';
import PointOfSaleIcon from '@mui/icons-material/PointOfSale';
import Badge from '@mui/material/Badge';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { useEffect, useMemo, useState } from 'react';
import type { Sale, Settings, Shift } from '../../../../shared/contract/index';
import { ConfirmDialog } from '../../app/components/ConfirmDialog';
import { notify } from '../../app/errors/notifier-store';
import { useT } from '../../app/i18n/use-t';
import { useFormat } from '../../app/use-format';
import { transport } from '../../ipc/transport';
import { previewCart } from './cart-pricing';
import { CartPanel } from './CartPanel';
import { useCartStore } from './cart-store';
import { CustomerDialog } from './CustomerDialog';
import { DiscountDialog } from './DiscountDialog';
import { HeldCartsDialog } from './HeldCartsDialog';
import { HoldCartDialog } from './HoldCartDialog';
import { PaymentDialog } from './PaymentDialog';
import { usePosStore } from './pos-store';
import { ReceiptDialog } from './ReceiptDialog';
import { SalesHistoryDialog } from './SalesHistoryDialog';
import { SearchPanel } from './SearchPanel';
import { focusSearch } from './search-focus';
import { ShiftDialog } from './ShiftDialog';
import { useCounterKeyboard } from './use-counter-keyboard';
import { useProductSearch } from './use-product-search';
import { useCan } from '../session/session-store';
import { BillingPaymentDialog } from '../billing/BillingPaymentDialog';

function isInteractive(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    target.closest('input, textarea, select, [contenteditable="true"]') !== null
  );
}

/** The counter: search and results on the left, the cart on the right, every dialog of a sale. */
export function PosCounter({ shift, settings }: { shift: Shift; settings: Settings }) {
  const t = useT();
  const format = useFormat();
  const canDiscount = useCan('pos.discount');
  const lines = useCartStore((state) => state.lines);
  const cartDiscount = useCartStore((state) => state.cartDiscount);
  const memberPrices = useCartStore((state) => state.memberPrices);
  const dialog = usePosStore((state) => state.dialog);
  const discountLine = usePosStore((state) => state.discountLine);
  const heldCount = usePosStore((state) => state.heldCount);
  const warehouses = usePosStore((state) => state.warehouses);
  const { openDialog, closeDialog } = usePosStore.getState();
  const [lastSale, setLastSale] = useState<Sale | null>(null);
  const search = useProductSearch(shift.warehouseId);
  // Customers are optional at the till: a role without customers.view sells without them.
  const customersEnabled = useCan('customers.view');
  const canCollectBills = useCan('billing.collect');
  useCounterKeyboard(search, customersEnabled);

  const priced = useMemo(
    () => previewCart(lines, cartDiscount, settings, memberPrices),
    [lines, cartDiscount, settings, memberPrices],
  );
  const warehouse = warehouses.find((candidate) => candidate.id === shift.warehouseId);
  // A sale that leaves an item at or under its threshold says so, for the next order to the supplier.
  useEffect(
    () =>
      transport.on('stock.low', (event) => {
        if (event.warehouseId === shift.warehouseId) {
          notify(t('pos.stockLow', { name: event.name, count: event.available }), 'info');
        }
      }),
    [shift.warehouseId, t],
  );

  const line = discountLine >= 0 ? lines[discountLine] : undefined;
  const pricedLine = discountLine >= 0 ? priced.lines[discountLine] : undefined;

  return (
    <Box
      data-testid="pos-counter"
      onClick={(event) => {
        if (usePosStore.getState().dialog === null && !isInteractive(event.target)) focusSearch();
      }}
      sx={{
        display: 'flex',
        flexDirection: 'column',
        gap: 1.5,
        height: { md: 'calc(100vh - 64px - 48px)' },
        minHeight: 560,
      }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <PointOfSaleIcon color="primary" />
        <Typography variant="h6" component="h1" sx={{ mr: 1 }} data-testid="page-title">
          {t('nav.pos')}
        </Typography>
        <Chip
          size="small"
          color="primary"
          variant="outlined"
          label={t('pos.shift.chip', { number: shift.number, time: format.time(shift.openedAt) })}
          data-testid="pos-shift-chip"
        />
        {warehouse ? <Chip size="small" label={warehouse.code} title={warehouse.name} /> : null}
        <Box sx={{ flex: 1 }} />
        <Button
          startIcon={
            <Badge badgeContent={heldCount} color="secondary" max={99}>
              <PauseCircleOutlineIcon />
            </Badge>
          }
          onClick={() => openDialog('held')}
          data-testid="pos-held-open"
        >
          {t('pos.held.title')}
        </Button>
        <Button
          startIcon={<HistoryIcon />}
          onClick={() => openDialog('history')}
          data-testid="pos-history-open"
        >
          {t('history.open')}
        </Button>
        {canCollectBills ? (
          <Button
            startIcon={<ReceiptLongIcon />}
            onClick={() => openDialog('billing')}
            data-testid="pos-billing-open"
          >
            {t('billing.pay.title')}
          </Button>
        ) : null}
        <Button variant="outlined" onClick={() => openDialog('shift')} data-testid="pos-shift-open">
          {t('pos.shift.panel')}
        </Button>
      </Box>

      <Box
        sx={{
          flex: 1,
          minHeight: 0,
          display: 'grid',
          gap: 1.5,
          gridTemplateColumns: { xs: '1fr', md: 'minmax(0, 1.35fr) minmax(360px, 1fr)' },
          gridTemplateRows: { xs: 'minmax(320px, auto) auto', md: 'minmax(0, 1fr)' },
        }}
      >
        <SearchPanel search={search} />
        <CartPanel priced={priced} pkp={settings.pkp} customersEnabled={customersEnabled} />
      </Box>

      {dialog === 'pay' ? (
        <PaymentDialog
          priced={priced}
          settings={settings}
          warehouseId={shift.warehouseId}
          onClose={closeDialog}
          onPaid={(sale) => {
            setLastSale(sale);
            useCartStore.getState().clear();
            openDialog('receipt');
            // Cash sales change what the drawer should hold.
            void usePosStore.getState().loadShift();
          }}
        />
      ) : null}
      {dialog === 'receipt' && lastSale ? (
        <ReceiptDialog
          sale={lastSale}
          onNewSale={() => {
            setLastSale(null);
            closeDialog();
          }}
        />
      ) : null}
      {dialog === 'hold' ? <HoldCartDialog onClose={closeDialog} /> : null}
      {dialog === 'held' ? <HeldCartsDialog onClose={closeDialog} /> : null}
      {dialog === 'customer' && customersEnabled ? <CustomerDialog onClose={closeDialog} /> : null}
      {dialog === 'cartDiscount' ? (
        <DiscountDialog
          title={t('pos.discount.cartTitle')}
          gross={priced.subtotal - priced.lines.reduce((sum, l) => sum + l.lineDiscount, 0)}
          initial={cartDiscount}
          limitPercent={settings.discountLimitPercent}
          needsApproval={!canDiscount}
          onApply={(discount) => {
            useCartStore.getState().setCartDiscount(discount);
            closeDialog();
          }}
          onClose={closeDialog}
        />
      ) : null}
      {dialog === 'lineDiscount' && line && pricedLine ? (
        <DiscountDialog
          title={t('pos.discount.lineTitle')}
          subtitle={`${line.name} × ${line.quantity}`}
          gross={pricedLine.subtotal}
          initial={line.discount}
          limitPercent={settings.discountLimitPercent}
          needsApproval={!canDiscount}
          onApply={(discount) => {
            useCartStore.getState().setLineDiscount(discountLine, discount);
            closeDialog();
          }}
          onClose={closeDialog}
        />
      ) : null}
      {dialog === 'shift' ? <ShiftDialog shift={shift} onClose={closeDialog} /> : null}
      {dialog === 'history' ? <SalesHistoryDialog shift={shift} onClose={closeDialog} /> : null}
      {dialog === 'billing' ? <BillingPaymentDialog onClose={closeDialog} /> : null}
      <ConfirmDialog
        open={dialog === 'clear'}
        title={t('pos.cart.clearTitle')}
        body={t('pos.cart.clearBody', { count: lines.length, total: format.rupiah(priced.total) })}
        confirmLabel={t('pos.cart.clear')}
        danger
        testId="pos-clear-dialog"
        onClose={closeDialog}
        onConfirm={async () => {
          useCartStore.getState().clear();
          closeDialog();
        }}
      />
    </Box>
  );
}
