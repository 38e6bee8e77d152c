import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import DescriptionOutlinedIcon from '@mui/icons-material/DescriptionOutlined';
import DownloadIcon from '@mui/icons-material/Download';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { DOCUMENT_KINDS, type CustomerDocument, type DocumentKind } from '../../../../shared/contract/index';
import { ConfirmDialog } from '../../app/components/ConfirmDialog';
import { FileButton } from '../../app/components/FileButton';
import { base64ToBlob, downloadBlob } from '../../app/download';
import { call } from '../../app/errors/call';
import { notify } from '../../app/errors/notifier-store';
import { useT } from '../../app/i18n/use-t';
import { useFormat } from '../../app/use-format';
import { useLoader } from '../../app/use-loader';
import { DOCUMENT_ACCEPT, documentTypeOf, isTooLarge, readAsBase64 } from './customer-files';

/** A customer's documents: upload (image or PDF, ≤ 10 MB), download, remove after a confirmation. */
export function CustomerDocuments({ customerId, canManage }: { customerId: string; canManage: boolean }) {
  const t = useT();
  const format = useFormat();
  const [kind, setKind] = useState<DocumentKind>('ktp');
  const [uploading, setUploading] = useState<string | null>(null);
  const [removing, setRemoving] = useState<CustomerDocument | null>(null);
  const { data, loading, reload } = useLoader(customerId, async () => {
    const result = await call('customers.documents.list', { customerId });
    return result.ok ? result.data : null;
  });
  const documents = data ?? [];

  const upload = async (file: File) => {
    const mimeType = documentTypeOf(file);
    if (!mimeType) return notify(t('customers.docs.badType', { name: file.name }), 'warning');
    if (isTooLarge(file)) {
      return notify(
        t('customers.docs.tooLarge', { name: file.name, size: format.bytes(file.size) }),
        'warning',
      );
    }
    setUploading(file.name);
    try {
      const contentBase64 = await readAsBase64(file);
      const result = await call('customers.documents.add', {
        customerId,
        fileName: file.name,
        mimeType,
        contentBase64,
        kind,
      });
      if (result.ok) {
        notify(t('customers.docs.uploaded', { name: result.data.fileName }), 'success');
        reload();
      }
    } finally {
      setUploading(null);
    }
  };

  const download = async (document: CustomerDocument) => {
    const result = await call('customers.documents.get', { id: document.id });
    if (result.ok)
      downloadBlob(result.data.fileName, base64ToBlob(result.data.contentBase64, result.data.mimeType));
  };

  const remove = async (document: CustomerDocument) => {
    const result = await call('customers.documents.remove', { id: document.id });
    setRemoving(null);
    if (!result.ok) return;
    notify(t('customers.docs.removed', { name: document.fileName }), 'success');
    reload();
  };

  return (
    <Box data-testid="customer-documents">
      <Typography variant="subtitle2" sx={{ fontWeight: 700, mb: 1 }}>
        {t('customers.docs.title')}
      </Typography>
      {canManage ? (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
          <TextField
            select
            size="small"
            label={t('customers.docs.kind')}
            value={kind}
            onChange={(event) => setKind(event.target.value as DocumentKind)}
            sx={{ width: 170 }}
            slotProps={{
              select: { native: true },
              inputLabel: { shrink: true },
              htmlInput: { 'data-testid': 'customer-document-kind' },
            }}
          >
            {DOCUMENT_KINDS.map((option) => (
              <option key={option} value={option}>
                {t(`customers.docs.kind.${option}`)}
              </option>
            ))}
          </TextField>
          <FileButton
            accept={DOCUMENT_ACCEPT}
            testId="customer-document-file"
            variant="outlined"
            size="small"
            startIcon={<UploadFileIcon />}
            disabled={uploading !== null}
            onFile={(file) => void upload(file)}
          >
            {t('customers.docs.upload')}
          </FileButton>
        </Stack>
      ) : null}
      {canManage ? (
        <Typography variant="caption" color="text.secondary">
          {t('customers.docs.help')}
        </Typography>
      ) : null}
      <Box sx={{ height: 4, mt: 1 }}>{loading || uploading ? <LinearProgress /> : null}</Box>
      {uploading ? (
        <Typography variant="caption" color="text.secondary">
          {t('customers.docs.uploading', { name: uploading })}
        </Typography>
      ) : null}
      {!loading && documents.length === 0 ? (
        <Typography
          variant="body2"
          color="text.secondary"
          sx={{ py: 1 }}
          data-testid="customer-documents-empty"
        >
          {t('customers.docs.empty')}
        </Typography>
      ) : null}
      <List dense disablePadding>
        {documents.map((document) => (
          <ListItem
            key={document.id}
            disableGutters
            data-testid="customer-document-row"
            secondaryAction={
              <Box>
                <Tooltip title={t('customers.docs.download')}>
                  <IconButton
                    edge="end"
                    aria-label={t('customers.docs.download')}
                    onClick={() => void download(document)}
                    data-testid="customer-document-download"
                  >
                    <DownloadIcon fontSize="small" />
                  </IconButton>
                </Tooltip>
                {canManage ? (
                  <Tooltip title={t('customers.docs.remove')}>
                    <IconButton
                      edge="end"
                      aria-label={t('customers.docs.remove')}
                      onClick={() => setRemoving(document)}
                      sx={{ ml: 0.5 }}
                      data-testid="customer-document-remove"
                    >
                      <DeleteOutlinedIcon fontSize="small" />
                    </IconButton>
                  </Tooltip>
                ) : null}
              </Box>
            }
          >
            <ListItemIcon sx={{ minWidth: 36 }}>
              <DescriptionOutlinedIcon fontSize="small" />
            </ListItemIcon>
            <ListItemText
              primary={document.fileName}
              secondary={`${t(`customers.docs.kind.${document.kind}`)} · ${format.bytes(document.size)} · ${format.dateTime(document.createdAt)}`}
              slotProps={{ primary: { noWrap: true, sx: { pr: 9 } } }}
            />
          </ListItem>
        ))}
      </List>
      <ConfirmDialog
        open={removing !== null}
        title={t('customers.docs.removeTitle', { name: removing?.fileName ?? '' })}
        body={t('customers.docs.removeBody')}
        confirmLabel={t('common.delete')}
        danger
        testId="customer-document-remove-dialog"
        onClose={() => setRemoving(null)}
        onConfirm={async () => {
          if (removing) await remove(removing);
        }}
      />
    </Box>
  );
}
