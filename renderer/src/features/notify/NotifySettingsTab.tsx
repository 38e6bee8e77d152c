import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type ReactNode } from 'react';
import type { ChannelInput } from '../../../../shared/contract/index';
import type { NotifyChannelName, NotifySettings } from '../../../../shared/contract/notify.contract';
import { LoadingState } from '../../app/components/LoadingState';
import { PasswordField } from '../../app/components/PasswordField';
import { call } from '../../app/errors/call';
import { notify } from '../../app/errors/notifier-store';
import { useT } from '../../app/i18n/use-t';
import { useLoader } from '../../app/use-loader';
import { CHANNEL_LABEL } from './notify-labels';

type Secrets = { token: string; password: string; webhookUrl: string };
type Removals = { token: boolean; password: boolean; webhookUrl: boolean };
const FORM_FIELDS = [
  'whatsapp.fonnteUrl',
  'whatsapp.cloudBaseUrl',
  'whatsapp.cloudPhoneNumberId',
  'whatsapp.token',
  'email.host',
  'email.port',
  'email.from',
  'email.user',
  'discord.webhookUrl',
  'adminEmail',
  'to',
];

/** Gateway settings per channel (secrets write-only) and a test message through any of them. */
export function NotifySettingsTab() {
  const settings = useLoader('notify/settings', async () => {
    const result = await call('notify.settings.get', {});
    return result.ok ? result.data : null;
  });
  if (!settings.data) return <LoadingState />;
  return (
    <SettingsForm key={JSON.stringify(settings.data)} settings={settings.data} onSaved={settings.reload} />
  );
}

function Section({ title, ready, children }: { title: string; ready: boolean; children: ReactNode }) {
  const t = useT();
  return (
    <Paper variant="outlined" sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <Typography variant="h6" sx={{ flex: 1 }}>
          {title}
        </Typography>
        <Chip
          size="small"
          color={ready ? 'success' : 'default'}
          label={ready ? t('notify.settings.ready') : t('notify.settings.notReady')}
        />
      </Box>
      {children}
    </Paper>
  );
}

