import { useEffect } from 'react';
import { TabbedScreen, type ScreenTab } from '../../app/components/TabbedScreen';
import { useT } from '../../app/i18n/use-t';
import { transport } from '../../ipc/transport';
import { AddressListTab } from './AddressListTab';
import { DriftTab } from './DriftTab';
import { HotspotTab } from './HotspotTab';
import { JobsTab } from './JobsTab';
import { PppTab } from './PppTab';
import { QueuesTab } from './QueuesTab';
import { RoutersTab } from './RoutersTab';
import { useNetworkStore, type NetworkTab } from './network-store';

const TABS: readonly ScreenTab<NetworkTab>[] = [
  { tab: 'routers', label: 'network.tab.routers' },
  { tab: 'ppp', label: 'network.tab.ppp' },
  { tab: 'hotspot', label: 'network.tab.hotspot' },
  { tab: 'queues', label: 'network.tab.queues' },
  { tab: 'addressList', label: 'network.tab.addressList' },
  { tab: 'jobs', label: 'network.tab.jobs' },
  { tab: 'drift', label: 'network.tab.drift' },
];

function TabBody({ tab }: { tab: NetworkTab }) {
  switch (tab) {
    case 'routers':
      return <RoutersTab />;
    case 'ppp':
      return <PppTab />;
    case 'hotspot':
      return <HotspotTab />;
    case 'queues':
      return <QueuesTab />;
    case 'addressList':
      return <AddressListTab />;
    case 'jobs':
      return <JobsTab />;
    case 'drift':
      return <DriftTab />;
    default:
      return tab satisfies never;
  }
}

/** MikroTik routers: status and traffic, PPPoE, hotspot and vouchers, router jobs, drift. */
export function NetworkScreen() {
  const t = useT();
  const tab = useNetworkStore((state) => state.tab);
  const setTab = useNetworkStore((state) => state.setTab);

  useEffect(() => {
    void useNetworkStore.getState().loadRouters();
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Status and pending-job counts change in the background: reload the list, at most every half second.
    const later = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void useNetworkStore.getState().loadRouters(), 500);
    };
    const offStatus = transport.on('network.router.status', later);
    const offJob = transport.on('network.job', later);
    return () => {
      offStatus();
      offJob();
      clearTimeout(timer);
    };
  }, []);

  return (
    <TabbedScreen
      title={t('nav.network')}
      subtitle={t('network.subtitle')}
      testId="network"
      tabs={TABS}
      value={tab}
      onChange={setTab}
    >
      <TabBody tab={tab} />
    </TabbedScreen>
  );
}
