import type { ChannelInput } from '../../../../shared/contract/index';
import type { customersChannels } from '../../../../shared/contract/customers.contract';
import { fresh, type BaseExampleContext, type ExampleContext, type PassAnswer } from '../channel-examples';
import { unwrap, type TestCore } from '../core-fixture';

type CustomersChannel = keyof typeof customersChannels;

/** A real 1 × 1 PNG, the smallest document the core accepts (its first bytes are checked). */
export const TINY_PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** What the customers examples point at (ids made by prepareCustomersExamples). */
export type CustomersExampleContext = {
  /** A customer placed on the map (NIK, business, location) holding one document. */
  mappedCustomerId: string;
  /** That customer's document (the remove example takes it away once). */
  customerDocumentId: string;
};

/** Makes what the customers examples point at, through the channels, as the owner. */
export async function prepareCustomersExamples(
  t: TestCore,
  owner: string,
  _prior: BaseExampleContext,
): Promise<CustomersExampleContext> {
  const customer = unwrap(
    await t.call(
      'customers.create',
      {
        name: 'Warung Makan Bu Sri',
        phone: '0812-7777-1234',
        nik: '3404075203880001',
        category: 'business',
        latitude: -7.7765,
        longitude: 110.3921,
        address: 'Jl. Affandi 12, Caturtunggal',
      },
      owner,
    ),
  );
  const document = unwrap(
    await t.call(
      'customers.documents.add',
      {
        customerId: customer.id,
        fileName: 'ktp.png',
        mimeType: 'image/png',
        contentBase64: TINY_PNG_BASE64,
        kind: 'ktp',
      },
      owner,
    ),
  );
  return { mappedCustomerId: customer.id, customerDocumentId: document.id };
}

/** A valid NIK no earlier example used (DI Yogyakarta, Sleman, Depok; born 12-05-88). */
const freshNik = () => `340407120588${fresh()}`;

/** One valid input per customers channel (see channelExamples). */
export const customersExamples: { [C in CustomersChannel]: (ctx: ExampleContext) => ChannelInput<C> } = {
  'customers.create': () => ({
    name: `Pelanggan Contoh ${fresh()}`,
    phone: '0813-2222-3333',
    nik: freshNik(),
    category: 'residential',
    latitude: -7.797,
    longitude: 110.37,
  }),
  'customers.update': (ctx) => ({ id: ctx.customerId, address: 'Jl. Gejayan 10', category: 'business' }),
  'customers.list': () => ({ query: 'contoh', status: 'prospect', hasLocation: false }),
  'customers.get': (ctx) => ({ id: ctx.customerId }),
  'customers.documents.add': (ctx) => ({
    customerId: ctx.mappedCustomerId,
    fileName: `foto-rumah-${fresh()}.png`,
    mimeType: 'image/png',
    contentBase64: TINY_PNG_BASE64,
    kind: 'photo',
  }),
  'customers.documents.list': (ctx) => ({ customerId: ctx.mappedCustomerId }),
  'customers.documents.get': (ctx) => ({ id: ctx.customerDocumentId }),
  'customers.documents.remove': (ctx) => ({ id: ctx.customerDocumentId }),
  'customers.import': () => ({
    csv: `nama;whatsapp;kategori;lat;lng\nImpor Contoh ${fresh()};0812-5555-0001;bisnis;-7,78;110,39\n`,
  }),
  'customers.export': () => ({ delimiter: ';' }),
};

/** Where a customers example answers a caller the gate lets through something other than ok. */
export const customersPassAnswers: Partial<Record<CustomersChannel, PassAnswer>> = {
  'customers.documents.remove': { first: 'ok', then: 'NOT_FOUND' },
};
