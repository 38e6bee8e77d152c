import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeOf, snapshotTables, unwrap, useTestCores } from '../support/core-fixture';
import { TINY_PNG_BASE64 } from '../support/examples/customers.examples';
import { openOffice, type Office } from './customer-office';

useTestCores();

/** A small but real PDF. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

async function withCustomer() {
  const office = await openOffice();
  const customer = await office.create({ name: 'Budi Santoso', nik: '3404071205880001' });
  const documentsDir = join(office.t.dataDir, 'documents');
  const add = (
    input: {
      fileName?: string;
      mimeType?: 'image/png' | 'image/jpeg' | 'application/pdf' | 'image/webp';
      content: Buffer;
      kind?: 'ktp' | 'contract' | 'photo' | 'other';
    },
    locale: 'id' | 'en' = 'en',
  ) =>
    office.t.call(
      'customers.documents.add',
      {
        customerId: customer.id,
        fileName: input.fileName ?? 'berkas.png',
        mimeType: input.mimeType ?? 'image/png',
        contentBase64: input.content.toString('base64'),
        kind: input.kind ?? 'other',
      },
      office.owner.token,
      locale,
    );
  return { office, customer, documentsDir, add };
}

function filesIn(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}

function get(office: Office, id: string) {
  return office.t.call('customers.documents.get', { id }, office.owner.token);
}

describe('customer documents', () => {
  it('writes the file to <dataDir>/documents/<id> and gives the same bytes back', async () => {
    const { office, customer, documentsDir, add } = await withCustomer();
    const png = Buffer.from(TINY_PNG_BASE64, 'base64');
    const ktp = unwrap(await add({ fileName: 'C:\\Scan\\ktp budi.png', content: png, kind: 'ktp' }));
    expect(ktp).toMatchObject({
      customerId: customer.id,
      kind: 'ktp',
      fileName: 'ktp budi.png',
      mimeType: 'image/png',
      size: png.length,
      sha256: createHash('sha256').update(png).digest('hex'),
    });
    expect(filesIn(documentsDir)).toEqual([ktp.id]);
    expect(readFileSync(join(documentsDir, ktp.id)).equals(png)).toBe(true);

    office.t.clock.advance(1000);
    const contract = unwrap(
      await add({ fileName: 'kontrak.pdf', mimeType: 'application/pdf', content: PDF, kind: 'contract' }),
    );
    const listed = unwrap(
      await office.t.call('customers.documents.list', { customerId: customer.id }, office.owner.token),
    );
    expect(listed.map((d) => d.fileName)).toEqual(['kontrak.pdf', 'ktp budi.png']);

    const back = unwrap(await get(office, contract.id));
    expect(Buffer.from(back.contentBase64, 'base64').equals(PDF)).toBe(true);
    expect(back).toMatchObject({
      id: contract.id,
      fileName: 'kontrak.pdf',
      mimeType: 'application/pdf',
      size: PDF.length,
    });
  });

  it('refuses a file over 10 MB, writing neither row nor file', async () => {
    const { office, documentsDir, add } = await withCustomer();
    const big = Buffer.alloc(10 * 1024 * 1024 + 1);
    PDF.copy(big);
    const before = snapshotTables(office.t.core);
    const result = await add({ fileName: 'besar.pdf', mimeType: 'application/pdf', content: big });
    expect(result.ok ? null : result.error).toMatchObject({
      code: 'VALIDATION',
      fields: { contentBase64: 'The file is too large (10.0 MB); at most 10 MB.' },
    });
    expect(snapshotTables(office.t.core)).toEqual(before);
    expect(filesIn(documentsDir)).toEqual([]);
    // Exactly 10 MB is allowed.
    const limit = unwrap(
      await add({
        fileName: 'pas.pdf',
        mimeType: 'application/pdf',
        content: big.subarray(0, 10 * 1024 * 1024),
      }),
    );
    expect(limit.size).toBe(10 * 1024 * 1024);
  });

  it('refuses what is not an image or PDF, whatever its declared type, and broken base64', async () => {
    const { office, customer, documentsDir, add } = await withCustomer();
    const text = Buffer.from('hello, not a picture');
    const lying = await add({ fileName: 'foto.png', mimeType: 'image/png', content: text }, 'id');
    expect(lying.ok ? null : lying.error.fields?.contentBase64).toContain('tidak cocok');
    expect(codeOf(await add({ fileName: 'foto.jpg', mimeType: 'image/jpeg', content: PDF }))).toBe(
      'VALIDATION',
    );
    const wrongType = await office.t.raw(
      'customers.documents.add',
      {
        customerId: customer.id,
        fileName: 'a.txt',
        mimeType: 'text/plain',
        contentBase64: text.toString('base64'),
      },
      office.owner.token,
    );
    expect(codeOf(wrongType)).toBe('VALIDATION');
    const broken = await office.t.call(
      'customers.documents.add',
      { customerId: customer.id, fileName: 'a.png', mimeType: 'image/png', contentBase64: 'iVBO***' },
      office.owner.token,
    );
    expect(codeOf(broken)).toBe('VALIDATION');
    expect(office.count('customer_documents')).toBe(0);
    expect(filesIn(documentsDir)).toEqual([]);
  });

  it('removes a document from the customer but keeps its file; a second remove is NOT_FOUND', async () => {
    const { office, customer, documentsDir, add } = await withCustomer();
    const doc = unwrap(await add({ content: Buffer.from(TINY_PNG_BASE64, 'base64') }));
    const remove = () => office.t.call('customers.documents.remove', { id: doc.id }, office.owner.token);
    expect(unwrap(await remove())).toEqual({ ok: true });
    expect(
      unwrap(
        await office.t.call('customers.documents.list', { customerId: customer.id }, office.owner.token),
      ),
    ).toEqual([]);
    expect(codeOf(await get(office, doc.id))).toBe('NOT_FOUND');
    expect(codeOf(await remove())).toBe('NOT_FOUND');
    expect(filesIn(documentsDir)).toEqual([doc.id]);
  });

  it('never leaves a row without its file: a rolled-back add’s .part is swept, a committed one finished', async () => {
    const { office, documentsDir, add } = await withCustomer();
    const png = Buffer.from(TINY_PNG_BASE64, 'base64');
    const doc = unwrap(await add({ content: png }));
    // As if the app stopped between the commit and the rename…
    const { renameSync } = await import('node:fs');
    renameSync(join(documentsDir, doc.id), join(documentsDir, `${doc.id}.part`));
    // …and as if another add had rolled back after writing its file.
    const orphan = '01900000-0000-7000-8000-00000000dead';
    writeFileSync(join(documentsDir, `${orphan}.part`), png);

    expect(Buffer.from(unwrap(await get(office, doc.id)).contentBase64, 'base64').equals(png)).toBe(true);
    expect(filesIn(documentsDir)).toEqual([doc.id, `${orphan}.part`].sort());
    const second = unwrap(await add({ content: png }));
    expect(filesIn(documentsDir)).toEqual([doc.id, second.id].sort());
  });

  it('a call that rolls back after writing its file leaves no named file, and the next add sweeps it', async () => {
    const { office, documentsDir, add } = await withCustomer();
    const png = Buffer.from(TINY_PNG_BASE64, 'base64');
    // The row insert fails inside the call's transaction, after the file was written.
    office.t.core.deps.store.sqlite.exec(
      `CREATE TRIGGER refuse_doc BEFORE INSERT ON customer_documents WHEN NEW.file_name = 'gagal.png'
       BEGIN SELECT RAISE(ABORT, 'refused for the test'); END`,
    );
    expect(codeOf(await add({ fileName: 'gagal.png', content: png }))).toBe('INTERNAL');
    expect(office.count('customer_documents')).toBe(0);
    const left = filesIn(documentsDir);
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(/\.part$/);
    const ok = unwrap(await add({ fileName: 'berhasil.png', content: png }));
    expect(filesIn(documentsDir)).toEqual([ok.id]);
  });

  it('says so when the file is missing or was changed on disk', async () => {
    const { office, documentsDir, add } = await withCustomer();
    const doc = unwrap(await add({ content: Buffer.from(TINY_PNG_BASE64, 'base64') }));
    writeFileSync(join(documentsDir, doc.id), Buffer.from('tampered'));
    expect(codeOf(await get(office, doc.id))).toBe('CONFLICT');
    const { rmSync } = await import('node:fs');
    rmSync(join(documentsDir, doc.id));
    expect(codeOf(await get(office, doc.id))).toBe('NOT_FOUND');
  });

  it('needs a live customer', async () => {
    const { office } = await withCustomer();
    const result = await office.t.call(
      'customers.documents.add',
      {
        customerId: '01900000-0000-7000-8000-0000000000ff',
        fileName: 'a.png',
        mimeType: 'image/png',
        contentBase64: TINY_PNG_BASE64,
      },
      office.owner.token,
    );
    expect(codeOf(result)).toBe('NOT_FOUND');
  });
});

describe('customer documents over the web host', () => {
  it('carries a 9 MB scan through POST /ipc and back', async () => {
    const { startHost } = await import('../../../electron/host/server');
    const { office, customer } = await withCustomer();
    const rendererDir = join(office.t.dataDir, 'renderer');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Gerai</title>');
    const host = await startHost({ core: () => office.t.core, rendererDir, port: 0, host: '127.0.0.1' });
    try {
      const scan = Buffer.alloc(9 * 1024 * 1024, 7);
      PDF.copy(scan);
      const post = (channel: string, input: unknown) =>
        fetch(`${host.url}/ipc/${channel}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${office.owner.token}` },
          body: JSON.stringify(input),
        }).then(
          (response) =>
            response.json() as Promise<{ ok: boolean; data: { id: string; contentBase64: string } }>,
        );
      const added = await post('customers.documents.add', {
        customerId: customer.id,
        fileName: 'scan.pdf',
        mimeType: 'application/pdf',
        contentBase64: scan.toString('base64'),
      });
      expect(added.ok).toBe(true);
      const back = await post('customers.documents.get', { id: added.data.id });
      expect(Buffer.from(back.data.contentBase64, 'base64').equals(scan)).toBe(true);
    } finally {
      await host.close();
    }
  });

  it('backups mirror the documents next to them, copying only what is new', async () => {
    const { office, add } = await withCustomer();
    const png = Buffer.from(TINY_PNG_BASE64, 'base64');
    const first = unwrap(await add({ content: png }));
    unwrap(await office.t.call('backup.create', {}, office.owner.token));
    const mirror = join(office.t.dataDir, 'backups', 'documents');
    expect(filesIn(mirror)).toEqual([first.id]);
    expect(readFileSync(join(mirror, first.id))).toEqual(png);

    const second = unwrap(await add({ content: PDF, mimeType: 'application/pdf', fileName: 'kontrak.pdf' }));
    unwrap(await office.t.call('backup.create', {}, office.owner.token));
    expect(filesIn(mirror)).toEqual([first.id, second.id].sort());
  });
});
