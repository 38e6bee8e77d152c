import { isValidGtin } from '../../../shared/domain/barcode';
import { itemName } from '../catalog/catalog.service';
import type { ParsedInput } from '../api-types';
import type { HandlerContext } from '../context';
import { uuidv7 } from '../platform/ids';
import { detectDelimiter, formatCsv } from '../platform/csv';


type RowError = { row: number; field: string; message: string };

const COLUMNS = ['name', 'sku', 'barcode', 'category', 'unit', 'price', 'cost', 'tax_mode', 'tags', 'variant', 'negative_policy', 'low_stock_threshold'] as const;
type Column = (typeof COLUMNS)[number];

/** Header names people actually type, Indonesian ones included. */
const ALIASES: Record<string, Column> = {
  name: 'name', nama: 'name', nama_produk: 'name', product: 'name', produk: 'name',
  sku: 'sku', kode: 'sku', kode_barang: 'sku',
  barcode: 'barcode', ean: 'barcode',
  category: 'category', kategori: 'category',
  unit: 'unit', satuan: 'unit',
  price: 'price', harga: 'price', harga_jual: 'price',
  cost: 'cost', modal: 'cost', hpp: 'cost', harga_beli: 'cost',
  tax_mode: 'tax_mode', pajak: 'tax_mode', ppn: 'tax_mode',
  tags: 'tags', tag: 'tags',
  variant: 'variant', varian: 'variant',
  negative_policy: 'negative_policy', stok_minus: 'negative_policy',
  low_stock_threshold: 'low_stock_threshold', stok_minimum: 'low_stock_threshold', minimum: 'low_stock_threshold',
};

const TAX_MODES: Record<string, 'included' | 'excluded' | 'exempt'> = {
  '': 'included', included: 'included', termasuk: 'included', include: 'included',
  excluded: 'excluded', exclude: 'excluded', tidak_termasuk: 'excluded', belum_termasuk: 'excluded',
  exempt: 'exempt', bebas: 'exempt', tidak_kena: 'exempt',
};

/** "Rp 12.500" / "12500" / "12.500" → 12500. Rupiah are whole: a decimal part is an error. */
function parseRupiah(text: string): number | null {
  const cleaned = text.replace(/rp\.?/i, '').replace(/\s/g, '');
  if (cleaned === '') return null;
  if (!/^\d{1,3}(\.\d{3})*$|^\d+$/.test(cleaned)) return NaN;
  return Number(cleaned.replace(/\./g, ''));
}

function parseVariant(text: string): Record<string, string> | null {
  if (text.trim() === '') return {};
  const out: Record<string, string> = {};
  for (const pair of text.split('|')) {
    const [key, value] = pair.split('=').map((part) => part?.trim() ?? '');
    if (!key || !value) return null;
    out[key] = value;
  }
  return out;
}

type ParsedRow = {
  row: number;
  name: string;
  sku: string;
  barcode: string | null;
  category: string;
  unit: string;
  price: number;
  cost: number;
  taxMode: 'included' | 'excluded' | 'exempt';
  tags: string[];
  variant: Record<string, string>;
  negativePolicy: 'block' | 'allow';
  lowStockThreshold: number;
};

/** An empty line: parseCsv drops it, and so does the resumable reader below. */
const isEmptyLine = (cells: string[]) => cells.length === 1 && cells[0] === '';
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The rows of a CSV one at a time: exactly `parseCsv` (platform/csv.ts — the same state machine, BOM
 * dropped, empty lines skipped), but resumable, so a 100k-row file can be read in slices that yield.
 */
function* csvRecords(input: string, delimiter: ',' | ';'): Generator<string[], void, undefined> {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      if (!isEmptyLine(row)) yield row;
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    if (!isEmptyLine(row)) yield row;
  }
}

/** Rows read and checked between two yields to the event loop (a few ms each). */
const READ_SLICE = 1000;

/**
 * Reads and checks every row; returns the rows or every error found (row numbers count the header as
 * 1). A generator that pauses every READ_SLICE rows, so the async import can yield between slices.
 */
