import MenuIcon from '@mui/icons-material/Menu';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Toolbar from '@mui/material/Toolbar';
import { useSettingsStore } from '../../features/settings/settings-store';
import { SyncStatusChip } from '../../features/sync/SyncStatusChip';
import { BrandMark } from '../components/BrandMark';
import { useT } from '../i18n/use-t';
import { LanguageSwitch } from './LanguageSwitch';
import { ThemeToggle } from './ThemeToggle';
import { UserMenu } from './UserMenu';

type TopBarProps = { onOpenNavigation?: () => void };

export function TopBar({ onOpenNavigation }: TopBarProps) {
  const t = useT();
  const branchName = useSettingsStore((state) => state.settings?.branchName);
  return (
    <AppBar
      position="fixed"
      sx={{
        zIndex: (theme) => theme.zIndex.drawer + 1,
        borderBottom: 1,
        borderColor: 'divider',
        bgcolor: 'background.paper',
      }}
    >
      <Toolbar sx={{ gap: 1 }}>
        {onOpenNavigation ? (
          <IconButton
            edge="start"
            color="inherit"
            onClick={onOpenNavigation}
            aria-label={t('shell.navigation')}
          >
            <MenuIcon />
          </IconButton>
        ) : null}
        <Box data-testid="branch-name" sx={{ minWidth: 0 }}>
          <BrandMark subtitle={branchName} />
        </Box>
        <Box sx={{ flex: 1 }} />
        <Box sx={{ display: { xs: 'none', sm: 'block' } }}>
          <SyncStatusChip />
        </Box>
        <LanguageSwitch />
        <ThemeToggle />
        <UserMenu />
      </Toolbar>
    </AppBar>
  );
}
