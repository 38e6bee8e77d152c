import DarkModeIcon from '@mui/icons-material/DarkMode';
import LightModeIcon from '@mui/icons-material/LightMode';
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import { useT } from '../i18n/use-t';
import { useThemeStore } from '../theme/theme-store';

export function ThemeToggle() {
  const t = useT();
  const mode = useThemeStore((state) => state.mode);
  const toggleMode = useThemeStore((state) => state.toggleMode);
  const label = mode === 'light' ? t('theme.toDark') : t('theme.toLight');
  return (
    <Tooltip title={label}>
      <IconButton
        color="inherit"
        onClick={toggleMode}
        aria-label={label}
        data-testid="theme-toggle"
        data-mode={mode}
      >
        {mode === 'light' ? <DarkModeIcon fontSize="small" /> : <LightModeIcon fontSize="small" />}
      </IconButton>
    </Tooltip>
  );
}
