import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useState } from 'react';
import { PageHeader } from '../../app/components/PageHeader';
import type { TranslationKey } from '../../app/i18n/id';
import { useT } from '../../app/i18n/use-t';
import { AgingTab } from './AgingTab';
import { CollectionsTab } from './CollectionsTab';
import { SchedulerTab } from './SchedulerTab';

type ReportsTab = 'aging' | 'collections' | 'scheduler';
const TABS: readonly { tab: ReportsTab; label: TranslationKey }[] = [
  { tab: 'aging', label: 'reports.tab.aging' },
  { tab: 'collections', label: 'reports.tab.collections' },
  { tab: 'scheduler', label: 'reports.tab.scheduler' },
];

/** Billing reports (AR aging, daily collections per cashier) and the daily scheduler's state. */
export function ReportsScreen() {
  const t = useT();
  const [tab, setTab] = useState<ReportsTab>('aging');
  return (
    <>
      <PageHeader title={t('nav.reports')} subtitle={t('reports.subtitle')} />
      <Paper variant="outlined">
        <Tabs
          value={tab}
          onChange={(_event, next: ReportsTab) => setTab(next)}
          variant="scrollable"
          scrollButtons="auto"
          sx={{ borderBottom: 1, borderColor: 'divider', px: 1 }}
        >
          {TABS.map((entry) => (
            <Tab
              key={entry.tab}
              value={entry.tab}
              label={t(entry.label)}
              data-testid={`reports-tab-${entry.tab}`}
            />
          ))}
        </Tabs>
        <Box sx={{ p: 2 }} data-testid={`reports-panel-${tab}`}>
          {tab === 'aging' ? <AgingTab /> : tab === 'collections' ? <CollectionsTab /> : <SchedulerTab />}
        </Box>
      </Paper>
    </>
  );
}
