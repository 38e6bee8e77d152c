import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allows,
  DEFAULT_ROLE_KEYS,
  DEFAULT_ROLE_PERMISSIONS,
  isPermission,
  PERMISSIONS,
  type Access,
} from '../../shared/domain/permissions';

const permission = fc.constantFrom(...PERMISSIONS);
const granted = fc.uniqueArray(permission, { maxLength: PERMISSIONS.length });
const access: fc.Arbitrary<Access> = fc.oneof(fc.constantFrom<Access>('public', 'authenticated'), permission);

describe('allows()', () => {
  it('lets anyone use a public thing, signed in or not, whatever they hold', () => {
    fc.assert(fc.property(granted, fc.boolean(), (held, signedIn) => allows(held, 'public', signedIn)));
  });

  it('refuses everything but public to someone not signed in, even with permissions in hand', () => {
    fc.assert(
      fc.property(granted, access, (held, rule) => {
        expect(allows(held, rule, false)).toBe(rule === 'public');
      }),
    );
  });

  it('lets anyone signed in use an authenticated thing, with no permissions at all', () => {
    expect(allows([], 'authenticated', true)).toBe(true);
  });

  it('grants a permission-guarded thing exactly when that permission is held', () => {
    fc.assert(
      fc.property(granted, permission, (held, needed) => {
        expect(allows(held, needed, true)).toBe(held.includes(needed));
      }),
    );
    expect(allows(['users.view'], 'users.manage', true)).toBe(false);
    expect(allows(['users.manage'], 'users.manage', true)).toBe(true);
  });
});

describe('default roles', () => {
  it('has exactly the five default roles, each holding only known permissions, without repeats', () => {
    expect(Object.keys(DEFAULT_ROLE_PERMISSIONS).sort()).toEqual([...DEFAULT_ROLE_KEYS].sort());
    for (const key of DEFAULT_ROLE_KEYS) {
      const held = DEFAULT_ROLE_PERMISSIONS[key];
      expect(held.every(isPermission), key).toBe(true);
      expect(new Set(held).size, key).toBe(held.length);
    }
  });

  it('gives the owner every permission and keeps administration with the owner', () => {
    expect([...DEFAULT_ROLE_PERMISSIONS.owner].sort()).toEqual([...PERMISSIONS].sort());
    for (const key of DEFAULT_ROLE_KEYS.filter((k) => k !== 'owner')) {
      for (const admin of ['users.manage', 'roles.manage', 'settings.manage', 'backup.manage'] as const) {
        expect(DEFAULT_ROLE_PERMISSIONS[key], `${key} must not hold ${admin}`).not.toContain(admin);
      }
    }
  });

  it('recognises permission names exactly', () => {
    expect(isPermission('pos.sell')).toBe(true);
    expect(isPermission('POS.SELL')).toBe(false);
    expect(isPermission('authenticated')).toBe(false);
    expect(isPermission('')).toBe(false);
  });
});