function SettingsForm({ settings, onSaved }: { settings: NotifySettings; onSaved(): void }) {
  const t = useT();
  const [form, setForm] = useState(settings);
  const [secrets, setSecrets] = useState<Secrets>({ token: '', password: '', webhookUrl: '' });
  const [removals, setRemovals] = useState<Removals>({ token: false, password: false, webhookUrl: false });
  const [fields, setFields] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const wa = form.whatsapp;
  const email = form.email;
  const setWa = (patch: Partial<NotifySettings['whatsapp']>) =>
    setForm({ ...form, whatsapp: { ...wa, ...patch } });
  const setEmail = (patch: Partial<NotifySettings['email']>) =>
    setForm({ ...form, email: { ...email, ...patch } });
  const secretValue = (name: keyof Secrets) => (removals[name] ? '' : secrets[name] || undefined);

  const save = async () => {
    setSaving(true);
    const token = secretValue('token');
    const password = secretValue('password');
    const webhookUrl = secretValue('webhookUrl');
    const input: ChannelInput<'notify.settings.update'> = {
      whatsapp: {
        enabled: wa.enabled,
        provider: wa.provider,
        fonnteUrl: wa.fonnteUrl,
        cloudBaseUrl: wa.cloudBaseUrl,
        cloudPhoneNumberId: wa.cloudPhoneNumberId,
        ...(token !== undefined ? { token } : {}),
      },
      email: {
        enabled: email.enabled,
        host: email.host,
        port: email.port,
        security: email.security,
        user: email.user,
        from: email.from,
        ...(password !== undefined ? { password } : {}),
      },
      ...(webhookUrl !== undefined ? { discord: { webhookUrl } } : {}),
      adminEmail: form.adminEmail,
    };
    const result = await call('notify.settings.update', input, { form: FORM_FIELDS });
    setSaving(false);
    if (result.ok) {
      notify(t('notify.settings.saved'), 'success');
      onSaved();
    } else setFields(result.fields);
  };

  const secretHelp = (set: boolean) =>
    set ? t('notify.settings.secretSet') : t('notify.settings.secretUnset');
  const removeBox = (name: keyof Removals, set: boolean) =>
    set ? (
      <FormControlLabel
        control={
          <Checkbox
            size="small"
            checked={removals[name]}
            onChange={(event) => setRemovals({ ...removals, [name]: event.target.checked })}
          />
        }
        label={t('notify.settings.removeSecret')}
      />
    ) : null;

  return (
    <Box
      sx={{ display: 'flex', flexDirection: 'column', gap: 2, maxWidth: 760 }}
      component="form"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      data-testid="notify-settings"
    >
      <Alert severity="info">{t('notify.settings.secretsNote')}</Alert>
      <Section title={t('notify.settings.whatsapp')} ready={settings.ready.whatsapp}>
        <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'center' }}>
          <FormControlLabel
            control={
              <Switch checked={wa.enabled} onChange={(event) => setWa({ enabled: event.target.checked })} />
            }
            label={t('notify.settings.enabled')}
          />
          <TextField
            select
            size="small"
            label={t('notify.settings.provider')}
            value={wa.provider}
            onChange={(event) =>
              setWa({ provider: event.target.value as NotifySettings['whatsapp']['provider'] })
            }
            sx={{ minWidth: 240 }}
            slotProps={{ htmlInput: { 'data-testid': 'notify-wa-provider' } }}
          >
            <MenuItem value="none">{t('notify.settings.provider.none')}</MenuItem>
            <MenuItem value="fonnte">{t('notify.settings.provider.fonnte')}</MenuItem>
            <MenuItem value="cloud">{t('notify.settings.provider.cloud')}</MenuItem>
          </TextField>
        </Box>
        {wa.provider === 'fonnte' ? (
          <TextField
            size="small"
            label={t('notify.settings.fonnteUrl')}
            value={wa.fonnteUrl}
            onChange={(event) => setWa({ fonnteUrl: event.target.value })}
            error={Boolean(fields['whatsapp.fonnteUrl'])}
            helperText={fields['whatsapp.fonnteUrl']}
            slotProps={{ htmlInput: { 'data-testid': 'notify-fonnte-url' } }}
          />
        ) : null}
        {wa.provider === 'cloud' ? (
          <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
            <TextField
              size="small"
              label={t('notify.settings.cloudBaseUrl')}
              value={wa.cloudBaseUrl}
              onChange={(event) => setWa({ cloudBaseUrl: event.target.value })}
              error={Boolean(fields['whatsapp.cloudBaseUrl'])}
              helperText={fields['whatsapp.cloudBaseUrl']}
              sx={{ flex: 1, minWidth: 260 }}
            />
            <TextField
              size="small"
              label={t('notify.settings.phoneNumberId')}
              value={wa.cloudPhoneNumberId}
              onChange={(event) => setWa({ cloudPhoneNumberId: event.target.value.replace(/\D/g, '') })}
              error={Boolean(fields['whatsapp.cloudPhoneNumberId'])}
              helperText={fields['whatsapp.cloudPhoneNumberId']}
              slotProps={{ htmlInput: { inputMode: 'numeric', 'data-testid': 'notify-cloud-phone-id' } }}
            />
          </Box>
        ) : null}
        {wa.provider !== 'none' ? (
          <Box>
            <PasswordField
              size="small"
              fullWidth
              label={t('notify.settings.token')}
              value={secrets.token}
              disabled={removals.token}
              onChange={(event) => setSecrets({ ...secrets, token: event.target.value })}
              helperText={fields['whatsapp.token'] ?? secretHelp(wa.tokenSet)}
              autoComplete="off"
              testId="notify-wa-token"
            />
            {removeBox('token', wa.tokenSet)}
          </Box>
        ) : null}
      </Section>

      <Section title={t('notify.settings.email')} ready={settings.ready.email}>
        <FormControlLabel
          control={
            <Switch
              checked={email.enabled}
              onChange={(event) => setEmail({ enabled: event.target.checked })}
            />
          }
          label={t('notify.settings.enabled')}
        />
        <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
          <TextField
            size="small"
            label={t('notify.settings.host')}
            value={email.host}
            onChange={(event) => setEmail({ host: event.target.value })}
            error={Boolean(fields['email.host'])}
            helperText={fields['email.host']}
            sx={{ flex: 1, minWidth: 220 }}
            slotProps={{ htmlInput: { 'data-testid': 'notify-smtp-host' } }}
          />
          <TextField
            size="small"
            label={t('notify.settings.port')}
            value={String(email.port)}
            onChange={(event) =>
              setEmail({ port: Number(event.target.value.replace(/\D/g, '').slice(0, 5)) || 0 })
            }
            error={Boolean(fields['email.port'])}
            helperText={fields['email.port']}
            sx={{ width: 110 }}
            slotProps={{ htmlInput: { inputMode: 'numeric', 'data-testid': 'notify-smtp-port' } }}
          />
          <TextField
            select
            size="small"
            label={t('notify.settings.security')}
            value={email.security}
            onChange={(event) => {
              const security = event.target.value as NotifySettings['email']['security'];
              setEmail({
                security,
                port:
                  security === 'tls' ? 465 : security === 'starttls' && email.port === 465 ? 587 : email.port,
              });
            }}
            sx={{ minWidth: 220 }}
          >
            <MenuItem value="starttls">{t('notify.settings.security.starttls')}</MenuItem>
            <MenuItem value="tls">{t('notify.settings.security.tls')}</MenuItem>
            <MenuItem value="none">{t('notify.settings.security.none')}</MenuItem>
          </TextField>
        </Box>
        <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
          <TextField
            size="small"
            label={t('notify.settings.user')}
            value={email.user}
            onChange={(event) => setEmail({ user: event.target.value })}
            autoComplete="off"
            sx={{ flex: 1, minWidth: 200 }}
          />
          <Box sx={{ flex: 1, minWidth: 200 }}>
            <PasswordField
              size="small"
              fullWidth
              label={t('notify.settings.password')}
              value={secrets.password}
              disabled={removals.password}
              onChange={(event) => setSecrets({ ...secrets, password: event.target.value })}
              helperText={secretHelp(email.passwordSet)}
              autoComplete="new-password"
              testId="notify-smtp-password"
            />
            {removeBox('password', email.passwordSet)}
          </Box>
        </Box>
        <TextField
          size="small"
          label={t('notify.settings.from')}
          value={email.from}
          onChange={(event) => setEmail({ from: event.target.value })}
          error={Boolean(fields['email.from'])}
          helperText={fields['email.from']}
          slotProps={{ htmlInput: { 'data-testid': 'notify-smtp-from' } }}
        />
      </Section>

      <Section title={t('notify.settings.discord')} ready={settings.ready.discord}>
        <Box>
          <PasswordField
            size="small"
            fullWidth
            label={t('notify.settings.webhook')}
            value={secrets.webhookUrl}
            disabled={removals.webhookUrl}
            onChange={(event) => setSecrets({ ...secrets, webhookUrl: event.target.value })}
            helperText={fields['discord.webhookUrl'] ?? secretHelp(form.discord.webhookSet)}
            autoComplete="off"
            testId="notify-discord-webhook"
          />
          {removeBox('webhookUrl', form.discord.webhookSet)}
        </Box>
        <TextField
          size="small"
          label={t('notify.settings.adminEmail')}
          value={form.adminEmail}
          onChange={(event) => setForm({ ...form, adminEmail: event.target.value })}
          error={Boolean(fields.adminEmail)}
          helperText={fields.adminEmail}
          slotProps={{ htmlInput: { 'data-testid': 'notify-admin-email' } }}
        />
      </Section>

      <Box sx={{ display: 'flex', justifyContent: 'flex-end' }}>
        <Button type="submit" variant="contained" disabled={saving} data-testid="notify-settings-save">
          {t('common.save')}
        </Button>
      </Box>
      <TestPanel ready={settings.ready} />
    </Box>
  );
}