function* checkProductCsv(
  csv: string,
  existing: { skus: Set<string>; barcodes: Set<string> },
): Generator<void, { rows: ParsedRow[]; errors: RowError[] }, undefined> {
  const records = csvRecords(csv, detectDelimiter(csv));
  const first = records.next();
  const errors: RowError[] = [];
  const header = (first.done ? [] : first.value).map((h) => ALIASES[h.trim().toLowerCase().replace(/[\s-]+/g, '_')] ?? null);
  for (const required of ['name', 'sku', 'price'] as const) {
    if (!header.includes(required)) errors.push({ row: 1, field: required, message: `column "${required}" is missing` });
  }
  if (errors.length) return { rows: [], errors };
  const rows: ParsedRow[] = [];
  const seenSku = new Map<string, number>();
  const seenBarcode = new Map<string, number>();
  const indexOf = new Map<Column, number>(COLUMNS.map((column) => [column, header.indexOf(column)]));
  let rowNo = 1;
  for (const cells of records) {
    rowNo++;
    if (rowNo % READ_SLICE === 0) yield;
    const get = (column: Column) => {
      const index = indexOf.get(column)!;
      return index === -1 ? '' : (cells[index] ?? '').trim();
    };
    const fail = (field: string, message: string) => errors.push({ row: rowNo, field, message });
    if (cells.every((cell) => cell.trim() === '')) continue;
    const name = get('name');
    if (!name || name.length > 120) fail('name', 'name is required (at most 120 characters)');
    const sku = get('sku').toUpperCase();
    if (!/^[A-Z0-9._\-/]{1,64}$/.test(sku)) fail('sku', 'SKU: 1–64 letters, digits, . _ - /');
    else if (existing.skus.has(sku)) fail('sku', `SKU ${sku} already exists`);
    else if (seenSku.has(sku)) fail('sku', `SKU ${sku} also on row ${seenSku.get(sku)}`);
    seenSku.set(sku, rowNo);
    const barcode = get('barcode') || null;
    if (barcode) {
      if (!/^[A-Za-z0-9-]{4,48}$/.test(barcode)) fail('barcode', 'barcode: 4–48 letters, digits or -');
      else if (/^\d+$/.test(barcode) && [8, 12, 13, 14].includes(barcode.length) && !isValidGtin(barcode)) fail('barcode', 'check digit is wrong');
      else if (existing.barcodes.has(barcode)) fail('barcode', `barcode ${barcode} already exists`);
      else if (seenBarcode.has(barcode)) fail('barcode', `barcode ${barcode} also on row ${seenBarcode.get(barcode)}`);
      seenBarcode.set(barcode, rowNo);
    }
    const price = parseRupiah(get('price'));
    if (price === null || Number.isNaN(price)) fail('price', 'price must be whole rupiah, e.g. 12500 or 12.500');
    const cost = parseRupiah(get('cost')) ?? 0;
    if (Number.isNaN(cost)) fail('cost', 'cost must be whole rupiah');
    const taxMode = TAX_MODES[get('tax_mode').toLowerCase().replace(/[\s-]+/g, '_')];
    if (!taxMode) fail('tax_mode', 'tax_mode: included, excluded or exempt');
    const variant = parseVariant(get('variant'));
    if (!variant) fail('variant', 'variant: key=value pairs separated by |, e.g. ukuran=M|warna=Merah');
    const policy = get('negative_policy').toLowerCase() || 'block';
    if (policy !== 'block' && policy !== 'allow') fail('negative_policy', 'negative_policy: block or allow');
    const thresholdText = get('low_stock_threshold');
    const threshold = thresholdText === '' ? 0 : Number(thresholdText);
    if (!Number.isInteger(threshold) || threshold < 0) fail('low_stock_threshold', 'a whole number, 0 or more');
    rows.push({
      row: rowNo,
      name,
      sku,
      barcode,
      category: get('category'),
      unit: get('unit') || 'pcs',
      price: price ?? 0,
      cost,
      taxMode: taxMode ?? 'included',
      tags: get('tags').split('|').map((t) => t.trim()).filter(Boolean),
      variant: variant ?? {},
      negativePolicy: policy === 'allow' ? 'allow' : 'block',
      lowStockThreshold: threshold,
    });
  }
  if (rows.length === 0 && errors.length === 0) errors.push({ row: 1, field: 'file', message: 'no product rows' });
  return { rows, errors };
}

/** Reads and checks every row; returns the rows or every error found (row numbers count the header as 1). */
export function readProductCsv(csv: string, existing: { skus: Set<string>; barcodes: Set<string> }): { rows: ParsedRow[]; errors: RowError[] } {
  const reading = checkProductCsv(csv, existing);
  for (;;) {
    const step = reading.next();
    if (step.done) return step.value;
  }
}

/** The same, yielding to the event loop between slices of rows. */
async function readProductCsvYielding(csv: string, existing: { skus: Set<string>; barcodes: Set<string> }) {
  const reading = checkProductCsv(csv, existing);
  for (;;) {
    const step = reading.next();
    if (step.done) return step.value;
    await yieldToEventLoop();
  }
}

