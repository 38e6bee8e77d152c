import { create } from 'zustand';
import type { ChannelInput, Role, User } from '../../../../shared/contract/index';
import { call, type CallOutcome } from '../../app/errors/call';

type UsersState = {
  users: User[];
  roles: Role[];
  loadingUsers: boolean;
  loadingRoles: boolean;
  /** The search the list was last loaded with, so a save can reload the same view. */
  search: string;
  loadUsers(search?: string): Promise<void>;
  loadRoles(): Promise<void>;
  createUser(input: ChannelInput<'users.create'>, form: readonly string[]): Promise<CallOutcome<User>>;
  updateUser(input: ChannelInput<'users.update'>, form: readonly string[]): Promise<CallOutcome<User>>;
  disableUser(id: string): Promise<CallOutcome<User>>;
  createRole(input: ChannelInput<'roles.create'>, form: readonly string[]): Promise<CallOutcome<Role>>;
  updateRole(input: ChannelInput<'roles.update'>, form: readonly string[]): Promise<CallOutcome<Role>>;
};

export const useUsersStore = create<UsersState>()((set, get) => {
  /** Users and role counts change together, so writes refresh both. */
  const afterWrite = async () => {
    await Promise.all([get().loadUsers(get().search), get().loadRoles()]);
  };
  return {
    users: [],
    roles: [],
    loadingUsers: false,
    loadingRoles: false,
    search: '',
    async loadUsers(search = get().search) {
      set({ loadingUsers: true, search });
      const result = await call('users.list', search.trim() ? { search: search.trim() } : {});
      // A slower answer to an older search must not overwrite a newer one.
      if (get().search !== search) return;
      set({ loadingUsers: false, ...(result.ok ? { users: result.data } : {}) });
    },
    async loadRoles() {
      set({ loadingRoles: true });
      const result = await call('roles.list', {});
      set({ loadingRoles: false, ...(result.ok ? { roles: result.data } : {}) });
    },
    async createUser(input, form) {
      const result = await call('users.create', input, { form });
      if (result.ok) await afterWrite();
      return result;
    },
    async updateUser(input, form) {
      const result = await call('users.update', input, { form });
      if (result.ok) await afterWrite();
      return result;
    },
    async disableUser(id) {
      const result = await call('users.disable', { id });
      if (result.ok) await afterWrite();
      return result;
    },
    async createRole(input, form) {
      const result = await call('roles.create', input, { form });
      if (result.ok) await get().loadRoles();
      return result;
    },
    async updateRole(input, form) {
      const result = await call('roles.update', input, { form });
      if (result.ok) await afterWrite();
      return result;
    },
  };
});
