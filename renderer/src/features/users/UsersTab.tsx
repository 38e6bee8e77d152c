import AddIcon from '@mui/icons-material/Add';
import SearchIcon from '@mui/icons-material/Search';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import { useEffect, useState } from 'react';
import type { User } from '../../../../shared/contract/index';
import { ConfirmDialog } from '../../app/components/ConfirmDialog';
import { notify } from '../../app/errors/notifier-store';
import { useT } from '../../app/i18n/use-t';
import { useCan } from '../session/session-store';
import { UserCreateDialog } from './UserCreateDialog';
import { UserEditDialog } from './UserEditDialog';
import { UsersTable } from './UsersTable';
import { useUsersStore } from './users-store';

const SEARCH_DELAY_MS = 250;

export function UsersTab() {
  const t = useT();
  const canManage = useCan('users.manage');
  const disableUser = useUsersStore((state) => state.disableUser);
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  // The target outlives `open` so the dialog keeps its text while it animates closed.
  const [disableTarget, setDisableTarget] = useState<User | null>(null);
  const [disableOpen, setDisableOpen] = useState(false);

  useEffect(() => {
    const timer = setTimeout(
      () => void useUsersStore.getState().loadUsers(search),
      search ? SEARCH_DELAY_MS : 0,
    );
    return () => clearTimeout(timer);
  }, [search]);

  return (
    <Box sx={{ p: 2 }}>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', mb: 2, flexWrap: 'wrap' }}>
        <TextField
          size="small"
          placeholder={t('users.search')}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          sx={{ maxWidth: 360 }}
          slotProps={{
            htmlInput: { 'data-testid': 'users-search', 'aria-label': t('users.search') },
            input: {
              startAdornment: (
                <InputAdornment position="start">
                  <SearchIcon fontSize="small" />
                </InputAdornment>
              ),
            },
          }}
        />
        <Box sx={{ flex: 1 }} />
        {canManage ? (
          <Button
            variant="contained"
            startIcon={<AddIcon />}
            onClick={() => setCreating(true)}
            data-testid="users-add"
          >
            {t('users.add')}
          </Button>
        ) : null}
      </Box>
      <UsersTable
        canManage={canManage}
        onEdit={setEditing}
        onDisable={(user) => {
          setDisableTarget(user);
          setDisableOpen(true);
        }}
      />
      {creating ? <UserCreateDialog onClose={() => setCreating(false)} /> : null}
      {editing ? <UserEditDialog user={editing} onClose={() => setEditing(null)} /> : null}
      <ConfirmDialog
        open={disableOpen}
        title={t('users.disableTitle', { username: disableTarget?.username ?? '' })}
        body={t('users.disableBody')}
        confirmLabel={t('users.disable')}
        danger
        testId="user-disable-dialog"
        onClose={() => setDisableOpen(false)}
        onConfirm={async () => {
          if (!disableTarget) return;
          const result = await disableUser(disableTarget.id);
          if (result.ok) notify(t('users.disabledDone', { username: disableTarget.username }), 'success');
          setDisableOpen(false);
        }}
      />
    </Box>
  );
}
