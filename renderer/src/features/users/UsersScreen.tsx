import Paper from '@mui/material/Paper';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useEffect, useState } from 'react';
import { PageHeader } from '../../app/components/PageHeader';
import { useT } from '../../app/i18n/use-t';
import { RolesTab } from './RolesTab';
import { UsersTab } from './UsersTab';
import { useUsersStore } from './users-store';

type UsersTabKey = 'users' | 'roles';

export function UsersScreen() {
  const t = useT();
  const [tab, setTab] = useState<UsersTabKey>('users');

  useEffect(() => {
    // Roles feed the role column, the role select and the roles tab; load them once per visit.
    void useUsersStore.getState().loadRoles();
  }, []);

  return (
    <>
      <PageHeader title={t('users.title')} />
      <Paper variant="outlined" sx={{ overflow: 'hidden' }}>
        <Tabs
          value={tab}
          onChange={(_event, value: UsersTabKey) => setTab(value)}
          sx={{ px: 2, borderBottom: 1, borderColor: 'divider' }}
        >
          <Tab value="users" label={t('users.tab.users')} data-testid="users-tab-users" />
          <Tab value="roles" label={t('users.tab.roles')} data-testid="users-tab-roles" />
        </Tabs>
        {tab === 'users' ? <UsersTab /> : <RolesTab />}
      </Paper>
    </>
  );
}
