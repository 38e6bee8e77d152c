import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useEffect } from 'react';
import { PageHeader } from '../../app/components/PageHeader';
import type { TranslationKey } from '../../app/i18n/id';
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

const TABS: readonly { tab: NetworkTab; label: TranslationKey }[] = [
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
    <>
      <PageHeader title={t('nav.network')} subtitle={t('network.subtitle')} />
      <Paper variant="outlined">
        <Tabs
          value={tab}
          onChange={(_event, next: NetworkTab) => setTab(next)}
          variant="scrollable"
          scrollButtons="auto"
          sx={{ borderBottom: 1, borderColor: 'divider', px: 1 }}
        >
          {TABS.map((entry) => (
            <Tab
              key={entry.tab}
              value={entry.tab}
              label={t(entry.label)}
              data-testid={`network-tab-${entry.tab}`}
            />
          ))}
        </Tabs>
        <Box sx={{ p: 2 }} data-testid={`network-panel-${tab}`}>
          <TabBody tab={tab} />
        </Box>
      </Paper>
    </>
  );
}
