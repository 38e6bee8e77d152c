import ExcelJS from 'exceljs';
import type { ParsedInput } from '../api-types';
import type { HandlerContext } from '../context';
import { stockLevels } from './inventory.service';

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
const PAGE = 1000;

/** Products with prices, or stock levels per warehouse, as an XLSX workbook (base64). */
export async function exportXlsx(ctx: HandlerContext, input: ParsedInput<'inventory.export.xlsx'>) {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Gerai';
  workbook.created = new Date(ctx.clock.now());
  const stamp = new Date(ctx.clock.now()).toISOString().slice(0, 10);
  if (input.kind === 'products') {
    const sheet = workbook.addWorksheet('Produk');
    sheet.columns = [
      { header: 'SKU', key: 'sku', width: 16 },
      { header: 'Barcode', key: 'barcode', width: 16 },
      { header: 'Nama', key: 'name', width: 40 },
      { header: 'Kategori', key: 'category', width: 18 },
      { header: 'Satuan', key: 'unit', width: 8 },
      { header: 'Harga', key: 'price', width: 12, style: { numFmt: '#,##0' } },
      { header: 'Modal', key: 'cost', width: 12, style: { numFmt: '#,##0' } },
      { header: 'PPN', key: 'tax', width: 10 },
    ];
    let offset = 0;
    for (;;) {
      const rows = await ctx.db
        .selectFrom('items')
        .innerJoin('products', 'products.id', 'items.product_id')
        .leftJoin('categories', 'categories.id', 'products.category_id')
        .select(['items.sku', 'items.barcode', 'items.name', 'categories.name as category', 'products.unit', 'items.price', 'items.cost', 'products.tax_mode'])
        .where('items.deleted_at', 'is', null)
        .where('items.archived', '=', 0)
        .orderBy('items.name')
        .offset(offset)
        .limit(PAGE)
        .execute();
      for (const row of rows) sheet.addRow({ ...row, tax: row.tax_mode });
      if (rows.length < PAGE) break;
      offset += PAGE;
      await yieldToEventLoop();
    }
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  } else {
    const sheet = workbook.addWorksheet('Stok');
    sheet.columns = [
      { header: 'Gudang', key: 'warehouseCode', width: 12 },
      { header: 'SKU', key: 'sku', width: 16 },
      { header: 'Nama', key: 'name', width: 40 },
      { header: 'Di tangan', key: 'onHand', width: 10 },
      { header: 'Dipesan', key: 'reserved', width: 10 },
      { header: 'Tersedia', key: 'available', width: 10 },
      { header: 'Dalam perjalanan', key: 'inTransit', width: 16 },
      { header: 'Minimum', key: 'lowStockThreshold', width: 10 },
      { header: 'Menipis', key: 'low', width: 9 },
    ];
    let offset = 0;
    for (;;) {
      const { levels } = await stockLevels(ctx, { warehouseId: input.warehouseId, lowOnly: false, offset, limit: PAGE });
      for (const level of levels) sheet.addRow({ ...level, low: level.low ? 'ya' : '' });
      if (levels.length < PAGE) break;
      offset += PAGE;
      await yieldToEventLoop();
    }
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return { fileName: `${input.kind === 'products' ? 'produk' : 'stok'}-${stamp}.xlsx`, base64: buffer.toString('base64') };
}
