import { z } from 'zod';
import { normalizeIndonesianPhone } from '../domain/phone';
import { defineChannels } from './channel';
import { EpochMs, Id } from './common.schema';

/** Optional phone: empty, or any Indonesian notation, stored as +62…. */
const Phone = z
  .string()
  .trim()
  .max(30)
  .transform((value, ctx) => {
    if (value === '') return '';
    const normalized = normalizeIndonesianPhone(value);
    if (!normalized) {
      ctx.addIssue({ code: 'custom', message: 'not an Indonesian phone number (e.g. 0812-3456-7890)' });
      return z.NEVER;
    }
    return normalized;
  });

export const Customer = z.strictObject({
  id: Id,
  code: z.string(),
  name: z.string(),
  phone: z.string(),
  email: z.string(),
  address: z.string(),
  groupId: Id.nullable(),
  groupName: z.string().nullable(),
  notes: z.string(),
  /** Store credit (saldo) in rupiah. */
  credit: z.number().int(),
  createdAt: EpochMs,
});
export type Customer = z.infer<typeof Customer>;

const CustomerFields = {
  name: z.string().trim().min(1).max(100),
  phone: Phone.default(''),
  email: z.union([z.literal(''), z.string().trim().email().max(120)]).default(''),
  address: z.string().trim().max(500).default(''),
  groupId: Id.nullable().default(null),
  notes: z.string().trim().max(1000).default(''),
};

export const customersChannels = defineChannels({
  'customers.create': {
    summary: 'Adds a customer; the code is given automatically and the phone number normalised to +62….',
    input: z.strictObject(CustomerFields),
    output: Customer,
    access: 'customers.manage',
    writes: true,
  },
  'customers.update': {
    summary: 'Changes a customer’s details or group.',
    input: z.strictObject({
      id: Id,
      name: CustomerFields.name.optional(),
      phone: Phone.optional(),
      email: z.union([z.literal(''), z.string().trim().email().max(120)]).optional(),
      address: z.string().trim().max(500).optional(),
      groupId: Id.nullable().optional(),
      notes: z.string().trim().max(1000).optional(),
    }),
    output: Customer,
    access: 'customers.manage',
    writes: true,
  },
  'customers.list': {
    summary: 'Customers by name, code or phone.',
    input: z.strictObject({
      query: z.string().trim().max(80).optional(),
      offset: z.number().int().nonnegative().default(0),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    output: z.strictObject({ customers: z.array(Customer), total: z.number().int() }),
    access: 'customers.view',
    writes: false,
  },
  'customers.get': {
    summary: 'One customer with their store credit.',
    input: z.strictObject({ id: Id }),
    output: Customer,
    access: 'customers.view',
    writes: false,
  },
});
