import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useState } from 'react';
import type { TranslationKey } from '../../app/i18n/id';
import { PageHeader } from '../../app/components/PageHeader';
import { useT } from '../../app/i18n/use-t';
import { IpPoolsTab } from '../ipam/IpPoolsTab';
import { PlansTab } from './PlansTab';
import { SubscriptionsTab } from './SubscriptionsTab';

type SubscriptionsTabKey = 'subscriptions' | 'plans' | 'pools';

const TABS: readonly { tab: SubscriptionsTabKey; label: TranslationKey }[] = [
  { tab: 'subscriptions', label: 'subs.tab.subscriptions' },
  { tab: 'plans', label: 'subs.tab.plans' },
  { tab: 'pools', label: 'subs.tab.pools' },
];

function TabBody({ tab }: { tab: SubscriptionsTabKey }) {
  switch (tab) {
    case 'subscriptions':
      return <SubscriptionsTab />;
    case 'plans':
      return <PlansTab />;
    case 'pools':
      return <IpPoolsTab />;
    default:
      return tab satisfies never;
  }
}

/** Service plans and customers' subscriptions through their lifecycle. */
export function SubscriptionsScreen() {
  const t = useT();
  const [tab, setTab] = useState<SubscriptionsTabKey>('subscriptions');
  return (
    <>
      <PageHeader title={t('nav.subscriptions')} subtitle={t('subs.subtitle')} />
      <Paper variant="outlined">
        <Tabs
          value={tab}
          onChange={(_event, next: SubscriptionsTabKey) => setTab(next)}
          variant="scrollable"
          scrollButtons="auto"
          sx={{ borderBottom: 1, borderColor: 'divider', px: 1 }}
        >
          {TABS.map((entry) => (
            <Tab
              key={entry.tab}
              value={entry.tab}
              label={t(entry.label)}
              data-testid={`subscriptions-tab-${entry.tab}`}
            />
          ))}
        </Tabs>
        <Box sx={{ p: 2 }} data-testid={`subscriptions-panel-${tab}`}>
          <TabBody tab={tab} />
        </Box>
      </Paper>
    </>
  );
}
