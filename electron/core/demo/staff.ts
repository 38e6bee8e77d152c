import type { DefaultRoleKey } from '../../../shared/domain/permissions';
import { generatePerson } from './people';
import { generateUniqueMobile } from './phones';
import type { Random } from './random';

/**
 * The password every demo account gets. Demo data only — it is printed by `npm run demo` and written
 * here so anyone can sign in to a demo installation. Never use it for a real branch.
 */
export const DEMO_PASSWORD = 'demo-gerai-2025';

export type DemoStaff = {
  /** Role-based, so a demo login is easy to remember: pemilik, kasir1, teknisi2… */
  username: string;
  name: string;
  role: DefaultRoleKey;
  /** WhatsApp number, E.164. */
  phone: string;
};

/** How many of each default role a branch of this size employs (8 people). */
const ROSTER: readonly { role: DefaultRoleKey; username: string }[] = [
  { role: 'owner', username: 'pemilik' },
  { role: 'manager', username: 'manajer' },
  { role: 'cashier', username: 'kasir1' },
  { role: 'cashier', username: 'kasir2' },
  { role: 'cashier', username: 'kasir3' },
  { role: 'technician', username: 'teknisi1' },
  { role: 'technician', username: 'teknisi2' },
  { role: 'warehouse', username: 'gudang' },
];

/** The branch's staff, owner first. `takenPhones` keeps their numbers apart from the customers'. */
export function generateStaff(random: Random, takenPhones: Set<string>): DemoStaff[] {
  return ROSTER.map(({ role, username }) => {
    // Technicians climbing poles and warehouse staff are mostly men here; the rest is mixed.
    const gender = role === 'technician' || role === 'warehouse' ? 'L' : undefined;
    const person = generatePerson(random, gender ? { gender } : {});
    return { username, name: person.fullName, role, phone: generateUniqueMobile(random, takenPhones).e164 };
  });
}
