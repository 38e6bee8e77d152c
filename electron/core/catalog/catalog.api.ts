import type { HandlerSlice } from '../api-types';
import { archiveProduct, createProduct, listProducts, productOut, searchCatalog, updateProduct } from './catalog.service';
import {
  createCategory,
  createCustomerGroup,
  createPriceList,
  listCategories,
  listCustomerGroups,
  listPriceLists,
  priceListPrices,
  setPrice,
} from './price-lists.service';

export const catalogApi = {
  'catalog.categories.list': (ctx) => listCategories(ctx),
  'catalog.categories.create': createCategory,
  'catalog.products.create': createProduct,
  'catalog.products.update': updateProduct,
  'catalog.products.archive': archiveProduct,
  'catalog.products.get': (ctx, input) => productOut(ctx, input.id),
  'catalog.products.list': listProducts,
  'catalog.products.search': searchCatalog,
  'catalog.priceLists.list': (ctx) => listPriceLists(ctx),
  'catalog.priceLists.create': createPriceList,
  'catalog.priceLists.prices': priceListPrices,
  'catalog.priceLists.setPrice': setPrice,
  'catalog.customerGroups.list': (ctx) => listCustomerGroups(ctx),
  'catalog.customerGroups.create': createCustomerGroup,
} satisfies HandlerSlice<
  | 'catalog.categories.list'
  | 'catalog.categories.create'
  | 'catalog.products.create'
  | 'catalog.products.update'
  | 'catalog.products.archive'
  | 'catalog.products.get'
  | 'catalog.products.list'
  | 'catalog.products.search'
  | 'catalog.priceLists.list'
  | 'catalog.priceLists.create'
  | 'catalog.priceLists.prices'
  | 'catalog.priceLists.setPrice'
  | 'catalog.customerGroups.list'
  | 'catalog.customerGroups.create'
>;
