import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useRef, useState } from 'react';
import {
  NOTIFY_TEMPLATE_KEYS,
  type NotifyTemplate,
  type NotifyTemplateKey,
} from '../../../../shared/contract/notify.contract';
import { ConfirmDialog } from '../../app/components/ConfirmDialog';
import { LoadingState } from '../../app/components/LoadingState';
import { call } from '../../app/errors/call';
import { notify } from '../../app/errors/notifier-store';
import { useT } from '../../app/i18n/use-t';
import { useLoader } from '../../app/use-loader';
import { CHANNEL_LABEL, TEMPLATE_LABEL } from './notify-labels';

type TemplateChannel = NotifyTemplate['channel'];
type Draft = Pick<NotifyTemplate, 'subject' | 'body' | 'waTemplate' | 'waLanguage' | 'enabled'>;

/** Example values for the live preview (the core's previews use the same ones for saved templates). */
const SAMPLE: Record<string, string> = {
  nama: 'Budi Santoso',
  kode: 'PLG-0001',
  cabang: 'Cabang Depok',
  nomor: 'INV/2030-02/000123',
  periode: 'Februari 2030',
  paket: 'Rumah 10 Mbps',
  jumlah: 'Rp 166.500',
  saldo: 'Rp 166.500',
  jatuh_tempo: '10 Februari 2030',
  hari: '3',
  alasan: 'Tagihan belum dibayar',
  tanggal: '8 Februari 2030',
  metode: 'Tunai',
};
const VARIABLE = /\{([a-z_]+)\}/g;

function render(text: string): string {
  return text.replace(VARIABLE, (_whole, name: string) => SAMPLE[name] ?? '');
}

function unknownIn(text: string, known: readonly string[]): string[] {
  return [
    ...new Set(
      [...text.matchAll(VARIABLE)].map((match) => match[1]!).filter((name) => !known.includes(name)),
    ),
  ];
}

