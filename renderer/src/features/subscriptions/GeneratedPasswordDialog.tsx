import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { notify } from '../../app/errors/notifier-store';
import { useT } from '../../app/i18n/use-t';

/** Shows the password Gerai generated, once: it is kept sealed and never shown again. */
export function GeneratedPasswordDialog({
  code,
  username,
  password,
  service,
  onClose,
}: {
  code: string;
  username: string;
  password: string;
  /** Hotspot logins are typed on the login page, PPPoE ones go in the modem. */
  service: 'pppoe' | 'hotspot';
  onClose(): void;
}) {
  const hotspot = service === 'hotspot';
  const t = useT();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(password);
      notify(t('subs.password.copied'), 'success');
    } catch {
      // No clipboard (plain http, no permission): the password stays on screen to copy by hand.
    }
  };
  return (
    <Dialog open onClose={onClose} maxWidth="xs" fullWidth data-testid="subscription-password-dialog">
      <DialogTitle>{t(hotspot ? 'subs.password.titleHotspot' : 'subs.password.title', { code })}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>
          {t(hotspot ? 'subs.password.bodyHotspot' : 'subs.password.body')}
        </DialogContentText>
        <Typography variant="body2" color="text.secondary">
          {t(hotspot ? 'subs.field.usernameHotspot' : 'subs.field.username')}
        </Typography>
        <Typography sx={{ fontFamily: 'monospace', fontSize: 18, mb: 1 }}>{username}</Typography>
        <Typography variant="body2" color="text.secondary">
          {t(hotspot ? 'subs.field.passwordHotspot' : 'subs.field.password')}
        </Typography>
        <Typography
          sx={{ fontFamily: 'monospace', fontSize: 22, letterSpacing: 2 }}
          data-testid="subscription-generated-password"
        >
          {password}
        </Typography>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button startIcon={<ContentCopyIcon />} onClick={() => void copy()}>
          {t('subs.password.copy')}
        </Button>
        <Button variant="contained" onClick={onClose} autoFocus data-testid="subscription-password-done">
          {t('subs.password.done')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
