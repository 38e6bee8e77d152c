import { z } from 'zod';
import { normalizeNik } from '../domain/nik';
import { normalizeIndonesianPhone } from '../domain/phone';
import { defineChannels } from './channel';
import { EpochMs, Id, Ok } from './common.schema';

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

/** The NIK as typed, without spaces, dots and dashes; its rules (shared/domain/nik.ts) are checked by the core. */
const Nik = z.string().trim().max(40).transform(normalizeNik);
const Email = z.union([z.literal(''), z.string().trim().email().max(120)]);
const Latitude = z.number().min(-90).max(90).nullable();
const Longitude = z.number().min(-180).max(180).nullable();

export const CUSTOMER_CATEGORIES = ['residential', 'business'] as const;
export const CustomerCategory = z.enum(CUSTOMER_CATEGORIES);
export type CustomerCategory = z.infer<typeof CustomerCategory>;

/** prospect until a subscription is activated (set by the subscriptions part), terminated when they leave. */
export const CUSTOMER_STATUSES = ['prospect', 'active', 'terminated'] as const;
export const CustomerStatus = z.enum(CUSTOMER_STATUSES);
export type CustomerStatus = z.infer<typeof CustomerStatus>;

export const Customer = z.strictObject({
  id: Id,
  code: z.string(),
  name: z.string(),
  /** The WhatsApp number, +62…, or ''. */
  phone: z.string(),
  email: z.string(),
  address: z.string(),
  groupId: Id.nullable(),
  groupName: z.string().nullable(),
  notes: z.string(),
  nik: z.string(),
  category: CustomerCategory,
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  status: CustomerStatus,
  /** Store credit (saldo) in rupiah. */
  credit: z.number().int(),
  createdAt: EpochMs,
});
export type Customer = z.infer<typeof Customer>;

const CustomerFields = {
  name: z.string().trim().min(1).max(100),
  phone: Phone.default(''),
  email: Email.default(''),
  address: z.string().trim().max(500).default(''),
  groupId: Id.nullable().default(null),
  notes: z.string().trim().max(1000).default(''),
  nik: Nik.default(''),
  category: CustomerCategory.default('residential'),
  latitude: Latitude.default(null),
  longitude: Longitude.default(null),
};

export const DOCUMENT_KINDS = ['ktp', 'contract', 'photo', 'other'] as const;
export const DocumentKind = z.enum(DOCUMENT_KINDS);
export type DocumentKind = z.infer<typeof DocumentKind>;

/** Images and PDF only; the core also checks the file's first bytes match. */
export const DOCUMENT_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export const DocumentMimeType = z.enum(DOCUMENT_MIME_TYPES);

/** 10 MiB per document. */
export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;

export const CustomerDocument = z.strictObject({
  id: Id,
  customerId: Id,
  kind: DocumentKind,
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  notes: z.string(),
  createdAt: EpochMs,
});
export type CustomerDocument = z.infer<typeof CustomerDocument>;

const Message = z.strictObject({ id: z.string(), en: z.string() });
/** One problem of one CSV row: row number (the header is row 1), the column, a message in both languages. */
export const CustomerImportError = z.strictObject({
  row: z.number().int(),
  column: z.string(),
  message: Message,
});
export type CustomerImportError = z.infer<typeof CustomerImportError>;

export const customersChannels = defineChannels({
  'customers.create': {
    summary:
      'Adds a customer (prospect); the code is given automatically, the WhatsApp number normalised to +62…, the NIK checked.',
    input: z.strictObject(CustomerFields),
    output: Customer,
    access: 'customers.manage',
    writes: true,
  },
  'customers.update': {
    summary:
      'Changes a customer’s details; `status` moves only between prospect and terminated (subscriptions set active).',
    input: z.strictObject({
      id: Id,
      name: CustomerFields.name.optional(),
      phone: Phone.optional(),
      email: Email.optional(),
      address: z.string().trim().max(500).optional(),
      groupId: Id.nullable().optional(),
      notes: z.string().trim().max(1000).optional(),
      nik: Nik.optional(),
      category: CustomerCategory.optional(),
      latitude: Latitude.optional(),
      longitude: Longitude.optional(),
      status: z.enum(['prospect', 'terminated']).optional(),
    }),
    output: Customer,
    access: 'customers.manage',
    writes: true,
  },
  'customers.list': {
    summary:
      'Customers by name, code, WhatsApp digits or NIK; filters by status, category and whether a location is set.',
    input: z.strictObject({
      query: z.string().trim().max(80).optional(),
      status: CustomerStatus.optional(),
      category: CustomerCategory.optional(),
      hasLocation: z.boolean().optional(),
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
  'customers.documents.add': {
    summary: 'Keeps a file (image or PDF, at most 10 MB) for a customer in the app’s data folder.',
    input: z.strictObject({
      customerId: Id,
      fileName: z.string().trim().min(1).max(200),
      mimeType: DocumentMimeType,
      // 10 MiB base64-encoded is 13,981,016 characters; the exact byte limit is checked after decoding.
      contentBase64: z.string().min(1).max(14_500_000),
      kind: DocumentKind.default('other'),
      notes: z.string().trim().max(500).default(''),
    }),
    output: CustomerDocument,
    access: 'customers.manage',
    writes: true,
  },
  'customers.documents.list': {
    summary: 'A customer’s documents, newest first (metadata only).',
    input: z.strictObject({ customerId: Id }),
    output: z.array(CustomerDocument),
    access: 'customers.view',
    writes: false,
  },
  'customers.documents.get': {
    summary: 'One document with its content (base64).',
    input: z.strictObject({ id: Id }),
    output: CustomerDocument.extend({ contentBase64: z.string() }),
    access: 'customers.view',
    writes: false,
  },
  'customers.documents.remove': {
    summary:
      'Removes a document from the customer (the row is soft-deleted; the file stays in the data folder).',
    input: z.strictObject({ id: Id }),
    output: Ok,
    access: 'customers.manage',
    writes: true,
  },
  'customers.import': {
    summary:
      'Imports customers from CSV (`,` or `;`, Indonesian or English headers); any bad row imports nothing and every row’s errors are returned.',
    input: z.strictObject({ csv: z.string().min(1).max(20_000_000), dryRun: z.boolean().default(false) }),
    output: z.strictObject({
      created: z.number().int(),
      /** Customer rows read from the file (with or without problems). */
      rows: z.number().int(),
      errors: z.array(CustomerImportError),
    }),
    access: 'customers.manage',
    writes: true,
  },
  'customers.export': {
    summary: 'Every customer as CSV in the import’s format.',
    input: z.strictObject({ delimiter: z.enum([',', ';']).default(',') }),
    output: z.strictObject({ fileName: z.string(), csv: z.string(), rows: z.number().int() }),
    access: 'customers.view',
    writes: false,
  },
});
