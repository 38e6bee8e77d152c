import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import type { FieldErrors } from '../../../../shared/domain/errors';
import { PasswordField } from '../../app/components/PasswordField';
import { useT } from '../../app/i18n/use-t';
import { hasErrors, passwordRule, required, usernameRule, validate } from '../../app/validation';
import { AuthLayout } from './AuthLayout';
import { createOwner } from './session-actions';

/** First run: step 1 names the branch, step 2 creates the owner; then the owner is signed in. */
export function SetupWizardScreen() {
  const t = useT();
  const [step, setStep] = useState<0 | 1>(0);
  const [branchName, setBranchName] = useState('');
  const [name, setName] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const next = (event: FormEvent) => {
    event.preventDefault();
    const found = validate(t, { branchName: [branchName, required] });
    setErrors(found);
    if (!hasErrors(found)) setStep(1);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validate(t, {
      name: [name, required],
      username: [username, required, usernameRule],
      password: [password, required, passwordRule],
      confirm: [confirm, required, (value) => (value === password ? null : 'validation.passwordMismatch')],
    });
    setErrors(found);
    if (hasErrors(found)) return;
    setBusy(true);
    const result = await createOwner({ name, username, password, branchName });
    setBusy(false);
    if (!result.ok) {
      setErrors(result.fields);
      if (result.fields.branchName) setStep(0);
    }
  };

  return (
    <AuthLayout title={t('setup.title')} subtitle={t('setup.subtitle')} testId="setup-wizard" maxWidth={500}>
      <Stepper activeStep={step} sx={{ mb: 3 }}>
        <Step>
          <StepLabel>{t('setup.step.branch')}</StepLabel>
        </Step>
        <Step>
          <StepLabel>{t('setup.step.owner')}</StepLabel>
        </Step>
      </Stepper>
      {step === 0 ? (
        <Stack component="form" noValidate spacing={2} onSubmit={next} key="branch">
          <TextField
            label={t('setup.branchName')}
            value={branchName}
            onChange={(event) => setBranchName(event.target.value)}
            error={Boolean(errors.branchName)}
            helperText={errors.branchName ?? t('setup.branchNameHelp')}
            autoFocus
            slotProps={{ htmlInput: { 'data-testid': 'setup-branch-name', maxLength: 100 } }}
          />
          <Button type="submit" variant="contained" size="large" data-testid="setup-next">
            {t('common.next')}
          </Button>
        </Stack>
      ) : (
        <Stack component="form" noValidate spacing={2} onSubmit={(event) => void submit(event)} key="owner">
          <TextField
            label={t('setup.ownerName')}
            value={name}
            onChange={(event) => setName(event.target.value)}
            error={Boolean(errors.name)}
            helperText={errors.name}
            autoComplete="name"
            autoFocus
            slotProps={{ htmlInput: { 'data-testid': 'setup-owner-name', maxLength: 80 } }}
          />
          <TextField
            label={t('setup.username')}
            value={username}
            onChange={(event) => setUsername(event.target.value.toLowerCase())}
            error={Boolean(errors.username)}
            helperText={errors.username ?? t('setup.usernameHelp')}
            autoComplete="username"
            slotProps={{
              htmlInput: {
                'data-testid': 'setup-username',
                autoCapitalize: 'none',
                spellCheck: false,
                maxLength: 32,
              },
            }}
          />
          <PasswordField
            label={t('setup.password')}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            error={Boolean(errors.password)}
            helperText={errors.password ?? t('setup.passwordHelp')}
            autoComplete="new-password"
            testId="setup-password"
          />
          <PasswordField
            label={t('setup.passwordConfirm')}
            value={confirm}
            onChange={(event) => setConfirm(event.target.value)}
            error={Boolean(errors.confirm)}
            helperText={errors.confirm}
            autoComplete="new-password"
            testId="setup-password-confirm"
          />
          <Stack direction="row" spacing={1}>
            <Button onClick={() => setStep(0)} disabled={busy} data-testid="setup-back">
              {t('common.back')}
            </Button>
            <Button
              type="submit"
              variant="contained"
              size="large"
              disabled={busy}
              sx={{ flex: 1 }}
              data-testid="setup-submit"
            >
              {t('setup.submit')}
            </Button>
          </Stack>
        </Stack>
      )}
    </AuthLayout>
  );
}
