import { z } from 'zod';
import { defineChannels } from './channel';
import { Id } from './common.schema';

export const Rupiah = z.number().int().nonnegative().max(1_000_000_000_000);
export const TaxModeSchema = z.enum(['included', 'excluded', 'exempt']);
export const NegativePolicy = z.enum(['block', 'allow']);
const Sku = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9._\-/]+$/, 'SKU: letters, digits, . _ - /');
/** EAN-13/UPC/EAN-8 digits, or an internal code; GTIN check digits are verified by the core. */
const Barcode = z.string().trim().min(4).max(48).regex(/^[A-Za-z0-9-]+$/, 'barcode: letters, digits or -');
const Attributes = z.record(z.string().trim().min(1).max(30), z.string().trim().min(1).max(60));

export const ItemInput = z.strictObject({
  /** Present when changing an existing item of the product. */
  id: Id.optional(),
  sku: Sku,
  barcode: Barcode.nullable().optional(),
  attributes: Attributes.default({}),
  price: Rupiah,
  cost: Rupiah.optional(),
  negativePolicy: NegativePolicy.default('block'),
  lowStockThreshold: z.number().int().nonnegative().max(1_000_000).default(0),
  archived: z.boolean().optional(),
});

export const Item = z.strictObject({
  id: Id,
  productId: Id,
  sku: z.string(),
  barcode: z.string().nullable(),
  name: z.string(),
  attributes: z.record(z.string(), z.string()),
  price: z.number().int(),
  cost: z.number().int(),
  negativePolicy: NegativePolicy,
  lowStockThreshold: z.number().int(),
  archived: z.boolean(),
});
export type Item = z.infer<typeof Item>;

export const Product = z.strictObject({
  id: Id,
  name: z.string(),
  categoryId: Id.nullable(),
  categoryName: z.string().nullable(),
  unit: z.string(),
  taxMode: TaxModeSchema,
  tags: z.array(z.string()),
  description: z.string(),
  archived: z.boolean(),
  items: z.array(Item),
});
export type Product = z.infer<typeof Product>;

const ProductFields = {
  name: z.string().trim().min(1).max(120),
  categoryId: Id.nullable().optional(),
  unit: z.string().trim().min(1).max(20).default('pcs'),
  taxMode: TaxModeSchema.default('included'),
  tags: z.array(z.string().trim().min(1).max(30)).max(20).default([]),
  description: z.string().max(2000).default(''),
};

