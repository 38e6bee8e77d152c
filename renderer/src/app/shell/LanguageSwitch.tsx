import TranslateIcon from '@mui/icons-material/Translate';
import Button from '@mui/material/Button';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import { useState } from 'react';
import { LOCALES, type Locale } from '../../../../shared/domain/errors';
import { useI18nStore } from '../i18n/i18n-store';
import { useT } from '../i18n/use-t';

/** ID / EN. The choice is remembered on this device and sent with every call. */
export function LanguageSwitch() {
  const t = useT();
  const locale = useI18nStore((state) => state.locale);
  const chooseLocale = useI18nStore((state) => state.chooseLocale);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const pick = (next: Locale) => {
    chooseLocale(next);
    setAnchor(null);
  };
  return (
    <>
      <Button
        color="inherit"
        startIcon={<TranslateIcon fontSize="small" />}
        onClick={(event) => setAnchor(event.currentTarget)}
        aria-label={t('lang.switch')}
        data-testid="language-switch"
        sx={{ minWidth: 0, px: 1.25 }}
      >
        {locale.toUpperCase()}
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {LOCALES.map((option) => (
          <MenuItem
            key={option}
            selected={option === locale}
            onClick={() => pick(option)}
            data-testid={`language-${option}`}
          >
            {t(`lang.${option}`)}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
