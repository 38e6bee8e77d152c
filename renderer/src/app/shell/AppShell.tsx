import Box from '@mui/material/Box';
import Drawer from '@mui/material/Drawer';
import Toolbar from '@mui/material/Toolbar';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useTheme } from '@mui/material/styles';
import { useEffect, useState } from 'react';
import { useIdleLock } from '../../features/session/use-idle-lock';
import { usePermissions, useSessionStore } from '../../features/session/session-store';
import { useSettingsStore } from '../../features/settings/settings-store';
import { useSyncStatus } from '../../features/sync/use-sync-status';
import { NAV_ITEMS, isRouteAllowed, type RouteKey } from '../navigation/nav-items';
import { useRouteStore } from '../navigation/route-store';
import { ScreenOutlet } from './ScreenOutlet';
import { SideNav } from './SideNav';
import { TopBar } from './TopBar';

const DRAWER_WIDTH = 252;

/** The signed-in frame: app bar, navigation, the current screen; plus idle lock and sync status. */
export function AppShell() {
  const theme = useTheme();
  const wide = useMediaQuery(theme.breakpoints.up('md'));
  const [drawerOpen, setDrawerOpen] = useState(false);
  const generation = useSessionStore((state) => state.generation);
  const permissions = usePermissions();
  const route = useRouteStore((state) => state.route);
  const navigate = useRouteStore((state) => state.navigate);

  useIdleLock();
  useSyncStatus();

  // Every sign-in (possibly another user) loads the branch settings afresh; an unlock keeps them.
  useEffect(() => {
    void useSettingsStore.getState().load();
  }, [generation]);

  const item = NAV_ITEMS.find((candidate) => candidate.route === route);
  const current: RouteKey = item && isRouteAllowed(item, permissions) ? route : 'dashboard';

  const go = (next: RouteKey) => {
    navigate(next);
    setDrawerOpen(false);
  };

  const navigation = (
    <>
      <Toolbar />
      <SideNav current={current} onNavigate={go} />
    </>
  );

  return (
    <Box sx={{ display: 'flex', minHeight: '100vh', bgcolor: 'background.default' }} data-testid="app-shell">
      <TopBar onOpenNavigation={wide ? undefined : () => setDrawerOpen(true)} />
      {wide ? (
        <Drawer
          variant="permanent"
          sx={{
            width: DRAWER_WIDTH,
            flexShrink: 0,
            '& .MuiDrawer-paper': {
              width: DRAWER_WIDTH,
              boxSizing: 'border-box',
              bgcolor: 'background.paper',
            },
          }}
        >
          {navigation}
        </Drawer>
      ) : (
        <Drawer
          variant="temporary"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          sx={{ '& .MuiDrawer-paper': { width: DRAWER_WIDTH } }}
        >
          {navigation}
        </Drawer>
      )}
      <Box component="main" sx={{ flex: 1, minWidth: 0, px: { xs: 2, md: 4 }, py: 3 }}>
        <Toolbar />
        <Box sx={{ maxWidth: 1280, mx: 'auto' }} data-testid={`screen-${current}`}>
          <ScreenOutlet route={current} />
        </Box>
      </Box>
    </Box>
  );
}
