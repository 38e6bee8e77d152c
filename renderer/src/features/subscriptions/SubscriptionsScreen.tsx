import { useState } from 'react';
import { TabbedScreen, type ScreenTab } from '../../app/components/TabbedScreen';
import { useT } from '../../app/i18n/use-t';
import { IpPoolsTab } from '../ipam/IpPoolsTab';
import { PlansTab } from './PlansTab';
import { SubscriptionsTab } from './SubscriptionsTab';

type SubscriptionsTabKey = 'subscriptions' | 'plans' | 'pools';

const TABS: readonly ScreenTab<SubscriptionsTabKey>[] = [
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
    <TabbedScreen
      title={t('nav.subscriptions')}
      subtitle={t('subs.subtitle')}
      testId="subscriptions"
      tabs={TABS}
      value={tab}
      onChange={setTab}
    >
      <TabBody tab={tab} />
    </TabbedScreen>
  );
}