function TestPanel({ ready }: { ready: NotifySettings['ready'] }) {
  const t = useT();
  const [channel, setChannel] = useState<NotifyChannelName>('whatsapp');
  const [to, setTo] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{
    severity: 'success' | 'warning' | 'error' | 'info';
    text: string;
  } | null>(null);

  const send = async () => {
    setBusy(true);
    setOutcome(null);
    const result = await call(
      'notify.test',
      { channel, to: channel === 'discord' ? '' : to },
      { form: ['to'] },
    );
    setBusy(false);
    if (!result.ok) {
      setError(result.fields.to);
      return;
    }
    const detail = result.data.entry.lastError ?? '';
    switch (result.data.outcome) {
      case 'sent':
        return setOutcome({ severity: 'success', text: t('notify.settings.testResult.sent') });
      case 'retrying':
        return setOutcome({
          severity: 'warning',
          text: t('notify.settings.testResult.retrying', { error: detail }),
        });
      case 'failed':
        return setOutcome({
          severity: 'error',
          text: t('notify.settings.testResult.failed', { error: detail }),
        });
      case 'held':
        return setOutcome({ severity: 'info', text: t('notify.settings.testResult.held') });
      default:
        return result.data.outcome satisfies never;
    }
  };

  return (
    <Paper
      variant="outlined"
      sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 2 }}
      data-testid="notify-test"
    >
      <Typography variant="h6">{t('notify.settings.test')}</Typography>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <TextField
          select
          size="small"
          label={t('notify.channel')}
          value={channel}
          onChange={(event) => setChannel(event.target.value as NotifyChannelName)}
          sx={{ minWidth: 160 }}
        >
          {(['whatsapp', 'email', 'discord'] as const).map((entry) => (
            <MenuItem key={entry} value={entry}>
              {t(CHANNEL_LABEL[entry])} {ready[entry] ? '' : `(${t('notify.settings.notReady')})`}
            </MenuItem>
          ))}
        </TextField>
        {channel !== 'discord' ? (
          <TextField
            size="small"
            label={t('notify.settings.testTo')}
            placeholder={channel === 'whatsapp' ? '0812-3456-7890' : 'nama@contoh.id'}
            value={to}
            onChange={(event) => {
              setTo(event.target.value);
              setError(undefined);
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                void send();
              }
            }}
            error={Boolean(error)}
            helperText={error}
            sx={{ flex: 1, minWidth: 220 }}
            slotProps={{ htmlInput: { 'data-testid': 'notify-test-to', maxLength: 120 } }}
          />
        ) : null}
        <Button
          variant="outlined"
          disabled={busy || (channel !== 'discord' && !to.trim())}
          onClick={() => void send()}
          data-testid="notify-test-send"
        >
          {t('notify.settings.test')}
        </Button>
      </Box>
      {outcome ? (
        <Alert severity={outcome.severity} data-testid="notify-test-outcome">
          {outcome.text}
        </Alert>
      ) : null}
    </Paper>
  );
}
