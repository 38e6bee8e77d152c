import { useState } from 'react';
import { TabbedScreen, type ScreenTab } from '../../app/components/TabbedScreen';
import { useT } from '../../app/i18n/use-t';
import { useCan } from '../session/session-store';
import { BillingSettingsTab } from './BillingSettingsTab';
import { ChargesTab } from './ChargesTab';
import { InvoicesTab } from './InvoicesTab';
import { PaymentCounter } from './PaymentCounter';
import { RunTab } from './RunTab';

type TabKey = 'invoices' | 'pay' | 'run' | 'charges' | 'settings';

/** Billing: invoices, the payment counter, the invoice run, one-off charges, settings. */
export function BillingScreen() {
  const t = useT();
  const canView = useCan('billing.view');
  const canCollect = useCan('billing.collect');
  const canManage = useCan('billing.manage');
  const tabs: (ScreenTab<TabKey> & { shown: boolean })[] = [
    { tab: 'invoices', label: 'billing.tab.invoices', shown: canView },
    { tab: 'pay', label: 'billing.tab.pay', shown: canCollect },
    { tab: 'run', label: 'billing.tab.run', shown: canManage },
    { tab: 'charges', label: 'billing.tab.charges', shown: canManage },
    { tab: 'settings', label: 'billing.tab.settings', shown: canManage },
  ];
  const visible = tabs.filter((entry) => entry.shown);
  const [chosen, setChosen] = useState<TabKey | null>(null);
  const current = visible.find((entry) => entry.tab === chosen)?.tab ?? visible[0]?.tab ?? 'invoices';

  return (
    <TabbedScreen
      title={t('nav.billing')}
      subtitle={t('billing.subtitle')}
      testId="billing"
      tabs={visible}
      value={current}
      onChange={setChosen}
    >
      {current === 'invoices' ? <InvoicesTab /> : null}
      {current === 'pay' ? <PaymentCounter /> : null}
      {current === 'run' ? <RunTab /> : null}
      {current === 'charges' ? <ChargesTab /> : null}
      {current === 'settings' ? <BillingSettingsTab /> : null}
    </TabbedScreen>
  );
}
