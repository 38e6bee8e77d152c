import BackupIcon from '@mui/icons-material/Backup';
import RestoreIcon from '@mui/icons-material/Restore';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { ConfirmDialog } from '../../app/components/ConfirmDialog';
import { EmptyState } from '../../app/components/EmptyState';
import { PageHeader } from '../../app/components/PageHeader';
import { notify } from '../../app/errors/notifier-store';
import { useT } from '../../app/i18n/use-t';
import { useFormat } from '../../app/use-format';
import { useSessionStore } from '../session/session-store';
import { useBackupStore, type BackupFile } from './backup-store';

/** The core swaps its database a moment after answering; wait that long before asking it anything. */
const RESTART_GRACE_MS = 1500;

export function BackupScreen() {
  const t = useT();
  const format = useFormat();
  const backups = useBackupStore((state) => state.backups);
  const loading = useBackupStore((state) => state.loading);
  const creating = useBackupStore((state) => state.creating);
  // The file outlives `open` so the dialog keeps its text while it animates closed.
  const [restoreTarget, setRestoreTarget] = useState<BackupFile | null>(null);
  const [restoreOpen, setRestoreOpen] = useState(false);

  useEffect(() => {
    void useBackupStore.getState().load();
  }, []);

  const createBackup = async () => {
    const result = await useBackupStore.getState().create();
    if (result.ok) notify(t('backup.created', { file: result.data.fileName }), 'success');
  };

  const restore = async (file: BackupFile) => {
    const result = await useBackupStore.getState().restore(file.fileName);
    setRestoreOpen(false);
    if (!result.ok) return;
    // Every session belongs to the old database: back to start-up, then the login screen says why.
    await new Promise((resolve) => setTimeout(resolve, RESTART_GRACE_MS));
    useSessionStore.getState().restart(t('backup.restored'));
  };

  return (
    <>
      <PageHeader
        title={t('backup.title')}
        actions={
          <Button
            variant="contained"
            startIcon={<BackupIcon />}
            onClick={() => void createBackup()}
            disabled={creating}
            data-testid="backup-create"
          >
            {t('backup.create')}
          </Button>
        }
      />
      <Alert severity="info" sx={{ mb: 2 }}>
        {t('backup.hint')}
      </Alert>
      <Paper variant="outlined">
        <TableContainer>
          <Box sx={{ height: 4 }}>{loading || creating ? <LinearProgress /> : null}</Box>
          <Table size="small" data-testid="backup-table">
            <TableHead>
              <TableRow>
                <TableCell>{t('backup.col.file')}</TableCell>
                <TableCell>{t('backup.col.created')}</TableCell>
                <TableCell align="right">{t('backup.col.size')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {backups.map((file) => (
                <TableRow key={file.fileName} hover data-testid={`backup-row-${file.fileName}`}>
                  <TableCell>
                    <Typography variant="body2" sx={{ fontFamily: 'ui-monospace, monospace' }}>
                      {file.fileName}
                    </Typography>
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{format.dateTime(file.createdAt)}</TableCell>
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    {format.bytes(file.bytes)}
                  </TableCell>
                  <TableCell align="right">
                    <Button
                      size="small"
                      startIcon={<RestoreIcon />}
                      onClick={() => {
                        setRestoreTarget(file);
                        setRestoreOpen(true);
                      }}
                      data-testid={`backup-restore-${file.fileName}`}
                    >
                      {t('backup.restore')}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {!loading && backups.length === 0 ? (
            <EmptyState icon={<BackupIcon />} title={t('backup.empty')} testId="backup-empty" />
          ) : null}
        </TableContainer>
      </Paper>
      <ConfirmDialog
        open={restoreOpen}
        title={t('backup.restoreTitle', { file: restoreTarget?.fileName ?? '' })}
        body={t('backup.restoreBody')}
        confirmLabel={t('backup.restoreConfirm')}
        danger
        testId="backup-restore-dialog"
        onClose={() => setRestoreOpen(false)}
        onConfirm={async () => {
          if (restoreTarget) await restore(restoreTarget);
        }}
      />
    </>
  );
}
