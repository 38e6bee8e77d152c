import CloseIcon from '@mui/icons-material/Close';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useT } from '../i18n/use-t';

type DrawerHeaderProps = {
  /** The small line above the title (period, channel and date, code). */
  overline: ReactNode;
  /** Shows the overline in a fixed-width font, for codes. */
  monoOverline?: boolean;
  title: string;
  titleTestId?: string;
  /** Status chips under the title. */
  chips: ReactNode;
  /** Buttons before the close button. */
  actions?: ReactNode;
  onClose(): void;
  closeTestId: string;
};

/** A detail drawer's top: overline, title, status chips, actions and the close button. */
export function DrawerHeader({
  overline,
  monoOverline,
  title,
  titleTestId,
  chips,
  actions,
  onClose,
  closeTestId,
}: DrawerHeaderProps) {
  const t = useT();
  return (
    <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 1 }}>
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Typography
          variant="overline"
          color="text.secondary"
          sx={monoOverline ? { fontFamily: 'ui-monospace, monospace' } : undefined}
        >
          {overline}
        </Typography>
        <Typography variant="h6" sx={{ fontWeight: 800 }} data-testid={titleTestId}>
          {title}
        </Typography>
        <Box sx={{ display: 'flex', gap: 1, mt: 0.5 }}>{chips}</Box>
      </Box>
      {actions}
      <IconButton onClick={onClose} aria-label={t('common.close')} data-testid={closeTestId}>
        <CloseIcon />
      </IconButton>
    </Box>
  );
}
