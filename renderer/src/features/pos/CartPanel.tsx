import DeleteSweepIcon from '@mui/icons-material/DeleteSweep';
import PauseCircleOutlineIcon from '@mui/icons-material/PauseCircleOutlined';
import PaymentsIcon from '@mui/icons-material/Payments';
import PercentIcon from '@mui/icons-material/Percent';
import PersonAddAlt1Icon from '@mui/icons-material/PersonAddAlt1';
import ShoppingCartIcon from '@mui/icons-material/ShoppingCart';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import Paper from '@mui/material/Paper';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type { PricedCart } from '../../../../shared/domain/pricing';
import { EmptyState } from '../../app/components/EmptyState';
import { useT } from '../../app/i18n/use-t';
import { useFormat } from '../../app/use-format';
import { CartLineRow } from './CartLineRow';
import { useCartStore } from './cart-store';
import { usePosStore } from './pos-store';

function Key({ label }: { label: string }) {
  return (
    <Chip
      label={label}
      size="small"
      variant="outlined"
      sx={{
        ml: 0.75,
        height: 18,
        fontSize: 10.5,
        color: 'inherit',
        borderColor: 'currentColor',
        opacity: 0.8,
      }}
    />
  );
}

function TotalRow({
  label,
  value,
  testId,
  strong,
}: {
  label: string;
  value: string;
  testId: string;
  strong?: boolean;
}) {
  return (
    <Box sx={{ display: 'flex', justifyContent: 'space-between', gap: 2 }}>
      <Typography
        variant={strong ? 'subtitle1' : 'body2'}
        color={strong ? 'text.primary' : 'text.secondary'}
        sx={{ fontWeight: strong ? 700 : 400 }}
      >
        {label}
      </Typography>
      <Typography
        variant={strong ? 'h5' : 'body2'}
        sx={{ fontWeight: strong ? 800 : 500, fontVariantNumeric: 'tabular-nums' }}
        data-testid={testId}
      >
        {value}
      </Typography>
    </Box>
  );
}

type CartPanelProps = { priced: PricedCart; pkp: boolean; customersEnabled: boolean };

