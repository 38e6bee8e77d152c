import type { ChannelInput } from '../../../shared/contract/index';
import { generatePerson, type Gender } from './people';
import { generateUniqueMobile } from './phones';
import { generatePlace } from './places';
import type { Random } from './random';
import type { DemoRouter } from './routers';
import { words } from './words';

export type CustomerCategory = 'residential' | 'business';
export type IspServiceType = 'pppoe' | 'hotspot';

export type DemoIspService = {
  /** The router (its identity) the customer's line terminates on. */
  routerName: string;
  serviceType: IspServiceType;
  /** PPPoE secret or hotspot user name on the router. */
  username: string;
  packageName: string;
  /** Monthly fee, integer rupiah. */
  monthlyFee: number;
};

export type DemoCustomer = {
  /** PLG-00001 (pelanggan). */
  code: string;
  /** A person, or a business ("Warung Makan Bu Sri", "Kos Putri Melati"). */
  name: string;
  /** For business customers, the person to talk to; otherwise equal to name. */
  contactName: string;
  /** WhatsApp number, E.164; unique per customer. */
  whatsapp: string;
  /** NIK of the customer (for a business, of its contact person): 16 digits, valid, unique. */
  nik: string;
  category: CustomerCategory;
  address: string;
  kelurahan: string;
  lat: number;
  lng: number;
  /** The internet subscription, or null for shop-only customers (members buying on account). */
  isp: DemoIspService | null;
};

/** Packages a neighbourhood ISP in Sleman sells; home packages are PPPoE, boarding houses often hotspot. */
export const ISP_PACKAGES: Readonly<
  Record<CustomerCategory, readonly { name: string; monthlyFee: number; weight: number }[]>
> = {
  residential: [
    { name: 'Rumahan 10 Mbps', monthlyFee: 150_000, weight: 30 },
    { name: 'Rumahan 20 Mbps', monthlyFee: 200_000, weight: 40 },
    { name: 'Rumahan 30 Mbps', monthlyFee: 250_000, weight: 20 },
    { name: 'Rumahan 50 Mbps', monthlyFee: 350_000, weight: 10 },
  ],
  business: [
    { name: 'Bisnis 30 Mbps', monthlyFee: 400_000, weight: 40 },
    { name: 'Bisnis 50 Mbps', monthlyFee: 600_000, weight: 40 },
    { name: 'Bisnis 100 Mbps', monthlyFee: 1_000_000, weight: 20 },
  ],
};

const BUSINESS_WORDS = words(`
  Berkah, Barokah, Rejeki, Makmur, Sejahtera, Jaya, Abadi, Lancar, Sumber Rejeki, Mandiri, Sentosa,
  Sido Mulyo, Ngudi Rejeki, Tentrem, Ayem, Kilat, Express, Pelangi, Mentari, Cahaya
`);
const FLOWERS = words(
  `Melati, Mawar, Anggrek, Kenanga, Cempaka, Kamboja, Dahlia, Teratai, Flamboyan, Wijaya Kusuma`,
);

/** A small business the way it is signed out front, owned by `given` (their first name). */
function businessName(random: Random, given: string, gender: 'L' | 'P'): string {
  const honorific = gender === 'L' ? 'Pak' : 'Bu';
  const word = random.pick(BUSINESS_WORDS);
  return random.weighted(
    [
      `Warung Makan ${honorific} ${given}`,
      `Angkringan ${honorific} ${given}`,
      `Kos ${random.pick(['Putri', 'Putra'])} ${random.pick(FLOWERS)}`,
      `Laundry ${word}`,
      `Burjo ${word}`,
      `Bengkel Motor ${word}`,
      `Fotokopi ${word}`,
      `Toko Kelontong ${word}`,
      `Konter HP ${word}`,
      `Salon ${given}`,
    ],
    [14, 10, 18, 10, 8, 8, 6, 10, 8, 8],
  );
}

/**
 * Where the KTPs were issued: most customers are registered in Sleman (34.04, the kecamatan codes
 * 01–17, Depok being 07), the rest moved in from elsewhere (students and workers from Jakarta, West,
 * Central and East Java, Bali, North Sumatra, South Sulawesi…).
 */
const ISSUED_ELSEWHERE = words(
  `3171, 3174, 3273, 3204, 3374, 3302, 3310, 3578, 3515, 5171, 1271, 7371, 1371, 3471`,
);