/** Customer message templates per key and channel: edit with variable hints, live preview, reset. */
export function NotifyTemplatesTab() {
  const t = useT();
  const [key, setKey] = useState<NotifyTemplateKey>('invoice.issued');
  const [channel, setChannel] = useState<TemplateChannel>('whatsapp');
  const templates = useLoader('notify/templates', async () => {
    const result = await call('notify.templates.list', {});
    return result.ok ? result.data : null;
  });
  if (!templates.data) return <LoadingState />;
  const current = templates.data.find((template) => template.key === key && template.channel === channel);

  return (
    <Box sx={{ display: 'flex', gap: 2, flexDirection: { xs: 'column', md: 'row' } }}>
      <Paper variant="outlined" sx={{ minWidth: 260 }}>
        <List dense data-testid="notify-template-keys">
          {NOTIFY_TEMPLATE_KEYS.map((entry) => {
            const edited = templates.data!.some((template) => template.key === entry && template.customized);
            return (
              <ListItemButton
                key={entry}
                selected={entry === key}
                onClick={() => setKey(entry)}
                data-testid={`notify-template-${entry}`}
              >
                <ListItemText
                  primary={t(TEMPLATE_LABEL[entry])}
                  secondary={edited ? t('notify.templates.customized') : null}
                />
              </ListItemButton>
            );
          })}
        </List>
      </Paper>
      <Box sx={{ flex: 1 }}>
        <ToggleButtonGroup
          exclusive
          size="small"
          value={channel}
          onChange={(_event, value: TemplateChannel | null) => value && setChannel(value)}
          sx={{ mb: 2 }}
        >
          {(['whatsapp', 'email'] as const).map((entry) => (
            <ToggleButton key={entry} value={entry} data-testid={`notify-template-channel-${entry}`}>
              {t(CHANNEL_LABEL[entry])}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        {current ? (
          <TemplateEditor
            key={`${key}/${channel}/${current.body}/${current.subject}/${String(current.enabled)}`}
            template={current}
            onSaved={templates.reload}
          />
        ) : null}
      </Box>
    </Box>
  );
}

function TemplateEditor({ template, onSaved }: { template: NotifyTemplate; onSaved(): void }) {
  const t = useT();
  const [draft, setDraft] = useState<Draft>({
    subject: template.subject,
    body: template.body,
    waTemplate: template.waTemplate,
    waLanguage: template.waLanguage,
    enabled: template.enabled,
  });
  const [fields, setFields] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [confirmReset, setConfirmReset] = useState(false);
  const bodyRef = useRef<HTMLTextAreaElement | null>(null);
  const isEmail = template.channel === 'email';
  const dirty =
    draft.subject !== template.subject ||
    draft.body !== template.body ||
    draft.waTemplate !== template.waTemplate ||
    draft.waLanguage !== template.waLanguage ||
    draft.enabled !== template.enabled;
  const unknownBody = unknownIn(draft.body, template.variables);
  const unknownSubject = unknownIn(draft.subject, template.variables);
  const bodyError =
    fields.body ??
    (unknownBody.length
      ? t('notify.templates.unknown', { names: unknownBody.map((name) => `{${name}}`).join(', ') })
      : undefined);
  const subjectError =
    fields.subject ??
    (unknownSubject.length
      ? t('notify.templates.unknown', { names: unknownSubject.map((name) => `{${name}}`).join(', ') })
      : undefined);

  const insert = (name: string) => {
    const element = bodyRef.current;
    const token = `{${name}}`;
    const start = element?.selectionStart ?? draft.body.length;
    const end = element?.selectionEnd ?? draft.body.length;
    setDraft((previous) => ({
      ...previous,
      body: previous.body.slice(0, start) + token + previous.body.slice(end),
    }));
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(start + token.length, start + token.length);
    });
  };

  const save = async () => {
    if (bodyError || subjectError || !draft.body.trim()) return;
    setSaving(true);
    const result = await call(
      'notify.templates.update',
      {
        key: template.key,
        channel: template.channel,
        body: draft.body,
        enabled: draft.enabled,
        ...(isEmail
          ? { subject: draft.subject }
          : { waTemplate: draft.waTemplate, waLanguage: draft.waLanguage }),
      },
      { form: ['subject', 'body', 'waTemplate', 'waLanguage'] },
    );
    setSaving(false);
    if (result.ok) {
      notify(t('notify.templates.saved'), 'success');
      onSaved();
    } else setFields(result.fields);
  };

  const reset = async () => {
    const result = await call('notify.templates.reset', { key: template.key, channel: template.channel });
    if (result.ok) {
      notify(t('notify.templates.resetDone'), 'success');
      setConfirmReset(false);
      onSaved();
    }
  };

  return (
    <Paper
      variant="outlined"
      sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 2 }}
      data-testid="notify-template-editor"
      onKeyDown={(event) => {
        if ((event.ctrlKey || event.metaKey) && event.key === 's') {
          event.preventDefault();
          void save();
        }
      }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <Chip
          size="small"
          label={template.customized ? t('notify.templates.customized') : t('notify.templates.default')}
          color={template.customized ? 'info' : 'default'}
        />
        <Box sx={{ flex: 1 }} />
        <FormControlLabel
          control={
            <Switch
              checked={draft.enabled}
              onChange={(event) => setDraft({ ...draft, enabled: event.target.checked })}
              slotProps={{ input: { 'aria-label': t('notify.templates.enabled') } }}
              data-testid="notify-template-enabled"
            />
          }
          label={t('notify.templates.enabled')}
        />
      </Box>
      {isEmail ? (
        <TextField
          label={t('notify.templates.subject')}
          value={draft.subject}
          onChange={(event) => {
            setDraft({ ...draft, subject: event.target.value });
            setFields({});
          }}
          error={Boolean(subjectError)}
          helperText={subjectError}
          slotProps={{ htmlInput: { 'data-testid': 'notify-template-subject', maxLength: 200 } }}
        />
      ) : null}
      <TextField
        label={t('notify.templates.body')}
        value={draft.body}
        multiline
        minRows={6}
        inputRef={bodyRef}
        onChange={(event) => {
          setDraft({ ...draft, body: event.target.value });
          setFields({});
        }}
        error={Boolean(bodyError)}
        helperText={bodyError}
        slotProps={{ htmlInput: { 'data-testid': 'notify-template-body', maxLength: 4000 } }}
      />
      <Box>
        <Typography variant="caption" color="text.secondary">
          {t('notify.templates.variables')}
        </Typography>
        <Box
          sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap', mt: 0.5 }}
          data-testid="notify-template-variables"
        >
          {template.variables.map((name) => (
            <Chip
              key={name}
              size="small"
              variant="outlined"
              label={`{${name}}`}
              onClick={() => insert(name)}
            />
          ))}
        </Box>
      </Box>
      {!isEmail ? (
        <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
          <TextField
            size="small"
            label={t('notify.templates.waTemplate')}
            value={draft.waTemplate}
            onChange={(event) => setDraft({ ...draft, waTemplate: event.target.value })}
            error={Boolean(fields.waTemplate)}
            helperText={fields.waTemplate ?? t('notify.templates.waTemplateHint')}
            sx={{ flex: 1, minWidth: 240 }}
            slotProps={{ htmlInput: { 'data-testid': 'notify-template-wa-name', maxLength: 512 } }}
          />
          <TextField
            size="small"
            label={t('notify.templates.waLanguage')}
            value={draft.waLanguage}
            onChange={(event) => setDraft({ ...draft, waLanguage: event.target.value })}
            error={Boolean(fields.waLanguage)}
            helperText={fields.waLanguage}
            sx={{ width: 140 }}
            slotProps={{ htmlInput: { 'data-testid': 'notify-template-wa-language', maxLength: 10 } }}
          />
        </Box>
      ) : null}
      <Box>
        <Typography variant="caption" color="text.secondary">
          {t('notify.templates.preview')}
        </Typography>
        <Box
          sx={{ bgcolor: 'action.hover', p: 2, borderRadius: 1, mt: 0.5 }}
          data-testid="notify-template-preview"
        >
          {isEmail ? (
            <Typography variant="subtitle2" gutterBottom>
              {render(draft.subject)}
            </Typography>
          ) : null}
          <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
            {render(draft.body)}
          </Typography>
        </Box>
      </Box>
      <Box sx={{ display: 'flex', gap: 1, justifyContent: 'flex-end' }}>
        {template.customized ? (
          <Button color="warning" onClick={() => setConfirmReset(true)} data-testid="notify-template-reset">
            {t('notify.templates.reset')}
          </Button>
        ) : null}
        <Button
          variant="contained"
          disabled={!dirty || saving || Boolean(bodyError) || Boolean(subjectError) || !draft.body.trim()}
          onClick={() => void save()}
          data-testid="notify-template-save"
        >
          {t('common.save')}
        </Button>
      </Box>
      <ConfirmDialog
        open={confirmReset}
        title={t('notify.templates.resetTitle')}
        body={t('notify.templates.resetBody')}
        confirmLabel={t('notify.templates.reset')}
        danger
        testId="notify-template-reset-confirm"
        onConfirm={reset}
        onClose={() => setConfirmReset(false)}
      />
    </Paper>
  );
}
