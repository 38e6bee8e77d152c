import LockIcon from '@mui/icons-material/Lock';
import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import Alert from '@mui/material/Alert';
import Avatar from '@mui/material/Avatar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import type { FieldErrors } from '../../../../shared/domain/errors';
import { PasswordField } from '../../app/components/PasswordField';
import { useT } from '../../app/i18n/use-t';
import { hasErrors, required, validate } from '../../app/validation';
import { AuthLayout } from './AuthLayout';
import { unlock } from './session-actions';
import { useSessionStore } from './session-store';

/** Shown after inactivity or when the core says the session expired: only the same user's password. */
export function LockScreen() {
  const t = useT();
  const user = useSessionStore((state) => state.user);
  const notice = useSessionStore((state) => state.notice);
  const signOut = useSessionStore((state) => state.signOut);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validate(t, { password: [password, required] });
    setErrors(found);
    if (hasErrors(found)) return;
    setBusy(true);
    const result = await unlock(password);
    setBusy(false);
    if (!result.ok) {
      setErrors(result.fields);
      setPassword('');
    }
  };

  if (!user) return null;
  return (
    <AuthLayout
      title={t('lock.title')}
      subtitle={t('lock.subtitle', { name: user.name, username: user.username })}
      testId="lock-screen"
    >
      <Stack component="form" noValidate spacing={2} onSubmit={(event) => void submit(event)}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5 }}>
          <Avatar sx={{ bgcolor: 'primary.main', color: 'primary.contrastText' }}>
            <LockIcon fontSize="small" />
          </Avatar>
          <Box sx={{ minWidth: 0 }}>
            <Typography sx={{ fontWeight: 650 }} noWrap data-testid="lock-user-name">
              {user.name}
            </Typography>
            <Typography variant="body2" color="text.secondary" noWrap>
              {user.username} · {user.roleName}
            </Typography>
          </Box>
        </Box>
        {notice ? (
          <Alert severity="info" data-testid="lock-notice">
            {notice}
          </Alert>
        ) : null}
        <PasswordField
          label={t('lock.password')}
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={Boolean(errors.password)}
          helperText={errors.password}
          autoComplete="current-password"
          autoFocus
          testId="lock-password"
        />
        <Button type="submit" variant="contained" size="large" disabled={busy} data-testid="lock-submit">
          {t('lock.unlock')}
        </Button>
        <Button
          startIcon={<SwapHorizIcon />}
          onClick={() => signOut()}
          disabled={busy}
          data-testid="lock-switch-user"
        >
          {t('lock.switchUser')}
        </Button>
      </Stack>
    </AuthLayout>
  );
}
