import type { HandlerSlice } from '../api-types';
import type { customersChannels } from '../../../shared/contract/customers.contract';
import {
  addCustomerDocument,
  getCustomerDocument,
  listCustomerDocuments,
  removeCustomerDocument,
} from './customer-documents.service';
import { exportCustomers, importCustomers } from './customer-import.service';
import { createCustomer, customerOut, listCustomers, updateCustomer } from './customers.service';

export const customersApi = {
  'customers.create': createCustomer,
  'customers.update': updateCustomer,
  'customers.list': listCustomers,
  'customers.get': (ctx, input) => customerOut(ctx, input.id),
  'customers.documents.add': addCustomerDocument,
  'customers.documents.list': listCustomerDocuments,
  'customers.documents.get': getCustomerDocument,
  'customers.documents.remove': removeCustomerDocument,
  'customers.import': importCustomers,
  'customers.export': exportCustomers,
} satisfies HandlerSlice<keyof typeof customersChannels>;
