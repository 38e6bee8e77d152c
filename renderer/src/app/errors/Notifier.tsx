import Alert from '@mui/material/Alert';
import Snackbar from '@mui/material/Snackbar';
import { useNotifierStore } from './notifier-store';

/** The global snackbar: every failed call and every confirmation ends up here. */
export function Notifier() {
  const notice = useNotifierStore((state) => state.notice);
  const open = useNotifierStore((state) => state.open);
  const dismiss = useNotifierStore((state) => state.dismiss);
  return (
    <Snackbar
      key={notice?.key}
      open={open && notice !== null}
      autoHideDuration={notice?.severity === 'error' || notice?.severity === 'warning' ? 8000 : 4000}
      onClose={(_event, reason) => {
        if (reason !== 'clickaway') dismiss();
      }}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
    >
      <Alert
        data-testid="snackbar"
        data-severity={notice?.severity}
        severity={notice?.severity ?? 'info'}
        variant="filled"
        onClose={dismiss}
        sx={{ minWidth: 320, maxWidth: 560 }}
      >
        {notice?.message}
      </Alert>
    </Snackbar>
  );
}
