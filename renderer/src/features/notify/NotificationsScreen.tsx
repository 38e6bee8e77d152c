import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { PageHeader } from '../../app/components/PageHeader';
import type { TranslationKey } from '../../app/i18n/id';
import { useT } from '../../app/i18n/use-t';
import { useCan } from '../session/session-store';
import { NotifyLogTab } from './NotifyLogTab';
import { NotifySettingsTab } from './NotifySettingsTab';
import { NotifyTemplatesTab } from './NotifyTemplatesTab';
import { useNotifyStore, type NotifyTab } from './notify-store';

const TABS: readonly { tab: NotifyTab; label: TranslationKey; settings: boolean }[] = [
  { tab: 'log', label: 'notify.tab.log', settings: false },
  { tab: 'templates', label: 'notify.tab.templates', settings: true },
  { tab: 'settings', label: 'notify.tab.settings', settings: true },
];

/** Notifications: the outbox log, the message templates and the gateway settings. */
export function NotificationsScreen() {
  const t = useT();
  const canSettings = useCan('settings.manage');
  const stored = useNotifyStore((state) => state.tab);
  const setTab = useNotifyStore((state) => state.setTab);
  const tabs = TABS.filter((entry) => !entry.settings || canSettings);
  const tab = tabs.some((entry) => entry.tab === stored) ? stored : 'log';

  return (
    <Box data-testid="notify-screen">
      <PageHeader title={t('notify.title')} subtitle={t('notify.subtitle')} />
      <Paper variant="outlined" sx={{ mb: 2 }}>
        <Tabs value={tab} onChange={(_event, value: NotifyTab) => setTab(value)} variant="scrollable">
          {tabs.map((entry) => (
            <Tab
              key={entry.tab}
              value={entry.tab}
              label={t(entry.label)}
              data-testid={`notify-tab-${entry.tab}`}
            />
          ))}
        </Tabs>
      </Paper>
      {tab === 'log' ? (
        <NotifyLogTab />
      ) : tab === 'templates' ? (
        <NotifyTemplatesTab />
      ) : (
        <NotifySettingsTab />
      )}
    </Box>
  );
}
