import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import type { FieldErrors } from '../../../../shared/domain/errors';
import { PasswordField } from '../../app/components/PasswordField';
import { useT } from '../../app/i18n/use-t';
import { hasErrors, required, validate } from '../../app/validation';
import { signIn } from './session-actions';
import { AuthLayout } from './AuthLayout';
import { useSessionStore } from './session-store';

export function LoginScreen() {
  const t = useT();
  const notice = useSessionStore((state) => state.notice);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validate(t, { username: [username, required], password: [password, required] });
    setErrors(found);
    if (hasErrors(found)) return;
    setBusy(true);
    const result = await signIn(username, password);
    setBusy(false);
    if (!result.ok) {
      setErrors(result.fields);
      setPassword('');
    }
  };

  return (
    <AuthLayout title={t('login.title')} subtitle={t('login.subtitle')} testId="login-screen">
      <Stack component="form" noValidate spacing={2} onSubmit={(event) => void submit(event)}>
        {notice ? (
          <Alert severity="info" data-testid="login-notice">
            {notice}
          </Alert>
        ) : null}
        <TextField
          label={t('login.username')}
          value={username}
          onChange={(event) => setUsername(event.target.value)}
          error={Boolean(errors.username)}
          helperText={errors.username}
          autoComplete="username"
          autoFocus
          slotProps={{
            htmlInput: { 'data-testid': 'login-username', autoCapitalize: 'none', spellCheck: false },
          }}
        />
        <PasswordField
          label={t('login.password')}
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={Boolean(errors.password)}
          helperText={errors.password}
          autoComplete="current-password"
          testId="login-password"
        />
        <Button type="submit" variant="contained" size="large" disabled={busy} data-testid="login-submit">
          {t('login.submit')}
        </Button>
      </Stack>
    </AuthLayout>
  );
}
