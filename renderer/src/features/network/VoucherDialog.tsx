import PrintIcon from '@mui/icons-material/Print';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import type { VoucherBatch } from '../../../../shared/contract/index';
import type { FieldErrors } from '../../../../shared/domain/errors';
import { IntegerField } from '../../app/components/IntegerField';
import { MoneyField } from '../../app/components/MoneyField';
import { base64ToBlob, downloadBlob, PDF_TYPE } from '../../app/download';
import { call } from '../../app/errors/call';
import { notify } from '../../app/errors/notifier-store';
import type { TranslationKey } from '../../app/i18n/id';
import { useT } from '../../app/i18n/use-t';
import { testId } from '../../app/test-id';
import { useLoader } from '../../app/use-loader';

const CHARSETS = ['alnum', 'numeric', 'upper', 'lower'] as const;
type Charset = (typeof CHARSETS)[number];
const CHARSET_LABEL: Record<Charset, TranslationKey> = {
  alnum: 'vouchers.charset.alnum',
  numeric: 'vouchers.charset.numeric',
  upper: 'vouchers.charset.upper',
  lower: 'vouchers.charset.lower',
};
const UPTIME = /^(\d+[wdhms])*$/;
const FORM = ['count', 'prefix', 'length', 'charset', 'profile', 'limitUptime', 'price', 'comment'];

