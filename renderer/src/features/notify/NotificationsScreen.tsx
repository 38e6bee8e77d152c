import { TabbedScreen, type ScreenTab } from '../../app/components/TabbedScreen';
import { useT } from '../../app/i18n/use-t';
import { useCan } from '../session/session-store';
import { NotifyLogTab } from './NotifyLogTab';
import { NotifySettingsTab } from './NotifySettingsTab';
import { NotifyTemplatesTab } from './NotifyTemplatesTab';
import { useNotifyStore, type NotifyTab } from './notify-store';

const TABS: readonly (ScreenTab<NotifyTab> & { settings: boolean })[] = [
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
    <TabbedScreen
      title={t('notify.title')}
      subtitle={t('notify.subtitle')}
      testId="notify"
      screenTestId="notify-screen"
      tabs={tabs}
      value={tab}
      onChange={setTab}
    >
      {tab === 'log' ? (
        <NotifyLogTab />
      ) : tab === 'templates' ? (
        <NotifyTemplatesTab />
      ) : (
        <NotifySettingsTab />
      )}
    </TabbedScreen>
  );
}
