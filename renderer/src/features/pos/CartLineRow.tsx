import AddIcon from '@mui/icons-material/Add';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import PercentIcon from '@mui/icons-material/Percent';
import RemoveIcon from '@mui/icons-material/Remove';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { alpha, keyframes } from '@mui/material/styles';
import type { PricedLine } from '../../../../shared/domain/pricing';
import { useT } from '../../app/i18n/use-t';
import { useFormat } from '../../app/use-format';
import { useCartStore, type CartLine } from './cart-store';
import { usePosStore } from './pos-store';
import { QuantityInput } from './QuantityInput';

const flash = keyframes`from { background-color: rgba(34,197,94,.35); } to { background-color: transparent; }`;
const FLASH_MS = 900;

type CartLineRowProps = { line: CartLine; priced: PricedLine | undefined; index: number };

/** One line of the cart: name, − quantity +, discount, total, remove. Tapping it selects it. */
export function CartLineRow({ line, priced, index }: CartLineRowProps) {
  const t = useT();
  const format = useFormat();
  const selected = useCartStore((state) => state.selected === index);
  const flashAt = useCartStore((state) => (state.flash?.itemId === line.itemId ? state.flash.at : null));
  const cart = useCartStore.getState;
  const short = line.onHand !== null && line.quantity > line.onHand;

  return (
    <Box
      role="row"
      aria-selected={selected}
      data-testid={`cart-line-${line.sku}`}
      data-selected={selected}
      onClick={() => cart().select(index)}
      sx={{
        display: 'grid',
        gridTemplateColumns: '1fr auto',
        gap: 0.5,
        px: 1.5,
        py: 1,
        borderBottom: 1,
        borderColor: 'divider',
        borderLeft: 3,
        borderLeftColor: selected ? 'primary.main' : 'transparent',
        bgcolor: (theme) => (selected ? alpha(theme.palette.primary.main, 0.08) : 'transparent'),
        cursor: 'pointer',
        position: 'relative',
      }}
    >
      {flashAt !== null ? (
        // Re-keyed on every add of this item, so the flash plays again.
        <Box
          key={flashAt}
          aria-hidden
          sx={{
            position: 'absolute',
            inset: 0,
            pointerEvents: 'none',
            animation: `${flash} ${FLASH_MS}ms ease-out forwards`,
          }}
        />
      ) : null}
      <Box sx={{ minWidth: 0 }}>
        <Typography variant="body2" sx={{ fontWeight: 650 }} noWrap title={line.name}>
          {line.name}
        </Typography>
        <Typography variant="caption" color="text.secondary" component="div" noWrap>
          {line.sku} ·{' '}
          {priced && priced.unitPrice !== line.unitPrice ? (
            <>
              <Box component="span" sx={{ textDecoration: 'line-through' }}>
                {format.rupiah(line.unitPrice)}
              </Box>{' '}
              <Box component="span" sx={{ color: 'primary.main', fontWeight: 600 }}>
                {format.rupiah(priced.unitPrice)}
              </Box>
            </>
          ) : (
            format.rupiah(line.unitPrice)
          )}
          {short ? (
            <Box component="span" sx={{ color: 'warning.main', fontWeight: 600 }}>
              {' · '}
              {t('pos.cart.stockLeft', { count: format.number(line.onHand ?? 0) })}
            </Box>
          ) : null}
        </Typography>
      </Box>
      <Typography
        sx={{ fontWeight: 700, textAlign: 'right', alignSelf: 'start' }}
        data-testid={`cart-line-total-${line.sku}`}
      >
        {format.rupiah(priced?.total ?? line.unitPrice * line.quantity)}
      </Typography>
      <Box sx={{ display: 'flex', alignItems: 'center' }} onClick={(event) => event.stopPropagation()}>
        <IconButton
          size="small"
          aria-label={t('pos.cart.less')}
          onClick={() => cart().changeQuantity(index, -1)}
          disabled={line.quantity <= 1}
          data-testid={`cart-line-minus-${line.sku}`}
        >
          <RemoveIcon fontSize="small" />
        </IconButton>
        <QuantityInput
          value={line.quantity}
          onCommit={(quantity) => cart().setQuantity(index, quantity)}
          testId={`cart-line-qty-${line.sku}`}
          label={t('pos.cart.quantity')}
        />
        <IconButton
          size="small"
          aria-label={t('pos.cart.more')}
          onClick={() => cart().changeQuantity(index, 1)}
          data-testid={`cart-line-plus-${line.sku}`}
        >
          <AddIcon fontSize="small" />
        </IconButton>
        {priced && priced.lineDiscount > 0 ? (
          <Chip
            size="small"
            color="secondary"
            variant="outlined"
            label={`−${format.rupiah(priced.lineDiscount)}`}
            onClick={() => usePosStore.getState().openDialog('lineDiscount', index)}
            sx={{ ml: 0.5, height: 22 }}
          />
        ) : null}
      </Box>
      <Box sx={{ display: 'flex', justifyContent: 'flex-end' }} onClick={(event) => event.stopPropagation()}>
        <Tooltip title={t('pos.cart.lineDiscount')}>
          <IconButton
            size="small"
            onClick={() => usePosStore.getState().openDialog('lineDiscount', index)}
            data-testid={`cart-line-discount-${line.sku}`}
          >
            <PercentIcon fontSize="small" />
          </IconButton>
        </Tooltip>
        <Tooltip title={t('pos.cart.remove')}>
          <IconButton
            size="small"
            color="error"
            onClick={() => cart().remove(index)}
            data-testid={`cart-line-remove-${line.sku}`}
          >
            <DeleteOutlineIcon fontSize="small" />
          </IconButton>
        </Tooltip>
      </Box>
    </Box>
  );
}
