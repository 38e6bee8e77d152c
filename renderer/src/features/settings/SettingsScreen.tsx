import Alert from '@mui/material/Alert';
import { useEffect, useState } from 'react';
import { LoadingState } from '../../app/components/LoadingState';
import { PageHeader } from '../../app/components/PageHeader';
import { useT } from '../../app/i18n/use-t';
import { useCan } from '../session/session-store';
import { SettingsForm } from './SettingsForm';
import { useSettingsStore } from './settings-store';

/** Branch profile, tax, region and security settings; read-only without settings.manage. */
export function SettingsScreen() {
  const t = useT();
  const canManage = useCan('settings.manage');
  const settings = useSettingsStore((state) => state.settings);
  // The form starts from what the core says now, not from what was loaded at sign-in.
  const [fresh, setFresh] = useState(false);

  useEffect(() => {
    let live = true;
    void useSettingsStore
      .getState()
      .load()
      .then(() => {
        if (live) setFresh(true);
      });
    return () => {
      live = false;
    };
  }, []);

  return (
    <>
      <PageHeader title={t('settings.title')} />
      {!canManage ? (
        <Alert severity="info" sx={{ mb: 2 }} data-testid="settings-read-only">
          {t('settings.readOnly')}
        </Alert>
      ) : null}
      {settings && fresh ? <SettingsForm settings={settings} readOnly={!canManage} /> : <LoadingState />}
    </>
  );
}