/** One row of a search: what the till needs to add an item to the cart. */
export const SearchHit = z.strictObject({
  itemId: Id,
  productId: Id,
  name: z.string(),
  sku: z.string(),
  barcode: z.string().nullable(),
  price: z.number().int(),
  taxMode: TaxModeSchema,
  unit: z.string(),
  /** On hand in the asked warehouse, when one was given. */
  onHand: z.number().int().nullable(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const Category = z.strictObject({ id: Id, name: z.string(), parentId: Id.nullable(), productCount: z.number().int() });
export const PriceList = z.strictObject({ id: Id, key: z.string().nullable(), name: z.string(), priceCount: z.number().int() });
export const PriceListPrice = z.strictObject({
  itemId: Id,
  sku: z.string(),
  name: z.string(),
  minQuantity: z.number().int(),
  price: z.number().int(),
  retailPrice: z.number().int(),
});
export const CustomerGroup = z.strictObject({ id: Id, name: z.string(), priceListId: Id.nullable(), priceListName: z.string().nullable() });

export const catalogChannels = defineChannels({
  'catalog.categories.list': {
    summary: 'Product categories with their product counts.',
    input: z.strictObject({}),
    output: z.array(Category),
    access: 'inventory.view',
    writes: false,
  },
  'catalog.categories.create': {
    summary: 'Adds a product category.',
    input: z.strictObject({ name: z.string().trim().min(1).max(60), parentId: Id.nullable().optional() }),
    output: Category,
    access: 'inventory.manage',
    writes: true,
  },
  'catalog.products.create': {
    summary: 'Adds a product with one item, or one item per variant; SKUs and barcodes must be unique.',
    input: z.strictObject({ ...ProductFields, items: z.array(ItemInput).min(1).max(200) }),
    output: Product,
    access: 'inventory.manage',
    writes: true,
  },
  'catalog.products.update': {
    summary: 'Changes a product; items with an id are changed, items without one are added.',
    input: z.strictObject({
      id: Id,
      name: ProductFields.name.optional(),
      categoryId: Id.nullable().optional(),
      unit: z.string().trim().min(1).max(20).optional(),
      taxMode: TaxModeSchema.optional(),
      tags: z.array(z.string().trim().min(1).max(30)).max(20).optional(),
      description: z.string().max(2000).optional(),
      items: z.array(ItemInput).max(200).optional(),
    }),
    output: Product,
    access: 'inventory.manage',
    writes: true,
  },
  'catalog.products.archive': {
    summary: 'Archives (or restores) a product and its items; archived items cannot be sold. History stays.',
    input: z.strictObject({ id: Id, archived: z.boolean().default(true) }),
    output: Product,
    access: 'inventory.manage',
    writes: true,
  },
  'catalog.products.get': {
    summary: 'One product with its items.',
    input: z.strictObject({ id: Id }),
    output: Product,
    access: 'inventory.view',
    writes: false,
  },
  'catalog.products.list': {
    summary: 'Products page by page, filtered by category and archived state, sorted by name.',
    input: z.strictObject({
      categoryId: Id.optional(),
      archived: z.boolean().default(false),
      offset: z.number().int().nonnegative().default(0),
      limit: z.number().int().min(1).max(500).default(50),
    }),
    output: z.strictObject({ products: z.array(Product), total: z.number().int() }),
    access: 'inventory.view',
    writes: false,
  },
  'catalog.products.search': {
    summary: 'Items by name, SKU or barcode (prefix and substring); an exact barcode or SKU comes first.',
    input: z.strictObject({
      query: z.string().trim().min(1).max(80),
      warehouseId: Id.optional(),
      includeArchived: z.boolean().default(false),
      limit: z.number().int().min(1).max(100).default(20),
    }),
    output: z.array(SearchHit),
    access: 'authenticated',
    writes: false,
  },
  'catalog.priceLists.list': {
    summary: 'Price lists (retail, member, reseller and custom ones).',
    input: z.strictObject({}),
    output: z.array(PriceList),
    access: 'inventory.view',
    writes: false,
  },
  'catalog.priceLists.create': {
    summary: 'Adds a custom price list.',
    input: z.strictObject({ name: z.string().trim().min(2).max(60) }),
    output: PriceList,
    access: 'inventory.manage',
    writes: true,
  },
  'catalog.priceLists.prices': {
    summary: 'The prices a list sets, with quantity breaks.',
    input: z.strictObject({ priceListId: Id }),
    output: z.array(PriceListPrice),
    access: 'inventory.view',
    writes: false,
  },
  'catalog.priceLists.setPrice': {
    summary: 'Sets (or, with price null, removes) an item’s price on a list from a minimum quantity.',
    input: z.strictObject({
      priceListId: Id,
      itemId: Id,
      minQuantity: z.number().int().min(1).max(1_000_000).default(1),
      price: Rupiah.nullable(),
    }),
    output: z.array(PriceListPrice),
    access: 'inventory.manage',
    writes: true,
  },
  'catalog.customerGroups.list': {
    summary: 'Customer groups and the price list each one uses.',
    input: z.strictObject({}),
    output: z.array(CustomerGroup),
    access: 'customers.view',
    writes: false,
  },
  'catalog.customerGroups.create': {
    summary: 'Adds a customer group that buys at a price list.',
    input: z.strictObject({ name: z.string().trim().min(2).max(60), priceListId: Id.nullable() }),
    output: CustomerGroup,
    access: 'customers.manage',
    writes: true,
  },
});
