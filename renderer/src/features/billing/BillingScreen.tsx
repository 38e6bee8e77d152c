import Paper from '@mui/material/Paper';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useState } from 'react';
import { PageHeader } from '../../app/components/PageHeader';
import { useT } from '../../app/i18n/use-t';
import type { TranslationKey } from '../../app/i18n/id';
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
  const tabs: { key: TabKey; label: TranslationKey; shown: boolean }[] = [
    { key: 'invoices', label: 'billing.tab.invoices', shown: canView },
    { key: 'pay', label: 'billing.tab.pay', shown: canCollect },
    { key: 'run', label: 'billing.tab.run', shown: canManage },
    { key: 'charges', label: 'billing.tab.charges', shown: canManage },
    { key: 'settings', label: 'billing.tab.settings', shown: canManage },
  ];
  const visible = tabs.filter((tab) => tab.shown);
  const [chosen, setChosen] = useState<TabKey | null>(null);
  const current = visible.find((tab) => tab.key === chosen)?.key ?? visible[0]?.key ?? 'invoices';

  return (
    <>
      <PageHeader title={t('nav.billing')} subtitle={t('billing.subtitle')} />
      <Tabs
        value={current}
        onChange={(_event, value: TabKey) => setChosen(value)}
        sx={{ mb: 2 }}
        variant="scrollable"
      >
        {visible.map((tab) => (
          <Tab key={tab.key} value={tab.key} label={t(tab.label)} data-testid={`billing-tab-${tab.key}`} />
        ))}
      </Tabs>
      <Paper variant="outlined" sx={{ p: 2 }}>
        {current === 'invoices' ? <InvoicesTab /> : null}
        {current === 'pay' ? <PaymentCounter /> : null}
        {current === 'run' ? <RunTab /> : null}
        {current === 'charges' ? <ChargesTab /> : null}
        {current === 'settings' ? <BillingSettingsTab /> : null}
      </Paper>
    </>
  );
}
