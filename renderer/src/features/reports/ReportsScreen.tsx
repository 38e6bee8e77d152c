import { useState } from 'react';
import { TabbedScreen, type ScreenTab } from '../../app/components/TabbedScreen';
import { useT } from '../../app/i18n/use-t';
import { AgingTab } from './AgingTab';
import { CollectionsTab } from './CollectionsTab';
import { SchedulerTab } from './SchedulerTab';

type ReportsTab = 'aging' | 'collections' | 'scheduler';
const TABS: readonly ScreenTab<ReportsTab>[] = [
  { tab: 'aging', label: 'reports.tab.aging' },
  { tab: 'collections', label: 'reports.tab.collections' },
  { tab: 'scheduler', label: 'reports.tab.scheduler' },
];

/** Billing reports (AR aging, daily collections per cashier) and the daily scheduler's state. */
export function ReportsScreen() {
  const t = useT();
  const [tab, setTab] = useState<ReportsTab>('aging');
  return (
    <TabbedScreen
      title={t('nav.reports')}
      subtitle={t('reports.subtitle')}
      testId="reports"
      tabs={TABS}
      value={tab}
      onChange={setTab}
    >
      {tab === 'aging' ? <AgingTab /> : tab === 'collections' ? <CollectionsTab /> : <SchedulerTab />}
    </TabbedScreen>
  );
}