/** The cart: customer, lines, discounts, totals with PPN, and the buttons that finish the sale. */
export function CartPanel({ priced, pkp, customersEnabled }: CartPanelProps) {
  const t = useT();
  const format = useFormat();
  const lines = useCartStore((state) => state.lines);
  const customer = useCartStore((state) => state.customer);
  const cartDiscount = useCartStore((state) => state.cartDiscount);
  const memberPricesKnown = useCartStore((state) => state.memberPrices !== null);
  const heldCount = usePosStore((state) => state.heldCount);
  const openDialog = usePosStore((state) => state.openDialog);
  const empty = lines.length === 0;
  const lineDiscounts = priced.lines.reduce((sum, line) => sum + line.lineDiscount, 0);
  const cartDiscountAmount = priced.discount - lineDiscounts;

  return (
    <Paper
      variant="outlined"
      sx={{ display: 'flex', flexDirection: 'column', minHeight: 0, height: '100%', overflow: 'hidden' }}
      data-testid="pos-cart"
    >
      <Box
        sx={{
          px: 1.5,
          py: 1,
          display: 'flex',
          alignItems: 'center',
          gap: 1,
          borderBottom: 1,
          borderColor: 'divider',
        }}
      >
        <ShoppingCartIcon fontSize="small" color="primary" />
        <Typography sx={{ fontWeight: 700, flex: 1 }}>
          {t('pos.cart.title')}
          {!empty ? (
            <Typography component="span" color="text.secondary" sx={{ fontWeight: 500 }}>
              {' · '}
              {t('pos.cart.count', { count: lines.reduce((sum, line) => sum + line.quantity, 0) })}
            </Typography>
          ) : null}
        </Typography>
        {customersEnabled ? (
          customer ? (
            <Chip
              color="primary"
              variant="outlined"
              label={customer.groupName ? `${customer.name} · ${customer.groupName}` : customer.name}
              onClick={() => openDialog('customer')}
              onDelete={() => useCartStore.getState().setCustomer(null)}
              data-testid="pos-customer-chip"
              sx={{ maxWidth: 220 }}
            />
          ) : (
            <Button
              size="small"
              startIcon={<PersonAddAlt1Icon />}
              onClick={() => openDialog('customer')}
              data-testid="pos-customer"
            >
              {t('pos.cart.customer')}
              <Key label="F4" />
            </Button>
          )
        ) : null}
      </Box>

      <Box sx={{ flex: 1, overflow: 'auto' }} role="grid" aria-label={t('pos.cart.title')}>
        {empty ? (
          <EmptyState
            icon={<ShoppingCartIcon />}
            title={t('pos.cart.empty')}
            description={t('pos.cart.emptyHint')}
            testId="pos-cart-empty"
          />
        ) : (
          lines.map((line, index) => (
            <CartLineRow key={line.itemId} line={line} priced={priced.lines[index]} index={index} />
          ))
        )}
      </Box>

      <Divider />
      <Box sx={{ p: 1.5, display: 'flex', flexDirection: 'column', gap: 0.5 }}>
        {customer?.groupName ? (
          <Alert severity="info" sx={{ py: 0, mb: 0.5 }} data-testid="pos-member-price-note">
            {t(memberPricesKnown ? 'pos.cart.memberPricesShown' : 'pos.cart.memberPrices', {
              group: customer.groupName,
            })}
          </Alert>
        ) : null}
        <TotalRow
          label={t('pos.total.subtotal')}
          value={format.rupiah(priced.subtotal)}
          testId="pos-subtotal"
        />
        {lineDiscounts > 0 ? (
          <TotalRow
            label={t('pos.total.lineDiscounts')}
            value={`−${format.rupiah(lineDiscounts)}`}
            testId="pos-line-discounts"
          />
        ) : null}
        {cartDiscount && cartDiscountAmount > 0 ? (
          <TotalRow
            label={
              cartDiscount.kind === 'percent'
                ? t('pos.total.cartDiscountPercent', { percent: cartDiscount.value })
                : t('pos.total.cartDiscount')
            }
            value={`−${format.rupiah(cartDiscountAmount)}`}
            testId="pos-cart-discount"
          />
        ) : null}
        {pkp ? (
          <>
            <TotalRow label={t('pos.total.base')} value={format.rupiah(priced.base)} testId="pos-base" />
            <TotalRow label={t('pos.total.ppn')} value={format.rupiah(priced.ppn)} testId="pos-ppn" />
          </>
        ) : null}
        <TotalRow
          label={t('pos.total.total')}
          value={format.rupiah(priced.total)}
          testId="pos-total"
          strong
        />
      </Box>
      <Box sx={{ px: 1.5, pb: 1.5, display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: 1 }}>
        <Button
          variant="outlined"
          size="small"
          startIcon={<PercentIcon />}
          onClick={() => openDialog('cartDiscount')}
          disabled={empty}
          data-testid="pos-cart-discount-button"
        >
          {t('pos.cart.discount')}
        </Button>
        <Tooltip title="F8">
          <Button
            variant="outlined"
            size="small"
            startIcon={<PauseCircleOutlineIcon />}
            onClick={() => openDialog(empty ? 'held' : 'hold')}
            data-testid="pos-hold"
          >
            {empty ? t('pos.held.open', { count: heldCount }) : t('pos.cart.hold')}
          </Button>
        </Tooltip>
        <Tooltip title="Esc">
          <span>
            <Button
              variant="outlined"
              size="small"
              color="error"
              fullWidth
              startIcon={<DeleteSweepIcon />}
              onClick={() => openDialog('clear')}
              disabled={empty}
              data-testid="pos-clear"
            >
              {t('pos.cart.clear')}
            </Button>
          </span>
        </Tooltip>
        <Button
          variant="contained"
          size="large"
          startIcon={<PaymentsIcon />}
          onClick={() => openDialog('pay')}
          disabled={empty}
          data-testid="pos-pay"
          sx={{ gridColumn: '1 / -1', py: 1.5, fontSize: 18 }}
        >
          {t('pos.cart.pay', { total: format.rupiah(priced.total) })}
          <Key label="F9" />
        </Button>
      </Box>
    </Paper>
  );
}
