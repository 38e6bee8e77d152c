import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { formatCsv } from '../platform/csv';
import type { DemoData } from './generate';
import type { DemoProduct } from './products';
import { lowStockThreshold } from './stock';

/** The datasets written as import sources until their tables exist (inventory and ISP features). */
export const DEMO_FILE_DATASETS = ['warehouses', 'products', 'customers', 'routers'] as const;
export type DemoFileDataset = (typeof DEMO_FILE_DATASETS)[number];

export type DemoManifest = {
  generatorVersion: number;
  seed: string;
  scale: number;
  kecamatan: string;
  branch: DemoData['branch'];
  /** Keyed by file name: warehouses.json, products.json, customers.json, routers.json, products.csv. */
  files: Record<string, { records: number; bytes: number; sha256: string }>;
};

type Written = { bytes: number; sha256: string };

/** Writes text pieces to a file as they come, hashing as it goes. */
function writeStreamed(file: string, pieces: Iterable<string>): Written {
  const hash = createHash('sha256');
  const fd = openSync(file, 'w');
  let bytes = 0;
  try {
    for (const text of pieces) {
      const buffer = Buffer.from(text, 'utf8');
      writeSync(fd, buffer);
      hash.update(buffer);
      bytes += buffer.length;
    }
  } finally {
    closeSync(fd);
  }
  return { bytes, sha256: hash.digest('hex') };
}

const CHUNK = 2000;

/**
 * Writes `records` as a JSON array with one record per line: valid JSON for any reader, readable in a
 * diff, and streamable line by line by an importer. Written in chunks so a million products never
 * become one giant string. Returns the size and SHA-256 of what was written.
 */
export function writeJsonLinesArray(file: string, records: readonly unknown[]): Written {
  return writeStreamed(
    file,
    (function* () {
      yield '[\n';
      for (let start = 0; start < records.length; start += CHUNK) {
        const end = Math.min(records.length, start + CHUNK);
        let text = '';
        for (let i = start; i < end; i++)
          text += JSON.stringify(records[i]) + (i < records.length - 1 ? ',\n' : '\n');
        yield text;
      }
      yield ']\n';
    })(),
  );
}

/** The columns of the catalog's product CSV import (inventory/product-import.service.ts). */
export const PRODUCT_CSV_HEADER = [
  'name',
  'sku',
  'barcode',
  'category',
  'unit',
  'price',
  'cost',
  'tax_mode',
  'tags',
  'negative_policy',
  'low_stock_threshold',
];

/**
 * The products as the catalog's CSV import reads them, so the demo catalog can be loaded through the
 * real import channel (`inventory.import.products`). Electronic products (pulsa, tokens) have no shelf
 * stock, so they may go below zero (`allow`); everything else is blocked at zero and has the low-stock
 * threshold a shopkeeper would set (stock.ts).
 */
export function writeProductsCsv(file: string, products: readonly DemoProduct[]): Written {
  const row = (p: DemoProduct) => [
    p.name,
    p.sku,
    p.barcode,
    p.category,
    p.unit,
    p.price,
    p.cost,
    p.taxMode,
    p.brand ?? '',
    p.tracksStock ? 'block' : 'allow',
    lowStockThreshold(p),
  ];
  return writeStreamed(
    file,
    (function* () {
      yield formatCsv([PRODUCT_CSV_HEADER]);
      for (let start = 0; start < products.length; start += CHUNK) {
        yield formatCsv(products.slice(start, start + CHUNK).map(row));
      }
    })(),
  );
}

/**
 * Writes `<dir>/warehouses.json`, `products.json`, `customers.json`, `routers.json`, `products.csv`
 * and a `manifest.json` (seed, scale, counts, checksums). No timestamps: the same seed and scale give
 * byte-identical files.
 */
export function writeDemoFiles(dir: string, data: DemoData): DemoManifest {
  mkdirSync(dir, { recursive: true });
  const files: DemoManifest['files'] = {};
  for (const dataset of DEMO_FILE_DATASETS) {
    const records: readonly unknown[] = data[dataset];
    files[`${dataset}.json`] = {
      records: records.length,
      ...writeJsonLinesArray(join(dir, `${dataset}.json`), records),
    };
  }
  files['products.csv'] = {
    records: data.products.length,
    ...writeProductsCsv(join(dir, 'products.csv'), data.products),
  };
  const manifest: DemoManifest = {
    generatorVersion: data.meta.generatorVersion,
    seed: data.meta.seed,
    scale: data.meta.scale,
    kecamatan: data.meta.kecamatan,
    branch: data.branch,
    files,
  };
  writeStreamed(join(dir, 'manifest.json'), [JSON.stringify(manifest, null, 2) + '\n']);
  return manifest;
}