/**
 * A valid NIK for someone of `gender`: PP KK CC (region) DDMMYY (birth date, women's day + 40) SSSS.
 * Born 1960–2005, so every customer is an adult. Unique within `taken`.
 */
function generateNik(random: Random, gender: Gender, taken: Set<string>): string {
  for (;;) {
    const region = random.chance(0.7)
      ? `3404${String(random.chance(0.6) ? 7 : random.int(1, 17)).padStart(2, '0')}`
      : `${random.pick(ISSUED_ELSEWHERE)}${String(random.int(1, 20)).padStart(2, '0')}`;
    const day = random.int(1, 28) + (gender === 'P' ? 40 : 0);
    const month = random.int(1, 12);
    const year = random.int(1960, 2005) % 100;
    const sequence = random.int(1, 2999);
    const nik = [region, day, month, year, sequence]
      .map((part, i) => (i === 0 ? part : String(part).padStart(i === 4 ? 4 : 2, '0')))
      .join('');
    if (taken.has(nik)) continue;
    taken.add(nik);
    return nik;
  }
}

/** The `customers.create` input for a demo customer (what a loader sends through the channel). */
export function demoCustomerInput(customer: DemoCustomer): ChannelInput<'customers.create'> {
  return {
    name: customer.name,
    phone: customer.whatsapp,
    nik: customer.nik,
    address: customer.address,
    category: customer.category,
    latitude: customer.lat,
    longitude: customer.lng,
    notes: customer.category === 'business' ? `Kontak: ${customer.contactName}` : '',
  };
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.+|\.+$/g, '');
}

/**
 * `count` customers: about three in four subscribe to the internet service (on the router of their
 * kelurahan), the rest buy at the shop on account. One in six is a business.
 */
export function generateCustomers(
  random: Random,
  count: number,
  routers: readonly DemoRouter[],
  takenPhones: Set<string>,
  onProgress?: (done: number, total: number) => void,
): DemoCustomer[] {
  const width = Math.max(5, String(count).length);
  const usernames = new Set<string>();
  const niks = new Set<string>();
  // Its own stream: NIKs were added later, and drawing them from `random` would change every customer after.
  const nikRandom = random.fork('nik');
  const customers: DemoCustomer[] = [];
  const progressEvery = Math.max(1000, Math.floor(count / 20));

  for (let i = 0; i < count; i++) {
    const category: CustomerCategory = random.chance(1 / 6) ? 'business' : 'residential';
    const person = generatePerson(random);
    const firstGiven = person.givenName.replace(/^(I|Ni) \S+ /, '').split(' ')[0]!;
    const name = category === 'business' ? businessName(random, firstGiven, person.gender) : person.fullName;
    const place = generatePlace(random);
    const whatsapp = generateUniqueMobile(random, takenPhones).e164;

    let isp: DemoIspService | null = null;
    if (random.chance(0.75) && routers.length > 0) {
      const router = routers.find((r) => r.kelurahan === place.kelurahan) ?? random.pick(routers);
      const isKos = name.startsWith('Kos ');
      const serviceType: IspServiceType = isKos || random.chance(0.1) ? 'hotspot' : 'pppoe';
      const packages = ISP_PACKAGES[category];
      const chosen = random.weighted(
        packages,
        packages.map((p) => p.weight),
      );
      const base =
        slug(category === 'business' ? name : person.fullName.split(' ').slice(0, 2).join(' ')) ||
        'pelanggan';
      let username = base;
      for (let n = 2; usernames.has(username); n++) username = `${base}${n}`;
      usernames.add(username);
      isp = {
        routerName: router.name,
        serviceType,
        username,
        packageName: chosen.name,
        monthlyFee: chosen.monthlyFee,
      };
    }

    customers.push({
      code: `PLG-${String(i + 1).padStart(width, '0')}`,
      name,
      contactName: person.fullName,
      whatsapp,
      nik: generateNik(nikRandom, person.gender, niks),
      category,
      address: place.addressLine,
      kelurahan: place.kelurahan,
      lat: place.lat,
      lng: place.lng,
      isp,
    });
    if (onProgress && (i + 1) % progressEvery === 0) onProgress(i + 1, count);
  }
  onProgress?.(count, count);
  return customers;
}