/** Makes a batch of hotspot vouchers, then offers its cards as a PDF. */
export function VoucherDialog({ routerId, onClose }: { routerId: string; onClose(): void }) {
  const t = useT();
  const profiles = useLoader(`hotspot-profiles/${routerId}`, async () => {
    const result = await call('network.hotspot.profiles.list', { routerId }, { quiet: true });
    return result.ok ? result.data : null;
  });
  const [count, setCount] = useState<number | null>(10);
  const [prefix, setPrefix] = useState('');
  const [length, setLength] = useState<number | null>(6);
  const [charset, setCharset] = useState<Charset>('alnum');
  const [codeOnly, setCodeOnly] = useState(true);
  const [profile, setProfile] = useState('');
  const [limitUptime, setLimitUptime] = useState('');
  const [price, setPrice] = useState<number | null>(5000);
  const [comment, setComment] = useState('');
  const [sellAtPos, setSellAtPos] = useState(true);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [batch, setBatch] = useState<VoucherBatch | null>(null);
  const [printed, setPrinted] = useState<number | null>(null);

  const profileNames = profiles.data?.map((entry) => entry.name) ?? [];
  const chosenProfile = profile || profileNames[0] || '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (count === null || count < 1 || count > 2000) found.count = t('validation.voucherCount');
    if (length === null || length < 4 || length > 16) found.length = t('validation.voucherLength');
    if (!/^[A-Za-z0-9]*$/.test(prefix)) found.prefix = t('validation.voucherPrefix');
    if (!chosenProfile) found.profile = t('validation.required');
    if (!UPTIME.test(limitUptime.trim())) found.limitUptime = t('validation.limitUptime');
    if (price === null) found.price = t('validation.required');
    setErrors(found);
    if (Object.keys(found).length > 0 || count === null || length === null || price === null) return;
    setBusy(true);
    const result = await call(
      'network.hotspot.vouchers.generate',
      {
        routerId,
        count,
        prefix,
        length,
        charset,
        codeOnly,
        profile: chosenProfile,
        server: 'all',
        limitUptime: limitUptime.trim(),
        limitBytesTotal: 0,
        price,
        comment: comment.trim(),
        sellAtPos,
      },
      { form: FORM },
    );
    setBusy(false);
    if (!result.ok) {
      setErrors(result.fields);
      return;
    }
    setBatch(result.data);
    notify(t('vouchers.created', { count: result.data.count }), 'success');
  };

  const print = async () => {
    if (!batch) return;
    setBusy(true);
    const result = await call('network.hotspot.vouchers.pdf', { batchId: batch.id });
    setBusy(false);
    if (!result.ok) return;
    downloadBlob(result.data.fileName, base64ToBlob(result.data.pdfBase64, PDF_TYPE));
    setPrinted(result.data.cards);
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="sm" fullWidth data-testid="voucher-dialog">
      <form noValidate onSubmit={(event) => void submit(event)}>
        <DialogTitle>{t('vouchers.title')}</DialogTitle>
        <DialogContent>
          {batch ? (
            <Stack spacing={2} sx={{ pt: 1 }}>
              <Alert severity="success" data-testid="voucher-batch" data-count={batch.count}>
                {t('vouchers.batchReady', {
                  count: batch.count,
                  profile: batch.profile,
                  comment: batch.comment || '–',
                })}
              </Alert>
              {printed !== null ? (
                <Alert severity="info" data-testid="voucher-cards" data-cards={printed}>
                  {t('vouchers.cards', { count: printed })}
                </Alert>
              ) : null}
            </Stack>
          ) : (
            <Stack spacing={2} sx={{ pt: 1 }}>
              <Stack direction="row" spacing={2}>
                <IntegerField
                  label={t('vouchers.count')}
                  value={count}
                  onChange={setCount}
                  max={2000}
                  error={Boolean(errors.count)}
                  helperText={errors.count}
                  sx={{ flex: 1 }}
                  testId="voucher-count"
                />
                <TextField
                  label={t('vouchers.prefix')}
                  value={prefix}
                  onChange={(event) => setPrefix(event.target.value)}
                  error={Boolean(errors.prefix)}
                  helperText={errors.prefix}
                  sx={{ flex: 1 }}
                  slotProps={{ htmlInput: { maxLength: 8, 'data-testid': 'voucher-prefix' } }}
                />
                <IntegerField
                  label={t('vouchers.length')}
                  value={length}
                  onChange={setLength}
                  max={16}
                  error={Boolean(errors.length)}
                  helperText={errors.length}
                  sx={{ flex: 1 }}
                  testId="voucher-length"
                />
              </Stack>
              <Stack direction="row" spacing={2}>
                <TextField
                  select
                  label={t('vouchers.charset')}
                  value={charset}
                  onChange={(event) => setCharset(event.target.value as Charset)}
                  sx={{ flex: 1 }}
                  slotProps={{ htmlInput: { 'data-testid': 'voucher-charset' } }}
                >
                  {CHARSETS.map((option) => (
                    <MenuItem key={option} value={option}>
                      {t(CHARSET_LABEL[option])}
                    </MenuItem>
                  ))}
                </TextField>
                <TextField
                  select
                  label={t('vouchers.profile')}
                  value={chosenProfile}
                  onChange={(event) => setProfile(event.target.value)}
                  error={Boolean(errors.profile)}
                  helperText={errors.profile}
                  sx={{ flex: 1 }}
                  slotProps={{ htmlInput: { 'data-testid': 'voucher-profile' } }}
                >
                  {profileNames.map((option) => (
                    <MenuItem key={option} value={option}>
                      {option}
                    </MenuItem>
                  ))}
                </TextField>
              </Stack>
              <FormControlLabel
                control={
                  <Switch
                    checked={codeOnly}
                    onChange={(event) => setCodeOnly(event.target.checked)}
                    slotProps={{ input: testId('voucher-code-only') }}
                  />
                }
                label={t('vouchers.codeOnly')}
              />
              <Stack direction="row" spacing={2}>
                <TextField
                  label={t('vouchers.limitUptime')}
                  value={limitUptime}
                  onChange={(event) => setLimitUptime(event.target.value)}
                  error={Boolean(errors.limitUptime)}
                  helperText={errors.limitUptime ?? t('vouchers.limitUptimeHelp')}
                  sx={{ flex: 1 }}
                  slotProps={{ htmlInput: { maxLength: 20, 'data-testid': 'voucher-uptime' } }}
                />
                <MoneyField
                  label={t('vouchers.price')}
                  value={price}
                  onChange={setPrice}
                  max={100_000_000}
                  error={Boolean(errors.price)}
                  helperText={errors.price}
                  sx={{ flex: 1 }}
                  testId="voucher-price"
                />
              </Stack>
              <TextField
                label={t('vouchers.comment')}
                value={comment}
                onChange={(event) => setComment(event.target.value)}
                error={Boolean(errors.comment)}
                helperText={errors.comment ?? t('vouchers.commentHelp')}
                slotProps={{ htmlInput: { maxLength: 40, 'data-testid': 'voucher-comment' } }}
              />
              <FormControlLabel
                control={
                  <Switch
                    checked={sellAtPos}
                    onChange={(event) => setSellAtPos(event.target.checked)}
                    slotProps={{ input: testId('voucher-sell-at-pos') }}
                  />
                }
                label={t('vouchers.sellAtPos')}
              />
            </Stack>
          )}
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={busy} data-testid="voucher-close">
            {batch ? t('common.close') : t('common.cancel')}
          </Button>
          {batch ? (
            <Button
              variant="contained"
              startIcon={<PrintIcon />}
              onClick={() => void print()}
              disabled={busy}
              data-testid="voucher-print"
            >
              {t('vouchers.print')}
            </Button>
          ) : (
            <Button type="submit" variant="contained" disabled={busy} data-testid="voucher-submit">
              {t('vouchers.generate')}
            </Button>
          )}
        </DialogActions>
      </form>
    </Dialog>
  );
}
