import { useEffect } from 'react';
import { LoadingState } from '../../app/components/LoadingState';
import { useT } from '../../app/i18n/use-t';
import { useSettingsStore } from '../settings/settings-store';
import { OpenShiftPanel } from './OpenShiftPanel';
import { PosCounter } from './PosCounter';
import { usePosStore } from './pos-store';

/** The till: without an open shift it asks for one; with one it sells. */
export function PosScreen() {
  const t = useT();
  const shift = usePosStore((state) => state.shift);
  const shiftLoaded = usePosStore((state) => state.shiftLoaded);
  const settings = useSettingsStore((state) => state.settings);

  useEffect(() => {
    const pos = usePosStore.getState();
    void pos.loadShift();
    void pos.loadWarehouses();
    void pos.refreshHeldCount();
    // Counter settings (rounding, PPN, QRIS) may have changed since sign-in.
    void useSettingsStore.getState().load();
    return () => usePosStore.getState().closeDialog();
  }, []);

  if (!shiftLoaded || !settings) return <LoadingState label={t('pos.loading')} />;
  if (!shift) return <OpenShiftPanel />;
  return <PosCounter shift={shift} settings={settings} />;
}