/** Rows per progress event (`job.progress`). */
const CHUNK = 500;
/**
 * Import rows written per multi-row INSERT (products, items, outbox); divides CHUNK. 250 rows take
 * ≈ 10–25 ms on a 2-core machine; 100 was ≈ 15% slower overall (more FTS5 flushes), 500 no faster.
 */
const BATCH = 250;
/**
 * Writing time after which the import yields to the event loop (DESIGN.md allows ~50 ms per slice).
 * Checked after each batch, so a slice is at most this plus one batch, whatever the machine's speed.
 */
const SLICE_MS = 20;

/** Column order of the payloads `ctx.writer.insert` writes: the row's own fields, then the sync columns. */
const PRODUCT_COLUMNS = ['name', 'category_id', 'unit', 'tax_mode', 'tags', 'description', 'archived'] as const;
const ITEM_COLUMNS = ['product_id', 'sku', 'barcode', 'name', 'variant', 'keywords', 'price', 'cost', 'negative_policy', 'low_stock_threshold', 'archived'] as const;
const SYNC_COLUMNS = ['id', 'created_at', 'updated_at', 'hlc', 'origin_device', 'deleted_at'] as const;
const OUTBOX_COLUMNS = ['op_id', 'table_name', 'row_id', 'op', 'hlc', 'payload', 'created_at'] as const;

type Value = string | number | null;
type BulkTable = 'products' | 'items' | 'sync_outbox';

/**
 * Writes the import's products and items with multi-row prepared INSERTs on the store's connection,
 * inside the dispatcher's transaction (a kysely transaction on this same connection). Every row is
 * stamped and gets its `sync_outbox` entry exactly as `ctx.writer.insert` does — the same columns and
 * the same payload (the row's fields in order, then id, created_at, updated_at, hlc, origin_device,
 * deleted_at), outbox rows in the same order — without compiling four kysely queries per row.
 *
 * Why multi-row: each INSERT statement opens a statement savepoint, and FTS5 flushes its in-memory
 * index on every savepoint, so row-at-a-time inserts into `items` (whose trigger feeds the trigram
 * index `items_fts`) cost several times more than the rows themselves. One statement per BATCH rows
 * flushes once per batch.
 */
