import Box from '@mui/material/Box';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import ListSubheader from '@mui/material/ListSubheader';
import { usePermissions } from '../../features/session/session-store';
import { useT } from '../i18n/use-t';
import { allowedNavItems, type NavItem, type RouteKey } from '../navigation/nav-items';

type SideNavProps = { current: RouteKey; onNavigate(route: RouteKey): void };

const GROUPS: readonly NavItem['group'][] = ['operations', 'admin'];

/** The left navigation: only what the user's role allows (the core checks again on every call). */
export function SideNav({ current, onNavigate }: SideNavProps) {
  const t = useT();
  const items = allowedNavItems(usePermissions());
  return (
    <Box component="nav" aria-label={t('shell.navigation')} data-testid="side-nav" sx={{ py: 1 }}>
      {GROUPS.map((group) => {
        const groupItems = items.filter((item) => item.group === group);
        if (groupItems.length === 0) return null;
        return (
          <List
            key={group}
            dense
            subheader={
              <ListSubheader
                disableSticky
                sx={{
                  bgcolor: 'transparent',
                  lineHeight: '32px',
                  fontSize: 12,
                  fontWeight: 700,
                  letterSpacing: '0.06em',
                  textTransform: 'uppercase',
                }}
              >
                {t(`shell.navGroup.${group}`)}
              </ListSubheader>
            }
          >
            {groupItems.map((item) => {
              const Icon = item.icon;
              const selected = item.route === current;
              return (
                <ListItemButton
                  key={item.route}
                  selected={selected}
                  onClick={() => onNavigate(item.route)}
                  data-testid={`nav-${item.route}`}
                  aria-current={selected ? 'page' : undefined}
                  sx={{
                    mx: 1,
                    borderRadius: 2,
                    mb: 0.25,
                    '&.Mui-selected': {
                      color: 'primary.main',
                      '& .MuiListItemIcon-root': { color: 'primary.main' },
                    },
                  }}
                >
                  <ListItemIcon sx={{ minWidth: 36 }}>
                    <Icon fontSize="small" />
                  </ListItemIcon>
                  <ListItemText
                    primary={t(item.label)}
                    slotProps={{ primary: { sx: { fontWeight: selected ? 650 : 500 } } }}
                  />
                </ListItemButton>
              );
            })}
          </List>
        );
      })}
    </Box>
  );
}
