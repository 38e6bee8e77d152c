import LinkOffIcon from '@mui/icons-material/LinkOff';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { RouterJob } from '../../../../shared/contract/index';
import { ConfirmDialog } from '../../app/components/ConfirmDialog';
import { EmptyState } from '../../app/components/EmptyState';
import type { CallOutcome } from '../../app/errors/call';
import { notify } from '../../app/errors/notifier-store';
import type { TranslationKey } from '../../app/i18n/id';
import { useT } from '../../app/i18n/use-t';

/** One session up now on the router, as the table shows it. */
export type ActiveSession = {
  key: string;
  name: string;
  address: string;
  /** Caller id (PPP) or MAC address (hotspot). */
  detail: string;
  uptime: string;
};

type ActiveSessionsProps = {
  /** 'ppp' or 'hotspot': test ids are `<kind>-active-table` and `<kind>-kick-dialog`. */
  kind: 'ppp' | 'hotspot';
  sessions: readonly ActiveSession[] | null;
  labels: {
    title: TranslationKey;
    name: TranslationKey;
    detail: TranslationKey;
    empty: TranslationKey;
    kickBody: TranslationKey;
  };
  monoDetail?: boolean;
  canManage: boolean;
  onReload(): void;
  /** Queues the disconnect as a router job. */
  kick(name: string): Promise<CallOutcome<RouterJob>>;
};

/** Who is connected now (PPP or hotspot), with a confirmed "disconnect" that becomes a router job. */
export function ActiveSessions({
  kind,
  sessions,
  labels,
  monoDetail,
  canManage,
  onReload,
  kick,
}: ActiveSessionsProps) {
  const t = useT();
  const [kicking, setKicking] = useState<string | null>(null);
  return (
    <>
      <Box sx={{ display: 'flex', alignItems: 'center', mt: 4, mb: 1 }}>
        <Typography variant="subtitle1" sx={{ flex: 1, fontWeight: 650 }}>
          {t(labels.title)}
        </Typography>
        <Button onClick={onReload}>{t('common.refresh')}</Button>
      </Box>
      <Table size="small" data-testid={`${kind}-active-table`}>
        <TableHead>
          <TableRow>
            <TableCell>{t(labels.name)}</TableCell>
            <TableCell>{t('ppp.address')}</TableCell>
            <TableCell>{t(labels.detail)}</TableCell>
            <TableCell>{t('ppp.uptime')}</TableCell>
            {canManage ? <TableCell /> : null}
          </TableRow>
        </TableHead>
        <TableBody>
          {(sessions ?? []).map((session) => (
            <TableRow key={session.key}>
              <TableCell sx={{ fontWeight: 600 }}>{session.name}</TableCell>
              <TableCell>{session.address}</TableCell>
              <TableCell sx={monoDetail ? { fontFamily: 'ui-monospace, monospace' } : undefined}>
                {session.detail}
              </TableCell>
              <TableCell>{session.uptime}</TableCell>
              {canManage ? (
                <TableCell align="right">
                  <Button
                    size="small"
                    color="warning"
                    startIcon={<LinkOffIcon />}
                    onClick={() => setKicking(session.name)}
                  >
                    {t('ppp.kick')}
                  </Button>
                </TableCell>
              ) : null}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {sessions?.length === 0 ? <EmptyState title={t(labels.empty)} /> : null}
      <ConfirmDialog
        open={kicking !== null}
        title={t('ppp.kickTitle', { name: kicking ?? '' })}
        body={t(labels.kickBody)}
        confirmLabel={t('ppp.kick')}
        danger
        testId={`${kind}-kick-dialog`}
        onClose={() => setKicking(null)}
        onConfirm={async () => {
          if (!kicking) return;
          const result = await kick(kicking);
          if (result.ok) notify(t('network.queued', { label: result.data.label }), 'success');
          onReload();
          setKicking(null);
        }}
      />
    </>
  );
}
