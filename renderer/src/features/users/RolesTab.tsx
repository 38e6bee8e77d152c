import AddIcon from '@mui/icons-material/Add';
import GroupsIcon from '@mui/icons-material/Groups';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useState } from 'react';
import type { Role } from '../../../../shared/contract/index';
import { PERMISSIONS } from '../../../../shared/domain/permissions';
import { EmptyState } from '../../app/components/EmptyState';
import { useT } from '../../app/i18n/use-t';
import { useCan } from '../session/session-store';
import { RoleDialog } from './RoleDialog';
import { roleLabel } from './role-label';
import { useUsersStore } from './users-store';

/** Roles with their user counts. A row opens the role: editable with roles.manage, else read-only. */
export function RolesTab() {
  const t = useT();
  const canManage = useCan('roles.manage');
  const roles = useUsersStore((state) => state.roles);
  const loading = useUsersStore((state) => state.loadingRoles);
  const [open, setOpen] = useState<Role | 'new' | null>(null);

  return (
    <Box sx={{ p: 2 }}>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', mb: 2 }}>
        {!canManage ? (
          <Alert severity="info" sx={{ flex: 1 }}>
            {t('roles.readOnly')}
          </Alert>
        ) : (
          <Box sx={{ flex: 1 }} />
        )}
        {canManage ? (
          <Button
            variant="contained"
            startIcon={<AddIcon />}
            onClick={() => setOpen('new')}
            data-testid="roles-add"
          >
            {t('roles.add')}
          </Button>
        ) : null}
      </Box>
      <TableContainer>
        <Box sx={{ height: 4 }}>{loading ? <LinearProgress /> : null}</Box>
        <Table size="small" data-testid="roles-table">
          <TableHead>
            <TableRow>
              <TableCell>{t('roles.col.name')}</TableCell>
              <TableCell>{t('roles.col.type')}</TableCell>
              <TableCell align="right">{t('roles.col.users')}</TableCell>
              <TableCell align="right">{t('roles.col.permissions')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {roles.map((role) => (
              <TableRow
                key={role.id}
                hover
                onClick={() => setOpen(role)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') setOpen(role);
                }}
                tabIndex={0}
                sx={{ cursor: 'pointer' }}
                data-testid={`role-row-${role.key ?? role.name}`}
              >
                <TableCell sx={{ fontWeight: 600 }}>{roleLabel(t, role)}</TableCell>
                <TableCell>
                  <Chip
                    size="small"
                    variant="outlined"
                    color={role.system ? 'default' : 'primary'}
                    label={role.system ? t('roles.type.default') : t('roles.type.custom')}
                  />
                </TableCell>
                <TableCell align="right" data-testid="role-user-count">
                  {role.userCount}
                </TableCell>
                <TableCell align="right" sx={{ color: 'text.secondary' }}>
                  {t('roles.permissionCount', { count: role.permissions.length, total: PERMISSIONS.length })}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {!loading && roles.length === 0 ? (
          <EmptyState icon={<GroupsIcon />} title={t('roles.empty')} />
        ) : null}
      </TableContainer>
      {open !== null ? (
        <RoleDialog role={open === 'new' ? null : open} canManage={canManage} onClose={() => setOpen(null)} />
      ) : null}
    </Box>
  );
}
