import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import type { FormEvent, ReactNode } from 'react';
import { useT } from '../../app/i18n/use-t';

/**
 * The frame of every small network form whose change reaches the router as a job: title, the
 * "sent as a job" notice, the fields, cancel and save. Test ids are `<testId>-dialog|cancel|submit`.
 */
export function JobFormDialog({
  title,
  testId,
  busy,
  onClose,
  onSubmit,
  children,
}: {
  title: ReactNode;
  testId: string;
  busy: boolean;
  onClose(): void;
  onSubmit(event: FormEvent): Promise<void>;
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
          <DialogContentText variant="body2" sx={{ mb: 1 }}>
            {t('network.viaJob')}
          </DialogContentText>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {children}
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
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
