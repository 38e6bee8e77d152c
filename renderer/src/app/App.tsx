import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { useEffect, useMemo } from 'react';
import { bootSession } from '../features/session/session-actions';
import { useSessionStore } from '../features/session/session-store';
import { SessionGate } from './SessionGate';
import { Notifier } from './errors/Notifier';
import { useNotifierStore } from './errors/notifier-store';
import { createAppTheme } from './theme/create-app-theme';
import { useThemeStore } from './theme/theme-store';

/** The root: theme, the global snackbar, and which of wizard / login / lock / shell to show. */
export function App() {
  const mode = useThemeStore((state) => state.mode);
  const theme = useMemo(() => createAppTheme(mode), [mode]);
  const status = useSessionStore((state) => state.status);

  useEffect(() => {
    if (status === 'booting') void bootSession();
    // A notice belongs to the screen it was raised on; the next screen explains itself.
    useNotifierStore.getState().dismiss();
  }, [status]);

  return (
    <ThemeProvider theme={theme}>
      <CssBaseline enableColorScheme />
      <SessionGate status={status} />
      <Notifier />
    </ThemeProvider>
  );
}
