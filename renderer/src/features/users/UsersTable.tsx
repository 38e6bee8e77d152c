import BlockIcon from '@mui/icons-material/Block';
import EditIcon from '@mui/icons-material/Edit';
import PeopleIcon from '@mui/icons-material/People';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type { User } from '../../../../shared/contract/index';
import { EmptyState } from '../../app/components/EmptyState';
import { useT } from '../../app/i18n/use-t';
import { useFormat } from '../../app/use-format';
import { useSessionStore } from '../session/session-store';
import { roleLabel } from './role-label';
import { UserStatusChip } from './UserStatusChip';
import { useUsersStore } from './users-store';

type UsersTableProps = { canManage: boolean; onEdit(user: User): void; onDisable(user: User): void };

export function UsersTable({ canManage, onEdit, onDisable }: UsersTableProps) {
  const t = useT();
  const format = useFormat();
  const users = useUsersStore((state) => state.users);
  const roles = useUsersStore((state) => state.roles);
  const loading = useUsersStore((state) => state.loadingUsers);
  const meId = useSessionStore((state) => state.user?.id);

  const roleName = (user: User) => {
    const role = roles.find((candidate) => candidate.id === user.roleId);
    return role ? roleLabel(t, role) : user.roleName;
  };

  return (
    <TableContainer>
      <Box sx={{ height: 4 }}>{loading ? <LinearProgress /> : null}</Box>
      <Table size="small" data-testid="users-table">
        <TableHead>
          <TableRow>
            <TableCell>{t('users.col.username')}</TableCell>
            <TableCell>{t('users.col.name')}</TableCell>
            <TableCell>{t('users.col.role')}</TableCell>
            <TableCell>{t('users.col.status')}</TableCell>
            <TableCell>{t('users.col.lastLogin')}</TableCell>
            {canManage ? <TableCell align="right">{t('users.col.actions')}</TableCell> : null}
          </TableRow>
        </TableHead>
        <TableBody>
          {users.map((user) => (
            <TableRow key={user.id} hover data-testid={`user-row-${user.username}`}>
              <TableCell>
                <Typography variant="body2" sx={{ fontFamily: 'ui-monospace, monospace' }}>
                  {user.username}
                </Typography>
              </TableCell>
              <TableCell>
                {user.name}
                {user.id === meId ? <Chip label={t('users.you')} size="small" sx={{ ml: 1 }} /> : null}
              </TableCell>
              <TableCell data-testid="user-role-cell">{roleName(user)}</TableCell>
              <TableCell>
                <UserStatusChip user={user} />
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap', color: 'text.secondary' }}>
                {user.lastLoginAt !== null ? format.dateTime(user.lastLoginAt) : t('users.never')}
              </TableCell>
              {canManage ? (
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  <Tooltip title={t('common.edit')}>
                    <IconButton
                      size="small"
                      onClick={() => onEdit(user)}
                      data-testid={`user-edit-${user.username}`}
                    >
                      <EditIcon fontSize="small" />
                    </IconButton>
                  </Tooltip>
                  {user.id !== meId && !user.disabled ? (
                    <Tooltip title={t('users.disable')}>
                      <IconButton
                        size="small"
                        color="error"
                        onClick={() => onDisable(user)}
                        data-testid={`user-disable-${user.username}`}
                      >
                        <BlockIcon fontSize="small" />
                      </IconButton>
                    </Tooltip>
                  ) : null}
                </TableCell>
              ) : null}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {!loading && users.length === 0 ? (
        <EmptyState icon={<PeopleIcon />} title={t('users.empty')} testId="users-empty" />
      ) : null}
    </TableContainer>
  );
}
