import DeleteIcon from '@mui/icons-material/Delete';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import { useState, type FormEvent, type ReactNode } from 'react';
import { ConfirmDialog } from '../../app/components/ConfirmDialog';
import { useT } from '../../app/i18n/use-t';

/**
 * The frame of the map's small forms: title, fields, an optional remove button on the left that asks
 * first, cancel and save. Enter submits, Escape cancels. Test ids are
 * `<testId>-dialog|cancel|submit|remove|remove-confirm`.
 */
export function MapFormDialog({
  title,
  testId,
  busy,
  onClose,
  onSubmit,
  remove,
  children,
}: {
  title: ReactNode;
  testId: string;
  busy: boolean;
  onClose(): void;
  onSubmit(event: FormEvent): Promise<void>;
  /** Removing what the form edits: the button's label, the confirmation's words, and the removal. */
  remove?: { label: string; title: string; body: string; onRemove(): Promise<unknown> };
  children: ReactNode;
}) {
  const t = useT();
  const [confirmRemove, setConfirmRemove] = useState(false);
  return (
    <>
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
            {remove ? (
              <Button
                color="error"
                startIcon={<DeleteIcon />}
                onClick={() => setConfirmRemove(true)}
                disabled={busy}
                data-testid={`${testId}-remove`}
              >
                {remove.label}
              </Button>
            ) : null}
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
      {remove ? (
        <ConfirmDialog
          open={confirmRemove}
          title={remove.title}
          body={remove.body}
          confirmLabel={remove.label}
          danger
          testId={`${testId}-remove-confirm`}
          onConfirm={async () => {
            await remove.onRemove();
            setConfirmRemove(false);
          }}
          onClose={() => setConfirmRemove(false)}
        />
      ) : null}
    </>
  );
}
