import type {
  NotifyChannelName,
  NotifyEntry,
  NotifyState,
  NotifyTemplateKey,
} from '../../../../shared/contract/notify.contract';
import type { TranslationKey } from '../../app/i18n/id';

export const CHANNEL_LABEL: Record<NotifyChannelName, TranslationKey> = {
  whatsapp: 'notify.channel.whatsapp',
  email: 'notify.channel.email',
  discord: 'notify.channel.discord',
};

export const STATE_LABEL: Record<NotifyState, TranslationKey> = {
  pending: 'notify.state.pending',
  sending: 'notify.state.sending',
  sent: 'notify.state.sent',
  failed: 'notify.state.failed',
  cancelled: 'notify.state.cancelled',
};

export const TEMPLATE_LABEL: Record<NotifyTemplateKey, TranslationKey> = {
  'invoice.issued': 'notify.templates.invoice.issued',
  'invoice.oneoff': 'notify.templates.invoice.oneoff',
  'invoice.reminder.before': 'notify.templates.invoice.reminder.before',
  'invoice.reminder.due': 'notify.templates.invoice.reminder.due',
  'invoice.reminder.after': 'notify.templates.invoice.reminder.after',
  'subscription.isolated': 'notify.templates.subscription.isolated',
  'subscription.reactivated': 'notify.templates.subscription.reactivated',
  'payment.received': 'notify.templates.payment.received',
};

/** The label of an outbox entry's template key (customer templates, admin alerts, test messages). */
export function templateLabel(key: string): TranslationKey | null {
  if (key === 'admin.alert') return 'notify.template.admin.alert';
  if (key === 'test') return 'notify.template.test';
  return key in TEMPLATE_LABEL ? TEMPLATE_LABEL[key as NotifyTemplateKey] : null;
}

export type ChipColor = 'default' | 'info' | 'success' | 'error' | 'warning';

/** A held message (no gateway) reads differently from one waiting for its retry. */
export function stateChip(entry: Pick<NotifyEntry, 'state' | 'held'>): {
  label: TranslationKey;
  color: ChipColor;
} {
  if (entry.held) return { label: 'notify.state.held', color: 'default' };
  const color: Record<NotifyState, ChipColor> = {
    pending: 'warning',
    sending: 'info',
    sent: 'success',
    failed: 'error',
    cancelled: 'default',
  };
  return { label: STATE_LABEL[entry.state], color: color[entry.state] };
}
