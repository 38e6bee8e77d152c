import AddIcon from '@mui/icons-material/Add';
import ArchiveIcon from '@mui/icons-material/Archive';
import EditIcon from '@mui/icons-material/Edit';
import SpeedIcon from '@mui/icons-material/Speed';
import UnarchiveIcon from '@mui/icons-material/Unarchive';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import Switch from '@mui/material/Switch';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { Plan } from '../../../../shared/contract/index';
import { ConfirmDialog } from '../../app/components/ConfirmDialog';
import { EmptyState } from '../../app/components/EmptyState';
import { call } from '../../app/errors/call';
import { notify } from '../../app/errors/notifier-store';
import { useT } from '../../app/i18n/use-t';
import { testId } from '../../app/test-id';
import { useFormat } from '../../app/use-format';
import { useLoader } from '../../app/use-loader';
import { useCan } from '../session/session-store';
import { PlanDialog } from './PlanDialog';

/** "10000" kbps → "10 Mbps", "1500" → "1.500 kbps". */
export function speedText(kbps: number, number: (value: number) => string): string {
  return kbps % 1000 === 0 ? `${number(kbps / 1000)} Mbps` : `${number(kbps)} kbps`;
}

/** Service plans: speeds, price, router profile, isolir; create, edit, archive. */
export function PlansTab() {
  const t = useT();
  const format = useFormat();
  const canManage = useCan('billing.manage');
  const [showArchived, setShowArchived] = useState(false);
  const [editing, setEditing] = useState<Plan | 'new' | null>(null);
  const [archiving, setArchiving] = useState<Plan | null>(null);
  const { data, loading, reload } = useLoader(`plans/${showArchived}`, async () => {
    const result = await call('plans.list', { includeArchived: showArchived });
    return result.ok ? result.data : null;
  });
  const plans = data ?? [];

  const restore = async (plan: Plan) => {
    const result = await call('plans.archive', { id: plan.id, archived: false });
    if (!result.ok) return;
    notify(t('plans.restored', { name: plan.name }), 'success');
    reload();
  };

  return (
    <>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 2, flexWrap: 'wrap' }}>
        <FormControlLabel
          control={
            <Switch
              checked={showArchived}
              onChange={(event) => setShowArchived(event.target.checked)}
              slotProps={{ input: testId('plans-show-archived') }}
            />
          }
          label={t('plans.showArchived')}
        />
        <Box sx={{ flex: 1 }} />
        {canManage ? (
          <Button
            variant="contained"
            startIcon={<AddIcon />}
            onClick={() => setEditing('new')}
            data-testid="plan-new"
          >
            {t('plans.new')}
          </Button>
        ) : null}
      </Box>
      {loading ? <LinearProgress sx={{ mb: 1 }} /> : null}
      {!loading && plans.length === 0 ? (
        <EmptyState
          icon={<SpeedIcon />}
          title={t('plans.empty')}
          description={t('plans.emptyHint')}
          testId="plans-empty"
          action={
            canManage ? (
              <Button variant="outlined" startIcon={<AddIcon />} onClick={() => setEditing('new')}>
                {t('plans.new')}
              </Button>
            ) : undefined
          }
        />
      ) : (
        <Table size="small" data-testid="plans-table">
          <TableHead>
            <TableRow>
              <TableCell>{t('plans.col.name')}</TableCell>
              <TableCell>{t('plans.col.speed')}</TableCell>
              <TableCell align="right">{t('plans.col.price')}</TableCell>
              <TableCell>{t('plans.col.profile')}</TableCell>
              <TableCell>{t('plans.col.isolir')}</TableCell>
              <TableCell align="right">{t('plans.col.subscriptions')}</TableCell>
              {canManage ? <TableCell align="right" /> : null}
            </TableRow>
          </TableHead>
          <TableBody>
            {plans.map((plan) => (
              <TableRow key={plan.id} hover data-testid="plan-row" data-plan-id={plan.id}>
                <TableCell>
                  <Typography variant="body2" sx={{ fontWeight: 600 }}>
                    {plan.name}
                  </Typography>
                  {plan.archived ? <Chip size="small" label={t('plans.archived')} sx={{ mt: 0.5 }} /> : null}
                  {plan.service === 'hotspot' ? (
                    <Chip
                      size="small"
                      variant="outlined"
                      label={t('plans.service.hotspot')}
                      sx={{ mt: 0.5, ml: 0.5 }}
                    />
                  ) : null}
                </TableCell>
                <TableCell>
                  {t('plans.speed', {
                    down: speedText(plan.downloadKbps, format.number),
                    up: speedText(plan.uploadKbps, format.number),
                  })}
                  <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                    {plan.rateLimit}
                  </Typography>
                </TableCell>
                <TableCell align="right">
                  {format.rupiah(plan.price)}
                  <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                    {t(`plans.tax.${plan.taxMode}`)}
                  </Typography>
                </TableCell>
                <TableCell sx={{ fontFamily: 'monospace' }}>{plan.routerProfile}</TableCell>
                <TableCell>
                  {plan.isolirMethod === 'profile' ? plan.isolirProfile : plan.isolirAddressList}
                  <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                    {t(`plans.isolir.${plan.isolirMethod}`)}
                  </Typography>
                </TableCell>
                <TableCell align="right">{format.number(plan.liveSubscriptions)}</TableCell>
                {canManage ? (
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    <Tooltip title={t('plans.edit')}>
                      <IconButton size="small" onClick={() => setEditing(plan)} data-testid="plan-edit">
                        <EditIcon fontSize="small" />
                      </IconButton>
                    </Tooltip>
                    {plan.archived ? (
                      <Tooltip title={t('plans.unarchive')}>
                        <IconButton
                          size="small"
                          onClick={() => void restore(plan)}
                          data-testid="plan-unarchive"
                        >
                          <UnarchiveIcon fontSize="small" />
                        </IconButton>
                      </Tooltip>
                    ) : (
                      <Tooltip title={t('plans.archive')}>
                        <IconButton
                          size="small"
                          onClick={() => setArchiving(plan)}
                          data-testid="plan-archive"
                        >
                          <ArchiveIcon fontSize="small" />
                        </IconButton>
                      </Tooltip>
                    )}
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {editing ? (
        <PlanDialog
          plan={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={reload}
        />
      ) : null}
      <ConfirmDialog
        open={archiving !== null}
        title={t('plans.archive.title', { name: archiving?.name ?? '' })}
        body={t('plans.archive.body', { count: archiving?.liveSubscriptions ?? 0 })}
        confirmLabel={t('plans.archive')}
        testId="plan-archive-confirm"
        onClose={() => setArchiving(null)}
        onConfirm={async () => {
          if (!archiving) return;
          const result = await call('plans.archive', { id: archiving.id, archived: true });
          if (!result.ok) return;
          notify(t('plans.archivedDone', { name: archiving.name }), 'success');
          setArchiving(null);
          reload();
        }}
      />
    </>
  );
}
