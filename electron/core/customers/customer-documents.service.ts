import { createHash } from 'node:crypto';
import {
  DOCUMENT_MAX_BYTES,
  type CustomerDocument,
  type DocumentKind,
} from '../../../shared/contract/customers.contract';
import type { ParsedInput } from '../api-types';
import type { HandlerContext } from '../context';
import { AppError, notFound } from '../platform/errors';
import { uuidv7 } from '../platform/ids';
import { customerOut } from './customers.service';
import type { CustomerDocumentRow } from './customers.tables';
import {
  finishPendingDocument,
  pendingDocumentIds,
  readDocumentFile,
  settlePendingDocument,
  writePendingDocument,
} from './document-files';

const KINDS: readonly DocumentKind[] = ['ktp', 'contract', 'photo', 'other'];

function toDocument(row: CustomerDocumentRow): CustomerDocument {
  return {
    id: row.id,
    customerId: row.customer_id,
    kind: KINDS.includes(row.kind as DocumentKind) ? (row.kind as DocumentKind) : 'other',
    fileName: row.file_name,
    mimeType: row.mime_type,
    size: row.size,
    sha256: row.sha256,
    notes: row.notes,
    createdAt: row.created_at,
  };
}

/** The first bytes each allowed type starts with: what the file is, whatever its name says. */
function looksLike(mimeType: string, content: Buffer): boolean {
  const starts = (...bytes: number[]) => bytes.every((byte, i) => content[i] === byte);
  switch (mimeType) {
    case 'image/jpeg':
      return starts(0xff, 0xd8, 0xff);
    case 'image/png':
      return starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
    case 'image/webp':
      return (
        content.subarray(0, 4).toString('latin1') === 'RIFF' &&
        content.subarray(8, 12).toString('latin1') === 'WEBP'
      );
    case 'application/pdf':
      return content.subarray(0, 5).toString('latin1') === '%PDF-';
    default:
      return false;
  }
}

function invalidContent(ctx: HandlerContext, message: { id: string; en: string }): AppError {
  return new AppError('VALIDATION', message, { fields: { contentBase64: message[ctx.locale] } });
}

/** The decoded file, refused when it is not base64, empty, over 10 MB, or not what its type says. */
function decodeContent(ctx: HandlerContext, input: ParsedInput<'customers.documents.add'>): Buffer {
  const base64 = input.contentBase64.replace(/\s/g, '');
  if (base64.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) {
    throw invalidContent(ctx, {
      id: 'Isi berkas bukan base64 yang valid.',
      en: 'The file content is not valid base64.',
    });
  }
  const content = Buffer.from(base64, 'base64');
  if (content.length === 0) throw invalidContent(ctx, { id: 'Berkas kosong.', en: 'The file is empty.' });
  if (content.length > DOCUMENT_MAX_BYTES) {
    const mb = (content.length / 1024 / 1024).toFixed(1);
    throw invalidContent(ctx, {
      id: `Berkas terlalu besar (${mb} MB); maksimal 10 MB.`,
      en: `The file is too large (${mb} MB); at most 10 MB.`,
    });
  }
  if (!looksLike(input.mimeType, content)) {
    throw invalidContent(ctx, {
      id: 'Isi berkas tidak cocok dengan jenisnya. Hanya gambar (JPEG, PNG, WebP) atau PDF.',
      en: 'The file content does not match its type. Only images (JPEG, PNG, WebP) or PDF.',
    });
  }
  return content;
}

/** A name safe to show and to offer on download: no folders, no control characters. */
function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return clean || 'dokumen';
}

/** Finishes `.part` files whose row was committed and drops those of rolled-back adds. */
async function settleLeftovers(ctx: HandlerContext): Promise<void> {
  const ids = pendingDocumentIds(ctx.paths.dataDir);
  if (ids.length === 0) return;
  const rows = await ctx.db.selectFrom('customer_documents').select('id').where('id', 'in', ids).execute();
  const committed = new Set(rows.map((row) => row.id));
  for (const id of ids) settlePendingDocument(ctx.paths.dataDir, id, committed.has(id));
}

/**
 * Keeps a file for a customer. The file is written as `<id>.part` before the row goes in and renamed
 * after the commit, so a row never lacks its file and a rolled-back add leaves no named file.
 */
export async function addCustomerDocument(
  ctx: HandlerContext,
  input: ParsedInput<'customers.documents.add'>,
): Promise<CustomerDocument> {
  await customerOut(ctx, input.customerId);
  const content = decodeContent(ctx, input);
  await settleLeftovers(ctx);
  const id = uuidv7(ctx.clock.now());
  const finalPath = await writePendingDocument(ctx.paths.dataDir, id, content);
  const row = await ctx.writer.insert(ctx.db, 'customer_documents', {
    id,
    customer_id: input.customerId,
    kind: input.kind,
    file_name: cleanFileName(input.fileName),
    mime_type: input.mimeType,
    size: content.length,
    sha256: createHash('sha256').update(content).digest('hex'),
    notes: input.notes,
  });
  const out = toDocument(row);
  await ctx.audit({ entity: 'customer_document', entityId: id, before: null, after: out });
  ctx.afterCommit(() => {
    try {
      finishPendingDocument(finalPath);
    } catch (error) {
      // The row is committed; the next read or add finishes the rename.
      ctx.logger.warn('customer document rename deferred', { id, error: String(error) });
    }
  });
  return out;
}

/** A customer's live documents, newest first. */
export async function listCustomerDocuments(
  ctx: HandlerContext,
  input: ParsedInput<'customers.documents.list'>,
): Promise<CustomerDocument[]> {
  await customerOut(ctx, input.customerId);
  const rows = await ctx.db
    .selectFrom('customer_documents')
    .selectAll()
    .where('customer_id', '=', input.customerId)
    .where('deleted_at', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toDocument);
}

async function liveDocument(ctx: HandlerContext, id: string): Promise<CustomerDocumentRow> {
  const row = await ctx.db
    .selectFrom('customer_documents')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw notFound({ id: 'Dokumen', en: 'Document' });
  return row;
}

/** One document with its content; the file is checked against the size and hash recorded with it. */
export async function getCustomerDocument(
  ctx: HandlerContext,
  input: ParsedInput<'customers.documents.get'>,
) {
  const row = await liveDocument(ctx, input.id);
  const content = await readDocumentFile(ctx.paths.dataDir, row.id);
  if (!content) {
    throw new AppError('NOT_FOUND', {
      id: 'Berkas dokumen tidak ada di folder data aplikasi (mungkin dibuat di perangkat lain).',
      en: 'The document’s file is not in the app’s data folder (it may have been added on another device).',
    });
  }
  if (content.length !== row.size || createHash('sha256').update(content).digest('hex') !== row.sha256) {
    throw new AppError('CONFLICT', {
      id: 'Berkas dokumen di folder data sudah berubah atau rusak.',
      en: 'The document’s file in the data folder has changed or is damaged.',
    });
  }
  return { ...toDocument(row), contentBase64: content.toString('base64') };
}

/**
 * Takes a document off the customer: the row is soft-deleted (the delete syncs like any other); the
 * file stays in the data folder, so the audit trail keeps pointing at what was removed.
 */
export async function removeCustomerDocument(
  ctx: HandlerContext,
  input: ParsedInput<'customers.documents.remove'>,
) {
  const row = await liveDocument(ctx, input.id);
  await ctx.writer.softDelete(ctx.db, 'customer_documents', row.id);
  await ctx.audit({ entity: 'customer_document', entityId: row.id, before: toDocument(row), after: null });
  return { ok: true as const };
}
