import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import AccountBalanceWalletIcon from '@mui/icons-material/AccountBalanceWallet';
import CreditCardIcon from '@mui/icons-material/CreditCard';
import LoyaltyIcon from '@mui/icons-material/Loyalty';
import PaymentsIcon from '@mui/icons-material/Payments';
import QrCode2Icon from '@mui/icons-material/QrCode2';
import type SvgIcon from '@mui/material/SvgIcon';
import type { PaymentMethod } from '../../../../shared/contract/index';
import type { TranslationKey } from '../../app/i18n/id';

export const PAYMENT_METHODS: readonly {
  method: PaymentMethod;
  label: TranslationKey;
  icon: typeof SvgIcon;
}[] = [
  { method: 'cash', label: 'pay.method.cash', icon: PaymentsIcon },
  { method: 'qris', label: 'pay.method.qris', icon: QrCode2Icon },
  { method: 'card', label: 'pay.method.card', icon: CreditCardIcon },
  { method: 'ewallet', label: 'pay.method.ewallet', icon: AccountBalanceWalletIcon },
  { method: 'transfer', label: 'pay.method.transfer', icon: AccountBalanceIcon },
  { method: 'store_credit', label: 'pay.method.store_credit', icon: LoyaltyIcon },
];

export function methodLabel(method: PaymentMethod): TranslationKey {
  return `pay.method.${method}`;
}
