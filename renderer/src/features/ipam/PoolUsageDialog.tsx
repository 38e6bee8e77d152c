import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { IpPool } from '../../../../shared/contract/ipam.contract';
import { call } from '../../app/errors/call';
import { useT } from '../../app/i18n/use-t';
import { useLoader } from '../../app/use-loader';

const MONO = { fontFamily: 'ui-monospace, monospace' };

/** Who holds a pool's addresses and the next free ones (to pick a static address). */
export function PoolUsageDialog({ pool, onClose }: { pool: IpPool; onClose(): void }) {
  const t = useT();
  const usage = useLoader(`ipam-usage/${pool.id}`, async () => {
    const result = await call('ipam.pools.usage', { poolId: pool.id, freeLimit: 12 });
    return result.ok ? result.data : null;
  });
  const data = usage.data;
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth data-testid="ipam-usage-dialog">
      <DialogTitle>
        {pool.name} · <span style={MONO}>{pool.ranges}</span>
      </DialogTitle>
      <DialogContent>
        {usage.loading && !data ? <LinearProgress /> : null}
        {data ? (
          <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
            <Typography variant="body2" data-testid="ipam-usage-text">
              {t('ipam.usageText', { used: data.used, size: data.size.toLocaleString('id-ID') })}
            </Typography>
            <Box>
              <Typography variant="subtitle2" sx={{ mb: 0.5 }}>
                {t('ipam.nextFree')}
              </Typography>
              {data.nextFree.length === 0 ? (
                <Typography variant="body2" color="text.secondary">
                  {t('ipam.noneFree')}
                </Typography>
              ) : (
                <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap' }} data-testid="ipam-next-free">
                  {data.nextFree.map((address) => (
                    <Chip key={address} size="small" label={address} sx={MONO} />
                  ))}
                </Box>
              )}
            </Box>
            {data.holders.length > 0 ? (
              <Box>
                <Typography variant="subtitle2" sx={{ mb: 0.5 }}>
                  {t('ipam.holders')}
                </Typography>
                <Table size="small" data-testid="ipam-holders">
                  <TableBody>
                    {data.holders.map(({ address, holder }) => (
                      <TableRow key={address}>
                        <TableCell sx={MONO}>{address}</TableCell>
                        <TableCell>
                          {holder.kind === 'subscription'
                            ? t('ipam.holder.subscription', { code: holder.code, name: holder.name })
                            : t('ipam.holder.ppp_secret', { name: holder.name })}
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </Box>
            ) : null}
          </Box>
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} data-testid="ipam-usage-close">
          {t('common.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
