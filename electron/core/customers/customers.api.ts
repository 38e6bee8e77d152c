import type { HandlerSlice } from '../api-types';
import { createCustomer, customerOut, listCustomers, updateCustomer } from './customers.service';

export const customersApi = {
  'customers.create': createCustomer,
  'customers.update': updateCustomer,
  'customers.list': listCustomers,
  'customers.get': (ctx, input) => customerOut(ctx, input.id),
} satisfies HandlerSlice<'customers.create' | 'customers.update' | 'customers.list' | 'customers.get'>;