function createBulkWriter(ctx: HandlerContext) {
  const statements = new Map<string, ReturnType<typeof ctx.store.sqlite.prepare>>();
  const pending: Record<BulkTable, Value[][]> = { products: [], items: [], sync_outbox: [] };
  const columnsOf: Record<BulkTable, readonly string[]> = {
    products: [...PRODUCT_COLUMNS, ...SYNC_COLUMNS],
    items: [...ITEM_COLUMNS, ...SYNC_COLUMNS],
    sync_outbox: OUTBOX_COLUMNS,
  };
  const insertMany = (table: BulkTable, rows: Value[][]) => {
    if (rows.length === 0) return;
    const key = `${table}:${rows.length}`;
    let statement = statements.get(key);
    if (!statement) {
      const columns = columnsOf[table];
      const tuple = `(${columns.map(() => '?').join(', ')})`;
      statement = ctx.store.sqlite.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${rows.map(() => tuple).join(', ')}`);
      statements.set(key, statement);
    }
    statement.run(rows.flat());
  };
  return {
    /** Stamps a row as `ctx.writer.insert` would and queues it with its outbox entry; returns its id. */
    insert<const C extends readonly string[]>(table: 'products' | 'items', columns: C, row: { [K in C[number]]: Value }): string {
      const now = ctx.clock.now();
      const hlc = ctx.hlc.next();
      const full: Record<string, Value> = {};
      for (const column of columns) full[column] = row[column as C[number]];
      const id = uuidv7(now);
      full.id = id;
      full.created_at = now;
      full.updated_at = now;
      full.hlc = hlc;
      full.origin_device = ctx.device.id;
      full.deleted_at = null;
      pending[table].push(Object.values(full));
      pending.sync_outbox.push([uuidv7(), table, id, 'insert', hlc, JSON.stringify(full), ctx.clock.now()]);
      return id;
    },
    /** Writes what is queued: products before the items that reference them, then the outbox rows. */
    flush() {
      for (const table of ['products', 'items', 'sync_outbox'] as const) {
        insertMany(table, pending[table]);
        pending[table] = [];
      }
    },
  };
}

/**
 * All or nothing: every row is checked first; any error imports nothing and returns every error.
 * Rows with the same name and a variant become items of one product. Works in chunks that yield,
 * reporting progress as `job.progress` events.
 */
export async function importProducts(ctx: HandlerContext, input: ParsedInput<'inventory.import.products'>) {
  const items = await ctx.db.selectFrom('items').select(['sku', 'barcode']).execute();
  const existing = { skus: new Set(items.map((i) => i.sku)), barcodes: new Set(items.flatMap((i) => (i.barcode ? [i.barcode] : []))) };
  const { rows, errors } = await readProductCsvYielding(input.csv, existing);
  if (errors.length) return { imported: 0, errors };
  if (input.dryRun) return { imported: 0, errors: [] };
  // The prepared statements below only join the call's transaction if one is open on the connection.
  if (!ctx.store.sqlite.inTransaction) throw new Error('inventory.import.products must run in the dispatcher’s transaction');

  const jobId = uuidv7();
  const progress = (done: number) => ctx.events.emit('job.progress', { jobId, label: 'import.products', done, total: rows.length });
  const categories = new Map(
    (await ctx.db.selectFrom('categories').select(['id', 'name']).where('deleted_at', 'is', null).execute()).map((c) => [c.name.toLowerCase(), c.id]),
  );
  const writer = createBulkWriter(ctx);
  const productOf = new Map<string, string>();
  let sliceStart = performance.now();
  for (const [index, row] of rows.entries()) {
    let categoryId: string | null = null;
    if (row.category) {
      categoryId = categories.get(row.category.toLowerCase()) ?? null;
      if (!categoryId) {
        // Keeps the outbox in row order: what is queued goes first, then the new category.
        writer.flush();
        categoryId = (await ctx.writer.insert(ctx.db, 'categories', { name: row.category, parent_id: null })).id;
        categories.set(row.category.toLowerCase(), categoryId);
      }
    }
    const groupKey = Object.keys(row.variant).length ? row.name.toLowerCase() : null;
    let productId = groupKey ? productOf.get(groupKey) : undefined;
    if (!productId) {
      productId = writer.insert('products', PRODUCT_COLUMNS, {
        name: row.name,
        category_id: categoryId,
        unit: row.unit,
        tax_mode: row.taxMode,
        tags: JSON.stringify(row.tags),
        description: '',
        archived: 0,
      });
      if (groupKey) productOf.set(groupKey, productId);
    }
    writer.insert('items', ITEM_COLUMNS, {
      product_id: productId,
      sku: row.sku,
      barcode: row.barcode,
      name: itemName(row.name, row.variant),
      variant: JSON.stringify(row.variant),
      keywords: [...row.tags, row.category].filter(Boolean).join(' '),
      price: row.price,
      cost: row.cost,
      negative_policy: row.negativePolicy,
      low_stock_threshold: row.lowStockThreshold,
      archived: 0,
    });
    const done = index + 1;
    if (done % BATCH !== 0 && done !== rows.length) continue;
    writer.flush();
    if (done % CHUNK === 0 || done === rows.length) progress(done);
    if (performance.now() - sliceStart >= SLICE_MS) {
      await yieldToEventLoop();
      sliceStart = performance.now();
    }
  }
  await ctx.audit({ entity: 'product', entityId: null, before: null, after: { imported: rows.length } });
  return { imported: rows.length, errors: [] };
}

export async function exportProducts(ctx: HandlerContext, input: ParsedInput<'inventory.export.products'>) {
  const rows = await ctx.db
    .selectFrom('items')
    .innerJoin('products', 'products.id', 'items.product_id')
    .leftJoin('categories', 'categories.id', 'products.category_id')
    .select([
      'products.name',
      'items.sku',
      'items.barcode',
      'categories.name as category',
      'products.unit',
      'items.price',
      'items.cost',
      'products.tax_mode',
      'products.tags',
      'items.variant',
      'items.negative_policy',
      'items.low_stock_threshold',
    ])
    .where('items.deleted_at', 'is', null)
    .where('items.archived', '=', 0)
    .orderBy('products.name')
    .orderBy('items.sku')
    .execute();
  const body = rows.map((row) => [
    row.name,
    row.sku,
    row.barcode,
    row.category,
    row.unit,
    row.price,
    row.cost,
    row.tax_mode,
    (JSON.parse(row.tags) as string[]).join('|'),
    Object.entries(JSON.parse(row.variant) as Record<string, string>).map(([k, v]) => `${k}=${v}`).join('|'),
    row.negative_policy,
    row.low_stock_threshold,
  ]);
  const stamp = new Date(ctx.clock.now()).toISOString().slice(0, 10);
  return { fileName: `produk-${stamp}.csv`, csv: formatCsv([[...COLUMNS], ...body], input.delimiter) };
}

