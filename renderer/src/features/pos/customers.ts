import type { ChannelOutput, Customer } from '../../../../shared/contract/index';
import { call } from '../../app/errors/call';
import type { CartCustomer, MemberPrices } from './cart-store';

export async function searchCustomers(query: string): Promise<ChannelOutput<'customers.list'> | null> {
  const input = { ...(query.trim() ? { query: query.trim() } : {}), limit: 20 };
  const result = await call('customers.list', input, { quiet: true });
  return result.ok ? result.data : null;
}

export function toCartCustomer(customer: Customer): CartCustomer {
  return {
    id: customer.id,
    code: customer.code,
    name: customer.name,
    groupId: customer.groupId,
    groupName: customer.groupName,
    credit: customer.credit,
  };
}

/**
 * The prices the customer's group buys at, so the cart shows what the core will charge. Null when
 * they cannot be read (no permission to see price lists): the cart then says so and shows retail.
 */
export async function memberPricesFor(groupId: string | null): Promise<MemberPrices | null> {
  if (!groupId) return {};
  const groups = await call('catalog.customerGroups.list', {}, { quiet: true });
  if (!groups.ok) return null;
  const priceListId = groups.data.find((group) => group.id === groupId)?.priceListId;
  if (!priceListId) return {};
  const prices = await call('catalog.priceLists.prices', { priceListId }, { quiet: true });
  if (!prices.ok) return null;
  const byItem: Record<string, { minQuantity: number; price: number }[]> = {};
  for (const price of prices.data) {
    (byItem[price.itemId] ??= []).push({ minQuantity: price.minQuantity, price: price.price });
  }
  return byItem;
}
