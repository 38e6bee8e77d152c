import Dialog from '@mui/material/Dialog';
import { ChangePasswordForm } from './ChangePasswordForm';

type ChangePasswordDialogProps = { open: boolean; onClose(): void };

export function ChangePasswordDialog({ open, onClose }: ChangePasswordDialogProps) {
  return (
    <Dialog open={open} onClose={onClose} maxWidth="xs" fullWidth data-testid="change-password-dialog">
      {/* Mounted only while open, so every opening starts with empty fields. */}
      {open ? <ChangePasswordForm onClose={onClose} /> : null}
    </Dialog>
  );
}
