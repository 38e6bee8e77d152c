import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import type { FormEvent, ReactNode } from 'react';
import { useT } from '../../app/i18n/use-t';

/**
 * The frame of the map's small forms: title, fields, an optional action on the left (remove), cancel
 * and save. Enter submits, Escape cancels. Test ids are `<testId>-dialog|cancel|submit`.
 */
export function MapFormDialog({
  title,
  testId,
  busy,
  onClose,
  onSubmit,
  extraAction,
  children,
}: {
  title: ReactNode;
  testId: string;
  busy: boolean;
  onClose(): void;
  onSubmit(event: FormEvent): Promise<void>;
  extraAction?: ReactNode;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <Dialog
      open
      onClose={busy ? undefined : onClose}
      maxWidth="xs"
      fullWidth
      data-testid={`${testId}-dialog`}
    >
      <form noValidate onSubmit={(event) => void onSubmit(event)}>
        <DialogTitle>{title}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {children}
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          {extraAction}
          <span style={{ flex: 1 }} />
          <Button onClick={onClose} disabled={busy} data-testid={`${testId}-cancel`}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={busy} data-testid={`${testId}-submit`}>
            {t('common.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
