import type { Role } from '../../../../shared/contract/index';
import { DEFAULT_ROLE_KEYS, type DefaultRoleKey } from '../../../../shared/domain/permissions';
import type { Translate } from '../../app/i18n/translate';

function isDefaultRoleKey(key: string | null): key is DefaultRoleKey {
  return key !== null && (DEFAULT_ROLE_KEYS as readonly string[]).includes(key);
}

/** Default roles are named in the UI language; custom roles keep the name their creator gave. */
export function roleLabel(t: Translate, role: Pick<Role, 'key' | 'name'>): string {
  return isDefaultRoleKey(role.key) ? t(`role.${role.key}`) : role.name;
}
