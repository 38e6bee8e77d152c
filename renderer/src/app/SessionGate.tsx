import { LockScreen } from '../features/session/LockScreen';
import { LoginScreen } from '../features/session/LoginScreen';
import type { SessionStatus } from '../features/session/session-store';
import { SetupWizardScreen } from '../features/session/SetupWizardScreen';
import { LoadingState } from './components/LoadingState';
import { useT } from './i18n/use-t';
import { AppShell } from './shell/AppShell';

/** Which of loading / first-run wizard / login / lock / shell the session status calls for. */
export function SessionGate({ status }: { status: SessionStatus }) {
  const t = useT();
  switch (status) {
    case 'booting':
      return <LoadingState label={t('app.loading')} fullScreen />;
    case 'needs-owner':
      return <SetupWizardScreen />;
    case 'signed-out':
      return <LoginScreen />;
    case 'locked':
      return <LockScreen />;
    case 'signed-in':
      return <AppShell />;
    default:
      return status satisfies never;
  }
}
