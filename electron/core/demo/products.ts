import { gtinCheckDigit, isValidEan13 } from '../../../shared/domain/barcode';
import type { Random } from './random';

export const PRODUCT_CATEGORIES = [
  'Sembako',
  'Minuman',
  'Makanan Ringan',
  'Rokok',
  'Perlengkapan Mandi',
  'Pulsa & Voucher',
  'Perangkat Jaringan',
] as const;
export type ProductCategory = (typeof PRODUCT_CATEGORIES)[number];

export const PRODUCT_UNITS = ['pcs', 'bungkus', 'botol', 'dus', 'kg', 'liter'] as const;
export type ProductUnit = (typeof PRODUCT_UNITS)[number];

/**
 * How PPN applies to the shelf price (the catalog's `tax_mode`): `included` — the price already
 * contains PPN (retail goods); `excluded` — PPN is added on the invoice (network gear sold to business
 * customers); `exempt` — basic staples (beras, telur, gula, garam, bumbu dapur) carry no PPN (PP 49/2022).
 */
export const TAX_MODES = ['included', 'excluded', 'exempt'] as const;
export type TaxMode = (typeof TAX_MODES)[number];

export type DemoProduct = {
  /** Store code: category code and a running number, e.g. SBK-00042. */
  sku: string;
  /** EAN-13 with the GS1 Indonesia prefix 899. */
  barcode: string;
  name: string;
  /** Null for unbranded goods sold loose (curah). */
  brand: string | null;
  category: ProductCategory;
  unit: ProductUnit;
  /** Items in one selling unit for carton/strip SKUs ("dus isi 40"); 1 otherwise. */
  packSize: number;
  /** Buying price, integer rupiah. */
  cost: number;
  /** Selling price, integer rupiah, always above cost. */
  price: number;
  taxMode: TaxMode;
  /** False for electronic products (pulsa, tokens, hotspot vouchers) that have no stock on a shelf. */
  tracksStock: boolean;
};

// ---------------------------------------------------------------------------------------------------
// EAN-13

/** The EAN-13 check digit for the first 12 digits (the shared GTIN rule: weights 3,1 from the right). */
export function ean13CheckDigit(first12: string): number {
  if (!/^\d{12}$/.test(first12))
    throw new Error(`EAN-13 needs 12 digits before the check digit, got "${first12}"`);
  return gtinCheckDigit(first12);
}

/** True for 13 digits whose last digit is the right check digit. */
export { isValidEan13 };

/** GS1 Indonesia's country prefix. */
export const GS1_INDONESIA_PREFIX = '899';

/**
 * Hands out unique barcodes the way GS1 does: each brand owner gets a company prefix
 * (899 + 4 digits) and numbers its items (5 digits) under it; a full prefix gets a second one.
 */
function createBarcodeAllocator(random: Random) {
  const usedCompanies = new Set<string>();
  const byBrand = new Map<string, { company: string; nextItem: number }>();
  const newCompany = () => {
    for (;;) {
      const company = `${GS1_INDONESIA_PREFIX}${random.int(1000, 9999)}`;
      if (!usedCompanies.has(company)) {
        usedCompanies.add(company);
        return company;
      }
    }
  };
  return (brand: string): string => {
    let owner = byBrand.get(brand);
    if (!owner || owner.nextItem > 99_999) {
      owner = { company: newCompany(), nextItem: random.int(0, 400) * 100 };
      byBrand.set(brand, owner);
    }
    const first12 = `${owner.company}${String(owner.nextItem).padStart(5, '0')}`;
    owner.nextItem += random.int(1, 3);
    return `${first12}${ean13CheckDigit(first12)}`;
  };
}

// ---------------------------------------------------------------------------------------------------
// The catalog: one line per product line, expanded into every variant × size (× carton).
//
//   brand | product | variants (comma list or -) | sizes (label=cost; …, label - for none) | unit | flags
//
// Costs are typical 2024–25 buying prices in Yogyakarta, integer rupiah. Flags: `exempt` (no PPN),
// `nostock` (electronic), `dus N` / `slop N` / `renceng N` (also sold as a carton / carton of cigarette packs / strip of N).

type CategoryRule = {
  code: string;
  /** Relative share of a warung/minimarket's assortment. */
  weight: number;
  taxMode: TaxMode;
  /** Gross margin over cost: a fraction range, or a fixed rupiah markup range (pulsa is sold at nominal + fee). */
  margin: { percent: [number, number] } | { rupiah: [number, number] };
  /** How far a buying price drifts from the catalog's (suppliers, months); pulsa costs barely move. */
  costDrift: [number, number];
};

const CATEGORY_RULES: Record<ProductCategory, CategoryRule> = {
  Sembako: {
    code: 'SBK',
    weight: 27,
    taxMode: 'included',
    margin: { percent: [0.06, 0.14] },
    costDrift: [0.96, 1.06],
  },
  Minuman: {
    code: 'MNM',
    weight: 20,
    taxMode: 'included',
    margin: { percent: [0.15, 0.28] },
    costDrift: [0.96, 1.06],
  },
  'Makanan Ringan': {
    code: 'SNK',
    weight: 22,
    taxMode: 'included',
    margin: { percent: [0.15, 0.3] },
    costDrift: [0.96, 1.06],
  },
  Rokok: {
    code: 'RKK',
    weight: 7,
    taxMode: 'included',
    margin: { percent: [0.04, 0.09] },
    costDrift: [0.98, 1.03],
  },
  // Toiletries, plus the soap and detergent a warung shelves beside them.
  'Perlengkapan Mandi': {
    code: 'MDI',
    weight: 13,
    taxMode: 'included',
    margin: { percent: [0.14, 0.25] },
    costDrift: [0.96, 1.06],
  },
  'Pulsa & Voucher': {
    code: 'PLS',
    weight: 5,
    taxMode: 'included',
    margin: { rupiah: [1500, 2500] },
    costDrift: [0.995, 1.01],
  },
  'Perangkat Jaringan': {
    code: 'NET',
    weight: 6,
    taxMode: 'excluded',
    margin: { percent: [0.15, 0.35] },
    costDrift: [0.95, 1.08],
  },
};

const CATALOG: Record<ProductCategory, string> = {
  Sembako: `
    Setra Ramos | Beras Premium | - | 5 kg=72000; 10 kg=142000 | bungkus | exempt
    Raja Platinum | Beras Premium | - | 5 kg=79000 | bungkus | exempt
    Topi Koki | Beras Pulen Wangi | - | 5 kg=76000; 10 kg=150000 | bungkus | exempt
    Sania | Beras Premium | - | 5 kg=74000 | bungkus | exempt
    - | Beras Rojolele Curah | - | - =13800 | kg | exempt
    - | Beras Mentik Wangi Curah | - | - =14800 | kg | exempt
    - | Beras IR64 Medium Curah | - | - =12600 | kg | exempt
    - | Beras Ketan Putih | - | - =17500 | kg | exempt
    - | Telur Ayam Negeri | - | - =27500 | kg | exempt
    - | Telur Ayam Kampung | - | - =2300 | pcs | exempt
    - | Telur Bebek | - | - =3200 | pcs | exempt
    Gulaku | Gula Pasir Premium | - | 1 kg=17200; 500 g=8900 | bungkus | exempt
    Rose Brand | Gula Pasir | - | 1 kg=16900; 500 g=8700 | bungkus | exempt
    - | Gula Pasir Curah | - | - =16300 | kg | exempt
    - | Gula Jawa Kelapa | - | - =24000 | kg | exempt
    - | Gula Aren Kulon Progo | - | - =32000 | kg | exempt
    Refina | Garam Beryodium | - | 250 g=2400; 500 g=4300 | bungkus | exempt
    Cap Kapal | Garam Halus | - | 250 g=1800; 500 g=3100 | bungkus | exempt
    Bimoli | Minyak Goreng Pouch | - | 1 L=20500; 2 L=40200 | bungkus
    Bimoli | Minyak Goreng | - | 1 L=21500; 2 L=42000 | botol
    Filma | Minyak Goreng Pouch | - | 1 L=19800; 2 L=38900 | bungkus
    Sania | Minyak Goreng Pouch | - | 1 L=19500; 2 L=38500 | bungkus
    Fortune | Minyak Goreng Pouch | - | 1 L=18900; 2 L=37400 | bungkus
    Sunco | Minyak Goreng Pouch | - | 1 L=19600; 2 L=38800 | bungkus
    Tropical | Minyak Goreng | - | 1 L=20800; 2 L=40800 | botol
    Minyakita | Minyak Goreng | - | 1 L=15000 | bungkus
    - | Minyak Goreng Curah | - | - =16000 | liter
    Segitiga Biru | Tepung Terigu | - | 1 kg=12500; 500 g=6600 | bungkus
    Cakra Kembar | Tepung Terigu | - | 1 kg=13000 | bungkus
    Kunci Biru | Tepung Terigu | - | 1 kg=11800 | bungkus
    Sajiku | Tepung Bumbu | Serbaguna, Ayam Goreng, Pedas | 80 g=2300; 210 g=5800 | bungkus
    Rose Brand | Tepung | Beras, Tapioka, Ketan Putih | 500 g=6500 | bungkus
    Maizenaku | Tepung Maizena | - | 100 g=4200; 300 g=11000 | bungkus
    Indomie | Mi Goreng | Original, Rendang, Aceh, Iga Penyet, Cabe Ijo, Ayam Geprek, Sambal Matah | 85 g=2800 | bungkus | dus 40
    Indomie | Mi Goreng Jumbo | Original, Ayam Panggang | 129 g=3900 | bungkus | dus 24
    Indomie | Mi Kuah | Ayam Bawang, Soto Mie, Kari Ayam, Kaldu Udang, Ayam Spesial, Soto Lamongan, Empal Gentong | 70 g=2650 | bungkus | dus 40
    Mie Sedaap | Mi Goreng | Original, Korean Spicy, Ayam Geprek, Sambal Goreng | 90 g=2750 | bungkus | dus 40
    Mie Sedaap | Mi Kuah | Soto, Kari Spesial, Ayam Bawang, Baso Spesial | 75 g=2550 | bungkus | dus 40
    Mie Sedaap | Cup | Goreng, Soto, Baso | 77 g=4300 | pcs | dus 24
    Sarimi | Mi Isi 2 | Ayam Kremes, Soto Koya, Ayam Bawang | 115 g=3400 | bungkus | dus 24
    Supermi | Mi Kuah | Ayam Bawang, Kari Ayam | 70 g=2400 | bungkus | dus 40
    Pop Mie | Mi Instan Cup | Ayam Bawang, Baso Sapi, Kari Ayam, Goreng Spesial | 75 g=4600 | pcs | dus 24
    Lemonilo | Mi Instan | Kuah Ayam Bawang, Goreng Original, Goreng Pedas | 70 g=4700 | bungkus
    Bihunku | Bihun Instan | Soto, Goreng Spesial | 55 g=2600 | bungkus
    La Fonte | Spaghetti | - | 225 g=9800; 450 g=18500 | bungkus
    Bango | Kecap Manis Refill | - | 220 ml=9800; 550 ml=22500 | bungkus
    Bango | Kecap Manis | - | 275 ml=14000; 620 ml=29000 | botol
    ABC | Kecap Manis | - | 135 ml=6000; 520 ml=21000 | botol
    Sedaap | Kecap Manis Refill | - | 550 ml=20500 | bungkus
    Sedaap | Kecap Manis Sachet | - | 20 ml=450 | bungkus | renceng 12
    ABC | Kecap Asin | - | 133 ml=5500 | botol
    ABC | Sambal Asli | - | 135 ml=5900; 335 ml=11800 | botol
    ABC | Saus Tomat | - | 335 ml=9600 | botol
    Indofood | Sambal Pedas | - | 140 ml=6200; 340 ml=11200 | botol
    Del Monte | Saus Sambal | Extra Pedas, Original | 340 ml=12500 | botol
    Royco | Bumbu Kaldu | Ayam, Sapi | 8 g=420; 100 g=4600 | bungkus | renceng 12
    Masako | Kaldu Penyedap | Ayam, Sapi | 8 g=420; 100 g=4700 | bungkus | renceng 12
    Sasa | Micin | - | 100 g=4400; 250 g=10200 | bungkus
    Ajinomoto | Penyedap Rasa | - | 100 g=5200; 250 g=12400 | bungkus
    Desaku | Bumbu Dapur | Ketumbar Bubuk, Kunyit Bubuk, Jahe Bubuk | 15 g=1300; 81 g=6500 | bungkus
    Ladaku | Merica Bubuk | - | 4 g=900; 15 g=3700 | bungkus
    Bamboe | Bumbu Instan | Rendang, Opor Ayam, Soto Ayam, Nasi Goreng, Rawon, Gulai, Kare | 36 g=4300 | bungkus
    Indofood | Bumbu Racik | Nasi Goreng, Ayam Goreng, Tempe Goreng, Sayur Asem, Sayur Sop | 20 g=1700 | bungkus
    Sasa | Santan Cair | - | 65 ml=2900; 200 ml=7600 | bungkus
    Kara | Santan Kelapa | - | 65 ml=3200; 200 ml=8300 | pcs
    Frisian Flag | Susu Kental Manis | Putih, Cokelat | 370 g=11800; 545 g=16800 | pcs
    Indomilk | Susu Kental Manis | Putih, Cokelat | 370 g=11200 | pcs
    Carnation | Krimer Kental Manis | - | 370 g=10200 | pcs
    Frisian Flag | Susu Kental Manis Sachet | Putih, Cokelat | 37 g=1400 | bungkus | renceng 6
    Dancow | Susu Bubuk Fortigro | Full Cream, Cokelat | 27 g=3300; 400 g=43500 | bungkus
    ABC | Sarden | Saus Tomat, Saus Cabai | 155 g=9200; 425 g=21500 | pcs
    Maya | Sarden | Saus Tomat, Saus Cabai | 155 g=8700 | pcs
    Botan | Sarden Saus Tomat | - | 155 g=9000 | pcs
    Pronas | Kornet Sapi | - | 198 g=21500 | pcs
    So Good | Nugget Ayam | Original, Stick | 400 g=36500 | bungkus
    Fiesta | Sosis Ayam | Bratwurst, Cocktail | 500 g=33500 | bungkus
    Sania | Kedelai Impor | - | 1 kg=13500 | bungkus | exempt
    - | Kedelai Impor Curah | - | - =12500 | kg | exempt
    - | Bawang Merah Brebes | - | - =36000 | kg | exempt
    - | Bawang Putih Kating | - | - =38000 | kg | exempt
    - | Cabai Rawit Merah | - | - =48000 | kg | exempt
    - | Cabai Merah Keriting | - | - =42000 | kg | exempt
    - | Kacang Tanah Kupas | - | - =32000 | kg | exempt
    - | Kacang Hijau | - | - =26000 | kg | exempt
    - | Tempe Papan | - | - =4500 | pcs | exempt
    - | Tahu Putih | - | isi 10=8000 | bungkus | exempt
    - | Ikan Teri Medan | - | - =95000 | kg | exempt
    Blue Band | Margarin Serbaguna | - | 200 g=9800 | bungkus
    Filma | Margarin | - | 200 g=7200 | bungkus
    Setra Ramos | Beras Premium Karung | - | 25 kg=342000 | bungkus | exempt
    Sania | Beras Pandan Wangi | - | 5 kg=81000 | bungkus | exempt
    - | Beras Pandan Wangi Curah | - | - =15500 | kg | exempt
    - | Beras Merah | - | - =19500 | kg | exempt
    - | Telur Ayam Negeri | - | isi 10=28000 | bungkus | exempt
    Fortune | Minyak Goreng Jerigen | - | 5 L=92000 | pcs
    Sania | Minyak Goreng Jerigen | - | 5 L=94000 | pcs
    Bimoli | Minyak Goreng Jerigen | - | 5 L=101000 | pcs
    Gaga | Mi 100 Extra Pedas | Goreng, Kuah Ayam Bawang, Kuah Soto | 85 g=2300 | bungkus | dus 40
    Mie Sukses | Mi Isi 2 | Ayam Kecap, Bakso Sapi, Goreng Ayam | 123 g=3300 | bungkus | dus 24
    Sakura | Mi Kuah | Ayam Bawang, Kari Ayam, Soto | 70 g=1900 | bungkus | dus 40
    Indomie | Mi Goreng Multipack | Original | isi 5=13600 | bungkus
    Indomie | Hype Abis | Ayam Geprek, Mie Nyemek Jogja | 90 g=3300 | bungkus | dus 40
    Mie Sedaap | Mi Goreng Multipack | Original | isi 5=13300 | bungkus
    Kobe | Tepung Bumbu Serbaguna | Original, Pedas | 75 g=2300; 210 g=5700 | bungkus
    Sasa | Tepung Bumbu | Serbaguna, Pedas, Ayam Goreng Kentucky | 75 g=2400; 225 g=6400 | bungkus
    Swallow | Tepung Agar-Agar | Putih, Cokelat, Hijau, Merah | 7 g=3200 | bungkus
    Nutrijell | Jelly Powder | Cokelat, Stroberi, Mangga, Leci, Kelapa | 15 g=3700 | bungkus
    Pondan | Pudding | Cokelat, Vanila, Stroberi | 125 g=10500 | bungkus
    Saori | Saus Tiram | - | 133 ml=10500; 270 ml=19800 | botol
    Bango | Kecap Manis Sachet | - | 20 ml=500 | bungkus | renceng 12
    ABC | Kecap Manis Refill | - | 520 ml=16500 | bungkus
    Indofood | Bumbu Spesial | Rendang, Opor, Gulai, Semur | 45 g=4200 | bungkus
    Royco | Bumbu Pelezat Serbaguna | - | 230 g=9800 | bungkus
    SGM | Eksplor 1+ | Madu, Vanila, Cokelat | 400 g=42000; 900 g=92000 | pcs
    Dancow | Susu Bubuk Full Cream | - | 400 g=46500; 800 g=89000 | pcs
    Indomilk | Susu Bubuk | Cokelat, Vanila | 400 g=38500 | pcs
    Champ | Nugget Ayam | Original, Stik | 250 g=17500; 500 g=32000 | bungkus
    Kanzler | Sosis Ayam Singles | Original, Hot | 65 g=8200 | pcs
    Belfoods | Nugget Ayam | Favorite, Stik | 400 g=34500 | bungkus
    Sedaap | Santan Instan | - | 65 ml=2800 | bungkus
    Bango | Sambal Kecap | - | 135 ml=7200 | botol
    - | Kerupuk Bawang Curah | - | - =28000 | kg
    - | Ebi Kering | - | 100 g=12500 | bungkus | exempt
    - | Kemiri Kupas | - | 100 g=7500 | bungkus | exempt
    - | Asam Jawa | - | 250 g=6800 | bungkus | exempt
  `,
  Minuman: `
    Aqua | Air Mineral | - | 600 ml=2900 | botol | dus 24
    Aqua | Air Mineral | - | 1500 ml=5400 | botol | dus 12
    Aqua | Air Mineral | - | 330 ml=2300 | botol | dus 24
    Aqua | Air Mineral Gelas | - | 220 ml=850 | pcs | dus 48
    Aqua | Air Mineral Galon Isi Ulang | - | 19 L=19500 | pcs
    Le Minerale | Air Mineral | - | 600 ml=2700 | botol | dus 24
    Le Minerale | Air Mineral | - | 1500 ml=5000 | botol | dus 12
    Cleo | Air Murni | - | 550 ml=2400; 1500 ml=4600 | botol
    Club | Air Mineral | - | 600 ml=2200; 1500 ml=4200 | botol
    Vit | Air Mineral | - | 550 ml=2100 | botol
    Ades | Air Mineral | - | 600 ml=2600; 1500 ml=4900 | botol
    - | Air Minum Isi Ulang Galon | - | 19 L=4000 | pcs
    Teh Pucuk Harum | Teh Melati | - | 350 ml=3100 | botol | dus 24
    Sosro | Teh Botol | Original, Less Sugar | 450 ml=4800 | botol
    Sosro | Teh Botol Kotak | Original, Less Sugar | 250 ml=3300 | pcs | dus 24
    Sosro | Fruit Tea | Blackcurrant, Apel, Stroberi, Xtreme | 500 ml=5200 | botol
    Sosro | Fruit Tea Kotak | Blackcurrant, Apel | 200 ml=3100 | pcs
    Frestea | Teh Melati | Original, Apel | 500 ml=4600 | botol
    Ichi Ocha | Teh Hijau | Original, Honey | 350 ml=3700 | botol
    Nu | Green Tea | Original, Honey, Less Sugar | 450 ml=5200 | botol
    Teh Gelas | Teh Melati | Original | 170 ml=850 | pcs | dus 24
    Coca-Cola | Minuman Berkarbonasi | Original, Zero | 390 ml=5300; 1.5 L=12700 | botol
    Sprite | Minuman Berkarbonasi | - | 390 ml=5300; 1.5 L=12700 | botol
    Fanta | Minuman Berkarbonasi | Stroberi, Jeruk, Anggur | 390 ml=5300; 1.5 L=12700 | botol
    Pocari Sweat | Minuman Isotonik | - | 350 ml=5100; 500 ml=6900 | botol
    Mizone | Minuman Isotonik | Lychee Lemon, Apple Guava, Orange Lime, Passion Fruit | 500 ml=4400 | botol
    Hydro Coco | Air Kelapa | Original | 250 ml=6700; 500 ml=11800 | pcs
    Good Day | Kopi Instan | Cappuccino, Mocacinno, Vanilla Latte, Coolin, Carrebian Nut | 25 g=1550 | bungkus | renceng 10
    Good Day | Kopi Botol | Cappuccino, Mocacinno | 250 ml=5800 | botol
    Kapal Api | Kopi Special Mix | - | 25 g=1350 | bungkus | renceng 10
    Kapal Api | Kopi Bubuk Special | - | 65 g=6000; 165 g=14200 | bungkus
    Torabika | Kopi Instan | Cappuccino, Creamy Latte, Duo Susu, Brown Coffee | 25 g=1500 | bungkus | renceng 10
    Indocafe | Coffeemix | - | 20 g=1350 | bungkus | renceng 10
    Luwak | White Koffie | Original, Less Sugar, Mocha | 20 g=1350 | bungkus | renceng 10
    ABC | Kopi Susu | - | 31 g=1350 | bungkus | renceng 10
    TOP Coffee | Kopi Instan | Kopi Susu, Gula Aren | 25 g=1300 | bungkus | renceng 10
    Nescafe | Classic | - | 2 g=650; 50 g=15800 | bungkus
    Nescafe | Kopi Kaleng | Original, Latte | 220 ml=6300 | pcs
    Sariwangi | Teh Celup | Asli, Melati | isi 25=6300 | bungkus
    Sosro | Teh Celup Melati | - | isi 25=6800 | bungkus
    Teh Tjap Poci | Teh Celup | Vanila, Melati | isi 25=5200 | bungkus
    - | Teh Tubruk Nyapu | - | 40 g=3200 | bungkus
    Ultra Milk | Susu UHT | Full Cream, Cokelat, Stroberi, Moka, Taro | 250 ml=5300; 1 L=17800 | pcs
    Ultra Milk | Susu UHT Mini | Cokelat, Stroberi, Full Cream | 125 ml=3100 | pcs | dus 24
    Indomilk | Susu UHT Kids | Cokelat, Stroberi, Vanila | 115 ml=2700 | pcs
    Frisian Flag | Susu UHT Purefarm | Full Cream, Cokelat, Stroberi | 225 ml=5200 | pcs
    Bear Brand | Susu Steril | Original, Gold White Malt | 189 ml=9400 | pcs | dus 30
    Milo | Minuman Cokelat | - | 180 ml=5400 | pcs
    Milo | Bubuk Cokelat Activ-Go | - | 22 g=1800; 300 g=38000 | bungkus
    Extra Joss | Minuman Energi Serbuk | Original, Susu, Blend | 4 g=1150 | bungkus | renceng 6
    Kuku Bima | Ener-G | Anggur, Jeruk, Rosella, Susu Soda | 6 g=1150 | bungkus | renceng 6
    Hemaviton | Jreng | Original | 4 g=1050 | bungkus | renceng 6
    Yakult | Minuman Probiotik | - | 5 x 65 ml=9000 | bungkus
    Cimory | Yogurt Drink | Blueberry, Stroberi, Plain, Mango | 250 ml=8300 | botol
    Cimory | Susu Segar | Cokelat, Almond, Kurma | 250 ml=7200 | botol
    You C1000 | Minuman Vitamin C | Lemon, Orange, Isotonic | 140 ml=6200 | botol
    Kratingdaeng | Minuman Energi | - | 150 ml=5600 | botol
    Larutan Penyegar | Cap Kaki Tiga | Original, Leci, Jambu | 320 ml=5300 | pcs
    Adem Sari | Ching Ku | Original, Jeruk Nipis | 320 ml=6200 | pcs
    Marjan | Sirup | Cocopandan, Melon, Jeruk, Stroberi, Leci | 460 ml=20500 | botol
    ABC | Sirup Squash | Jeruk, Leci, Mangga, Delima | 460 ml=13500 | botol
    Nutrisari | Minuman Serbuk | Jeruk Peras, Jeruk Nipis, Mangga, Jambu, Sweet Orange | 14 g=1350 | bungkus | renceng 10
    Marimas | Minuman Serbuk | Jeruk, Anggur, Melon, Mangga, Sirsak | 8 g=350 | bungkus | renceng 10
    Pop Ice | Minuman Serbuk | Cokelat, Taro, Durian, Stroberi, Mangga | 25 g=1050 | bungkus | renceng 10
    Floridina | Minuman Jeruk | Orange, Coco | 360 ml=2900 | botol
    Okky | Jelly Drink | Anggur, Stroberi, Jeruk | 150 ml=1150 | pcs
    Teh Kotak | Teh Melati | Original, Less Sugar | 300 ml=4200 | pcs
    Le Minerale | Air Mineral | - | 330 ml=2100 | botol | dus 24
    Nestle | Pure Life | - | 600 ml=2800; 1500 ml=5300 | botol
    Prima | Air Mineral | - | 600 ml=2100 | botol
    Teh Pucuk Harum | Teh | Less Sugar, Jasmine Tea | 350 ml=3200 | botol
    Teh Pucuk Harum | Teh Melati | - | 500 ml=4300 | botol
    Coca-Cola | Minuman Berkarbonasi Kaleng | Original, Zero | 250 ml=5200 | pcs | dus 24
    Sprite | Minuman Berkarbonasi Kaleng | - | 250 ml=5200 | pcs
    Fanta | Minuman Berkarbonasi Kaleng | Stroberi, Jeruk | 250 ml=5200 | pcs
    Big Cola | Minuman Berkarbonasi | Cola, Orange, Lemon Lime | 535 ml=3900; 1.5 L=8300 | botol
    Tebs | Sparkling Tea | - | 330 ml=5800 | pcs
    Kopiko | 78°C | Coffee Latte, Double Shot, Avocado Latte | 240 ml=5700 | botol
    Golda | Kopi Botol | Cappuccino, Dolce Latte, Coffee | 200 ml=3400 | botol
    Kapal Api | Kopi Bubuk Special | - | 380 g=31500 | bungkus
    Kapal Api | Kopi Susu Grande | White Coffee, Mocca | 30 g=1450 | bungkus | renceng 10
    Indomilk | Susu UHT | Full Cream, Cokelat, Stroberi | 190 ml=4300 | pcs
    Greenfields | Susu UHT | Full Cream, Choco Malt, Low Fat | 250 ml=7200; 1 L=21500 | pcs
    Diamond | Susu UHT | Full Cream, Cokelat | 200 ml=5300 | pcs
    Buavita | Jus Buah | Jambu, Jeruk, Apel, Mangga | 250 ml=6300 | pcs
    Minute Maid | Pulpy | Orange, Tropical | 300 ml=5700 | botol
    Isoplus | Minuman Isotonik | - | 350 ml=4300 | botol
    Pocari Sweat | Minuman Isotonik Kaleng | - | 330 ml=6600 | pcs
    Sosro | Fruit Tea Kaleng | Blackcurrant, Apel | 330 ml=5700 | pcs
    Cap Enak | Krimer Kental Manis | - | 370 g=9800 | pcs
    Sariwangi | Teh Celup | Asli | isi 50=11500 | bungkus
    Kapal Api | Kopi Bubuk Mantap | - | 165 g=12900 | bungkus
    ABC | Kopi Moka | - | 27 g=1400 | bungkus | renceng 10
    Energen | Sereal Instan | Cokelat, Vanila, Kacang Hijau, Jahe | 30 g=1650 | bungkus | renceng 10
    Milo | Sachet | - | 22 g=1800 | bungkus | renceng 10
    Frisian Flag | Susu Bubuk Cokelat | - | 38 g=2800 | bungkus | renceng 10
    Sprite | Minuman Berkarbonasi | - | 250 ml=3600 | botol
  `,
  'Makanan Ringan': `
    Chitato | Keripik Kentang | Sapi Panggang, Ayam Bumbu, Keju Supreme, Original, Indomie Goreng | 35 g=4700; 68 g=9400 | bungkus
    Lay's | Keripik Kentang | Classic, Rumput Laut, Salmon Teriyaki | 35 g=4500; 68 g=9200 | bungkus
    Qtela | Keripik Singkong | Balado, Original, Barbeque | 55 g=5300; 185 g=13800 | bungkus
    Qtela | Keripik Tempe | Original, Daun Jeruk | 55 g=5800 | bungkus
    Taro | Net | Seaweed, Barbeque, Potato Cheese | 36 g=3600; 65 g=7300 | bungkus
    Cheetos | Snack Jagung | Jagung Bakar, Keju | 40 g=4600 | bungkus
    Potabee | Keripik Kentang | Grilled Seaweed, Beef BBQ | 68 g=9200 | bungkus
    JetZ | Stick Jagung | Cokelat, Keju | 50 g=4300 | bungkus
    Piattos | Keripik Kentang | Sapi Panggang, Keju | 75 g=8700 | bungkus
    Chiki | Balls | Cokelat, Keju | 55 g=7200 | bungkus
    Kusuka | Keripik Singkong | Balado, Jagung Bakar, BBQ, Original | 180 g=11800 | bungkus
    Maicih | Keripik Singkong Pedas | Level 3, Level 5, Level 10 | 100 g=13000 | bungkus
    Garuda | Kacang Kulit | - | 75 g=5200; 250 g=14500 | bungkus
    Garuda | Rosta | Sambal, BBQ | 80 g=6700 | bungkus
    Garuda | Kacang Atom | Original, Pedas | 100 g=7300 | bungkus
    Dua Kelinci | Kacang Sukro | Original, Pedas | 110 g=6800 | bungkus
    Dua Kelinci | Kacang Atom | - | 140 g=8200 | bungkus
    Dua Kelinci | Kacang Kulit | - | 70 g=4800 | bungkus
    Beng-Beng | Wafer Cokelat | Original, Share It, Maxx | 20 g=1900 | pcs | dus 20
    SilverQueen | Cokelat | Kacang Mete, Almond, Milk, Fruit & Nut | 58 g=14500 | pcs
    SilverQueen | Chunky Bar | Kacang Mete | 30 g=9200 | pcs
    Delfi | Top | Cokelat, Stroberi | 9 g=700 | pcs | dus 24
    Cadbury | Dairy Milk | Original, Fruit & Nut, Roast Almond | 62 g=16200 | pcs
    Tango | Wafer | Cokelat, Vanila Milk, Keju | 130 g=7700; 47 g=2600 | bungkus
    Roma | Biskuit Kelapa | - | 300 g=9300 | bungkus
    Roma | Malkist | Abon, Krim Keju, Cokelat | 105 g=6200 | bungkus
    Roma | Sari Gandum | Susu Cokelat, Kacang | 240 g=8300 | bungkus
    Roma | Kelapa Kopyor | - | 216 g=6900 | bungkus
    Khong Guan | Biskuit Kaleng | Red Assorted | 650 g=42000; 1.6 kg=86000 | pcs
    Monde | Butter Cookies | - | 454 g=58000 | pcs
    Oreo | Biskuit Sandwich | Original, Vanilla, Strawberry, Chocolate | 133 g=8300 | bungkus
    Biskuat | Biskuit | Original, Cokelat | 134 g=6400 | bungkus
    Nabati | Wafer | Richeese, Cokelat, Richoco | 50 g=2200; 145 g=7800 | bungkus
    Richeese | Ahh | Keju | 15 g=1000 | bungkus | renceng 10
    Better | Biskuit Sandwich | Cokelat, Vanila | 100 g=6200 | bungkus
    Gery | Saluut Malkist | Cokelat, Kelapa | 100 g=5700 | bungkus
    Good Time | Cookies | Chocochips, Rainbow, Double Choc | 72 g=7200 | bungkus
    Slai O'lai | Biskuit Selai | Nanas, Stroberi, Blueberry | 240 g=13200 | bungkus
    Momogi | Stik Jagung | Jagung Bakar, Cokelat, Keju | 6 g=450 | bungkus | renceng 10
    Sari Roti | Roti Tawar | Kupas, Jumbo | 370 g=16500 | bungkus
    Sari Roti | Roti Sandwich | Cokelat, Srikaya, Blueberry, Keju | 54 g=4700 | bungkus
    Kopiko | Permen Kopi | Original, Cappuccino | 150 g=10200 | bungkus
    Relaxa | Permen | Mint, Anggur | 125 g=8200 | bungkus
    Mentos | Permen Roll | Mint, Fruit | 29 g=3200 | pcs | dus 24
    Yupi | Permen Jeli | Strawberry Kiss, Gummy Bears, Burger | 45 g=6200 | bungkus
    Kis | Permen | Cherry, Mint, Apel | 125 g=8500 | bungkus
    Tic Tac | Permen | Mint, Jeruk | 14 g=5800 | pcs
    Fitbar | Snack Bar | Cokelat, Buah | 22 g=4600 | pcs
    Pocky | Biskuit Stik | Cokelat, Stroberi, Matcha | 40 g=7800 | pcs
    Chocolatos | Wafer Roll | Cokelat, Matcha | 16 g=900 | pcs | dus 24
    Finna | Kerupuk Udang | - | 250 g=14500 | bungkus
    - | Kerupuk Udang Mentah | - | 250 g=11000 | bungkus
    - | Rengginang Ketan | Original, Terasi | 250 g=12000 | bungkus
    - | Peyek Kacang | - | 150 g=9000 | bungkus
    - | Bakpia Pathok | Kacang Hijau, Keju, Cokelat, Kumbu Hitam | isi 15=27000 | dus
    - | Geplak Bantul | - | 250 g=15000 | bungkus
    - | Yangko | - | 200 g=17000 | dus
    - | Keripik Belut | - | 100 g=16000 | bungkus
    Oishi | Pillows | Cokelat, Ubi | 100 g=7300 | bungkus
    Twistko | Snack Jagung | Jagung Bakar, Keju | 70 g=6600 | bungkus
    Leo | Keripik Kentang | Original, Ayam Bawang | 40 g=4300 | bungkus
    Happytos | Tortilla Chips | Merah, Hijau | 140 g=11800 | bungkus
    Pringles | Keripik Kentang | Original, Sour Cream & Onion, Cheesy Cheese | 107 g=23500 | pcs
    Lay's | Maxx | Sapi Panggang, Keju | 70 g=9600 | bungkus
    Regal | Biskuit Marie | - | 120 g=8300; 230 g=14800 | bungkus
    Roma | Marie Susu | - | 240 g=9300 | bungkus
    Hatari | Biskuit Kelapa | - | 250 g=7200 | bungkus
    Khong Guan | Saltcheese | - | 200 g=7800 | bungkus
    Nissin | Crackers | Crispy, Lemon Wafer | 250 g=10800 | bungkus
    Superstar | Wafer Cokelat | - | 18 g=1150 | pcs | dus 24
    Astor | Wafer Stick | Cokelat, Double Chocolate | 40 g=3900; 150 g=14000 | pcs
    Nextar | Cookies | Brownies, Pineapple, Strawberry | 42 g=2200 | bungkus | dus 20
    Dua Kelinci | Kacang Polong | Original, Wasabi | 110 g=7300 | bungkus
    Dua Kelinci | Tini Wini Biti | Keju, Jagung Bakar | 25 g=1800 | bungkus
    Choki-Choki | Cokelat Pasta | - | 10 g=900 | pcs | dus 20
    Ceres | Meses Cokelat | - | 90 g=9800 | bungkus
    Chiki | Twist | Jagung Bakar, Keju | 75 g=7400 | bungkus
    - | Emping Melinjo | Manis, Tawar | 250 g=23000 | bungkus
    - | Slondok | - | 200 g=9000 | bungkus
    - | Keripik Pisang | Manis, Asin, Cokelat | 200 g=12000 | bungkus
    - | Ceriping Singkong Pedas | - | 250 g=10500 | bungkus
    Ting-Ting | Kacang Jahe | - | 150 g=8200 | bungkus
    Sari Roti | Roti Isi | Cokelat Keju, Krim Vanila, Srikaya Pandan | 72 g=4300 | bungkus
    Aoka | Roti | Cokelat, Pandan, Keju | 60 g=1700 | bungkus | dus 20
    Sari Roti | Roti Sobek | Cokelat, Cokelat Keju | 200 g=13500 | bungkus
    Tango | Long Wafer | Cokelat, Vanila | 30 g=1800 | pcs | dus 20
    Gery | Pasta | Cokelat | 24 g=1800 | pcs
    Kinder | Joy | - | 20 g=15500 | pcs
    Fox's | Permen Crystal Clear | Mix Berries, Mint | 90 g=16500 | pcs
    Hexos | Permen | Mint, Lemon | 20 g=2700 | pcs
    Milkita | Permen Susu | Stroberi, Cokelat, Melon | 30 g=3500 | bungkus
  `,
  Rokok: `
    Sampoerna | A Mild | - | isi 12=24500; isi 16=31500 | bungkus | slop 10
    Sampoerna | Kretek | - | isi 12=16500 | bungkus | slop 10
    Sampoerna | U Mild | - | isi 16=25500 | bungkus | slop 10
    Dji Sam Soe | Kretek | - | isi 12=20000 | bungkus | slop 10
    Dji Sam Soe | Magnum Filter | - | isi 12=24500 | bungkus | slop 10
    Gudang Garam | Surya | - | isi 12=26000; isi 16=33500 | bungkus | slop 10
    Gudang Garam | Filter International | - | isi 12=23000 | bungkus | slop 10
    Gudang Garam | Surya Pro Mild | - | isi 16=30000 | bungkus | slop 10
    Djarum | Super | - | isi 12=23500; isi 16=30500 | bungkus | slop 10
    Djarum | Coklat | - | isi 12=15500 | bungkus | slop 10
    Djarum | 76 Kretek | - | isi 12=15800 | bungkus | slop 10
    L.A. | Bold | - | isi 20=33500 | bungkus | slop 10
    L.A. | Lights | - | isi 16=30500 | bungkus | slop 10
    Class Mild | Rokok Mild | - | isi 16=27500 | bungkus | slop 10
    Marlboro | Merah | - | isi 20=44000 | bungkus | slop 10
    Marlboro | Filter Black | - | isi 12=27500 | bungkus | slop 10
    Esse | Change | Applemint, Grape | isi 20=33500 | bungkus | slop 10
    Wismilak | Diplomat | - | isi 12=22500 | bungkus | slop 10
    Magnum | Mild | - | isi 16=26000 | bungkus | slop 10
    Gudang Baru | Kretek | - | isi 12=13500 | bungkus | slop 10
    Tokai | Korek Api Gas | - | - =2100 | pcs | dus 50
    - | Korek Api Kayu | - | isi 10 kotak=3800 | bungkus
    Sampoerna | Hijau | - | isi 12=14800 | bungkus | slop 10
    Djarum | Super MLD | - | isi 20=32500 | bungkus | slop 10
    Djarum | Black | - | isi 16=25500 | bungkus | slop 10
    Gudang Garam | Signature | - | isi 12=22000 | bungkus | slop 10
    Gudang Garam | Merah | - | isi 12=17500 | bungkus | slop 10
    Dunhill | Mild | - | isi 16=30500 | bungkus | slop 10
    Lucky Strike | Filter | - | isi 16=24500 | bungkus
    Camel | Yellow | - | isi 20=28500 | bungkus
    Marlboro | Ice Burst | - | isi 16=36500 | bungkus
    Esse | Double Change | - | isi 20=35500 | bungkus
    Djarum | Cokelat Extra | - | isi 12=17000 | bungkus
    Sukun | Kretek | - | isi 12=13000 | bungkus
    - | Tembakau Linting | Mole, Rajangan | 50 g=12500 | bungkus
    - | Papir Linting | - | isi 50=2500 | bungkus
  `,
  'Perlengkapan Mandi': `
    Lifebuoy | Sabun Batang | Total 10, Lemon Fresh, Mild Care | 75 g=3300; 110 g=4600 | pcs
    Lux | Sabun Batang | Soft Rose, Velvet Jasmine, Magical Orchid | 75 g=3300; 110 g=4600 | pcs
    Nuvo | Sabun Batang | Family, Cool | 72 g=2700 | pcs
    Giv | Sabun Batang | Bengkuang, Susu, Pepaya | 72 g=2500 | pcs
    Dettol | Sabun Batang | Original, Cool | 60 g=4700 | pcs
    Lifebuoy | Sabun Cair Refill | Total 10, Lemon Fresh, Mild Care | 450 ml=17500 | bungkus
    Lux | Sabun Cair Refill | Soft Rose, Magical Orchid | 400 ml=18200 | bungkus
    Biore | Body Foam Refill | Pure Mild, Bright, Lively Refresh | 450 ml=21500 | bungkus
    Sunsilk | Sampo | Black Shine, Smooth & Manageable, Hijab Refresh | 170 ml=21800 | botol
    Sunsilk | Sampo Sachet | Black Shine, Smooth & Manageable | 10 ml=850 | bungkus | renceng 12
    Pantene | Sampo | Hair Fall Control, Total Damage Care, Anti Dandruff | 170 ml=26500 | botol
    Pantene | Sampo Sachet | Hair Fall Control | 10 ml=900 | bungkus | renceng 12
    Clear | Sampo Anti Ketombe | Men Cool Sport Menthol, Ice Cool Menthol, Complete Soft Care | 160 ml=26000 | botol
    Clear | Sampo Sachet | Men Cool Sport Menthol | 10 ml=900 | bungkus | renceng 12
    Lifebuoy | Sampo | Anti Dandruff, Strong & Shiny | 170 ml=20500 | botol
    Dove | Sampo | Nourishing Oil Care, Hair Fall Rescue | 160 ml=27500 | botol
    Emeron | Sampo | Black & Shine, Soft & Smooth | 170 ml=14500 | botol
    Zinc | Sampo | Active Fresh, Black Shine | 170 ml=18500 | botol
    Pepsodent | Pasta Gigi | Pencegah Gigi Berlubang, Herbal, Whitening | 75 g=5200; 190 g=11800 | pcs
    Ciptadent | Pasta Gigi | Fresh Mint, Maxi 12 | 190 g=8600 | pcs
    Formula | Pasta Gigi | Silver Protection, Herbal | 190 g=10200 | pcs
    Close Up | Pasta Gigi | Menthol Fresh, Red Hot | 160 g=13800 | pcs
    Sensodyne | Pasta Gigi | Original, Fresh Mint | 100 g=36000 | pcs
    Formula | Sikat Gigi | Soft, Medium | - =4200 | pcs
    Pepsodent | Sikat Gigi | Double Care, Charcoal | - =5100 | pcs
    Rexona | Deodoran Roll On | Men Ice Cool, Women Powder Dry | 45 ml=17500 | botol
    Marina | Hand & Body Lotion | Natural, UV White | 185 ml=12800 | botol
    Citra | Hand & Body Lotion | Sakura, Pearly White | 230 ml=23500 | botol
    Johnson's | Baby Powder | - | 100 g=11500; 200 g=21000 | pcs
    Marks | Bedak Tabur | Original | 100 g=8800 | pcs
    My Baby | Minyak Telon Plus | - | 60 ml=17200; 90 ml=24500 | botol
    Konicare | Minyak Telon | - | 60 ml=15800 | botol
    Cap Lang | Minyak Kayu Putih | - | 30 ml=13200; 60 ml=24000 | botol
    Paseo | Tisu Wajah | - | 250 lembar=14000 | bungkus
    Nice | Tisu Wajah | - | 180 lembar=9500 | bungkus
    Gillette | Goal II | - | - =3700 | pcs
    Pond's | Facial Foam | Bright Beauty, Men Energy Charge | 50 g=17500 | pcs
    Garnier | Micellar Water | Pink, Blue | 125 ml=26500 | botol
    Wardah | Facial Wash | Lightening, Acnederm | 60 ml=18000 | pcs
    Laurier | Pembalut | Active Day, Relax Night | isi 10=11500 | bungkus
    Charm | Pembalut | Extra Maxi, Safe Night | isi 10=12000 | bungkus
    Mamypoko | Popok Celana | S, M, L, XL | isi 4=11200 | bungkus
    Lifebuoy | Body Wash | Total 10, Cool Fresh | 250 ml=23500 | botol
    Shinzui | Sabun Batang | Matsu, Kirei, Hana | 85 g=4300 | pcs
    Harmony | Sabun Buah | Lemon, Stroberi, Anggur | 75 g=2900 | pcs
    Cussons | Baby Soap | Mild & Gentle, Soft & Smooth | 75 g=3900 | pcs
    Zwitsal | Baby Shampoo | Natural, Aloe Vera | 100 ml=13200 | botol
    Sunsilk | Sampo Besar | Black Shine, Soft & Smooth | 340 ml=39500 | botol
    Head & Shoulders | Sampo | Cool Menthol, Smooth & Silky | 170 ml=27500 | botol
    Tresemme | Sampo | Keratin Smooth, Hair Fall Defense | 170 ml=29500 | botol
    Gatsby | Styling Pomade | Supreme Hold, Classic Slick | 75 g=21500 | pcs
    Gatsby | Hair Gel | Water Gloss, Super Hard | 30 g=6300 | pcs
    Gillette | Blue II | - | - =4300 | pcs
    Softex | Pembalut | Daun Sirih, Maxi Wing | isi 8=8600 | bungkus
    Kotex | Pembalut | Fit Wing, Overnight | isi 8=9800 | bungkus
    Mitu | Tisu Basah Bayi | Pink, Blue | isi 50=10800 | bungkus
    Sweety | Popok Celana Silver | S, M, L, XL | isi 4=10800 | bungkus
    Biore | Men Facial Foam | Double Scrub, Acne Action | 100 g=26500 | pcs
    Vaseline | Healthy Bright Lotion | UV Lightening, Sun Protect | 100 ml=19800 | botol
    Posh | Deodoran Spray | Men Amazing, Sporty | 150 ml=22500 | pcs
    Casablanca | Body Spray | Purple, Black | 100 ml=20500 | pcs
    Pepsodent | Action 123 | Herbal, Whitening | 160 g=13200 | pcs
    Enzim | Pasta Gigi | - | 120 g=14200 | pcs
    Listerine | Obat Kumur | Cool Mint, Total Care | 250 ml=28500 | botol
    - | Cotton Bud | - | isi 100=3500 | bungkus
    - | Sikat Gigi Anak | - | - =3800 | pcs
    Nivea | Men Deep Facial Foam | - | 100 g=34500 | pcs
    Emeron | Hand & Body Lotion | Lovely, White | 200 ml=11500 | botol
    Sunlight | Sabun Cuci Piring | Jeruk Nipis, Lime Fresh | 210 ml=4100; 755 ml=14800 | bungkus
    Mama Lemon | Sabun Cuci Piring | Jeruk Nipis | 680 ml=12800 | bungkus
    Rinso | Deterjen Bubuk | Anti Noda, Molto | 770 g=22000 | bungkus
    So Klin | Deterjen Cair | Softergent, Biomatic | 700 ml=15800 | bungkus
    Daia | Deterjen Bubuk | Putih Bersih, Bunga | 850 g=17500 | bungkus
    Molto | Pewangi Pakaian | Pink, Biru | 820 ml=21500; 28 ml=450 | bungkus
  `,
  'Pulsa & Voucher': `
    Telkomsel | Pulsa | - | 5.000=5400; 10.000=10300; 20.000=20200; 25.000=25200; 50.000=49800; 100.000=98500 | pcs | nostock
    Indosat | Pulsa IM3 | - | 5.000=5500; 10.000=10400; 20.000=20200; 25.000=25100; 50.000=49700; 100.000=98600 | pcs | nostock
    XL | Pulsa | - | 5.000=5500; 10.000=10400; 25.000=25100; 50.000=49600; 100.000=98400 | pcs | nostock
    Tri | Pulsa | - | 5.000=5300; 10.000=10200; 20.000=20100; 50.000=49500; 100.000=98000 | pcs | nostock
    Smartfren | Pulsa | - | 5.000=5400; 10.000=10300; 20.000=20100; 50.000=49600; 100.000=98300 | pcs | nostock
    Axis | Pulsa | - | 5.000=5500; 10.000=10400; 25.000=25100; 50.000=49600 | pcs | nostock
    Telkomsel | Voucher Data | - | 2.5 GB 5 Hari=13500; 4.5 GB 7 Hari=24500; 12 GB 30 Hari=68000 | pcs
    Indosat | Voucher Data IM3 | - | 3 GB 3 Hari=9800; 7 GB 7 Hari=22500; 15 GB 30 Hari=54000 | pcs
    XL | Voucher Data | - | 3 GB 5 Hari=12000; 10 GB 30 Hari=49500 | pcs
    Tri | Voucher Data | - | 6 GB 30 Hari=24000; 12 GB 30 Hari=39000; 30 GB 30 Hari=72000 | pcs
    Smartfren | Voucher Data | - | Unlimited Harian 7 Hari=27500; 30 GB 30 Hari=60000 | pcs
    Axis | Voucher Data Bronet | - | 2 GB 7 Hari=11000; 8 GB 30 Hari=38000 | pcs
    PLN | Token Listrik | - | 20.000=21000; 50.000=51000; 100.000=101000; 200.000=201000 | pcs | nostock
    Google Play | Voucher | - | 20.000=20500; 50.000=50500; 100.000=100500 | pcs | nostock
    Free Fire | Diamond | - | 70 DM=9500; 140 DM=19000; 355 DM=47500 | pcs | nostock
    Mobile Legends | Diamond | - | 86 DM=20500; 172 DM=40500; 257 DM=60500 | pcs | nostock
    Hotspot | Voucher WiFi | - | 3 Jam=1500; 1 Hari=3000; 7 Hari=15000; 30 Hari=45000 | pcs | nostock
    Telkomsel | Voucher Data Kuota Malam | - | 10 GB 7 Hari=15500 | pcs
    Indosat | Voucher Data Freedom Harian | - | 2 GB 1 Hari=4800 | pcs
    XL | Voucher Data Xtra Combo | - | 6 GB 30 Hari=39500; 14 GB 30 Hari=68500 | pcs
    Tri | Voucher Data AON | - | 1 GB=5800; 2 GB=10500 | pcs
    PLN | Token Listrik | - | 500.000=501000 | pcs | nostock
    Shopee | ShopeePay Top Up | - | 50.000=50500; 100.000=100500 | pcs | nostock
    DANA | Top Up | - | 20.000=20300; 50.000=50300; 100.000=100300 | pcs | nostock
    GoPay | Top Up | - | 20.000=20300; 50.000=50300; 100.000=100300 | pcs | nostock
    OVO | Top Up | - | 50.000=50500; 100.000=100500 | pcs | nostock
    Hotspot | Voucher WiFi Member | - | 1 Bulan 2 Perangkat=75000 | pcs | nostock
  `,
  'Perangkat Jaringan': `
    MikroTik | hAP lite RB941-2nD | - | - =285000 | pcs
    MikroTik | hAP ac² | - | - =890000 | pcs
    MikroTik | hEX RB750Gr3 | - | - =820000 | pcs
    MikroTik | RB4011iGS+RM | - | - =3150000 | pcs
    MikroTik | CCR2004-16G-2S+ | - | - =7400000 | pcs
    MikroTik | cAP lite | - | - =330000 | pcs
    MikroTik | mAP lite | - | - =340000 | pcs
    TP-Link | Router WiFi TL-WR840N | - | - =165000 | pcs
    TP-Link | Router WiFi Archer C6 | - | - =395000 | pcs
    TP-Link | Switch TL-SG1005D | - | - =125000 | pcs
    TP-Link | Switch TL-SF1008D | - | - =115000 | pcs
    TP-Link | Modem 4G TL-MR100 | - | - =445000 | pcs
    TP-Link | CPE210 | - | - =495000 | pcs
    Tenda | Router WiFi N301 | - | - =135000 | pcs
    Tenda | Router WiFi F3 | - | - =145000 | pcs
    Tenda | Router WiFi AC6 | - | - =285000 | pcs
    Ruijie | Reyee RG-EW1200G Pro | - | - =420000 | pcs
    Ubiquiti | LiteBeam 5AC Gen2 | - | - =1150000 | pcs
    Ubiquiti | NanoStation M5 | - | - =1250000 | pcs
    Ubiquiti | UniFi U6 Lite | - | - =1850000 | pcs
    ZTE | ONT F609 | - | - =235000 | pcs
    ZTE | ONT F670L | - | - =385000 | pcs
    Huawei | ONT HG8245H5 | - | - =340000 | pcs
    FiberHome | ONT HG6243C | - | - =310000 | pcs
    Belden | Kabel UTP Cat5e | - | 305 m=1850000 | dus
    AMP | Kabel UTP Cat6 | - | 305 m=2150000 | dus
    - | Kabel Drop Core FTTH 1 Core | - | 1000 m=520000 | dus
    AMP | Konektor RJ45 | Cat5e, Cat6 | isi 100=98000 | bungkus
    - | Fast Connector SC/UPC | - | - =4500 | pcs | dus 100
    - | Patch Cord SC/UPC | - | 3 m=9500; 5 m=11500; 10 m=15000 | pcs
    - | Splitter PLC SC/UPC | 1:4, 1:8, 1:16 | - =42000 | pcs
    - | ODP Tiang 16 Core | - | - =255000 | pcs
    - | Adaptor | 12V 1A, 12V 2A, 24V 1A PoE | - =16500 | pcs
    - | Kabel Ties | 15 cm, 20 cm, 30 cm | isi 100=9500 | bungkus
    - | Klem Kabel | No. 6, No. 8 | isi 40=4200 | bungkus
    MikroTik | RB951Ui-2nD | - | - =520000 | pcs
    MikroTik | hAP ax² | - | - =1350000 | pcs
    MikroTik | RB3011UiAS-RM | - | - =2250000 | pcs
    MikroTik | CRS326-24G-2S+RM | - | - =2950000 | pcs
    MikroTik | SXT Lite5 | - | - =780000 | pcs
    MikroTik | LHG 5 | - | - =690000 | pcs
    MikroTik | wAP ac | - | - =1050000 | pcs
    TP-Link | Router WiFi TL-WR841N | - | - =185000 | pcs
    TP-Link | Deco M4 | 1 Pack, 2 Pack | - =690000 | pcs
    TP-Link | Access Point EAP225 | - | - =1050000 | pcs
    TP-Link | Switch TL-SG1008D | - | - =165000 | pcs
    TP-Link | Switch TL-SG1016D | - | - =560000 | pcs
    Mercusys | Router WiFi | MW302R, MW325R | - =120000 | pcs
    Totolink | Router WiFi N300RT | - | - =140000 | pcs
    Tenda | CPE O3 | - | - =395000 | pcs
    Ubiquiti | EdgeRouter X | - | - =1150000 | pcs
    Ubiquiti | LiteAP AC | - | - =1650000 | pcs
    Huawei | ONT EchoLife HG8145V5 | - | - =395000 | pcs
    ZTE | ONT F660 | - | - =215000 | pcs
    Ruijie | Access Point RG-RAP2200 | - | - =890000 | pcs
    Prolink | UPS | 650VA, 1200VA | - =520000 | pcs
    - | Tang Crimping RJ45 | - | - =65000 | pcs
    - | LAN Tester | - | - =45000 | pcs
    - | Optical Power Meter | - | - =185000 | pcs
    - | Visual Fault Locator 10 km | - | - =95000 | pcs
    - | Fiber Cleaver FC-6S | - | - =145000 | pcs
    - | Stripper Miller 3 Lubang | - | - =38000 | pcs
    - | Closure FTTH 24 Core | - | - =165000 | pcs
    - | Pigtail SC/UPC | - | 1.5 m=4500 | pcs | dus 50
    - | Adapter SC/UPC Simplex | - | - =2300 | pcs | dus 100
    - | Drop Wire Clamp | - | isi 100=145000 | bungkus
    - | Bracket S Hook | - | isi 50=98000 | bungkus
    - | Protection Sleeve | - | isi 100=14500 | bungkus
  `,
};

type Line = {
  category: ProductCategory;
  brand: string | null;
  name: string;
  unit: ProductUnit;
  packSize: number;
  cost: number;
  taxMode: TaxMode;
  tracksStock: boolean;
};

function isUnit(value: string): value is ProductUnit {
  return (PRODUCT_UNITS as readonly string[]).includes(value);
}

/** Expands the catalog text into every concrete product line. Throws on a malformed line (a bug here). */
export function catalogLines(): Line[] {
  const lines: Line[] = [];
  for (const category of PRODUCT_CATEGORIES) {
    const rule = CATEGORY_RULES[category];
    for (const raw of CATALOG[category].split('\n')) {
      const text = raw.trim();
      if (!text) continue;
      const [brandText, product, variantsText, sizesText, unitText, flagsText = ''] = text
        .split('|')
        .map((f) => f.trim());
      if (!brandText || !product || !variantsText || !sizesText || !unitText || !isUnit(unitText)) {
        throw new Error(`catalog line is malformed: ${text}`);
      }
      const brand = brandText === '-' ? null : brandText;
      const flags = flagsText.split(',').map((f) => f.trim());
      const taxMode: TaxMode = flags.includes('exempt') ? 'exempt' : rule.taxMode;
      const tracksStock = !flags.includes('nostock');
      const pack = flags.map((f) => /^(dus|slop|renceng) (\d+)$/.exec(f)).find((m) => m !== null);
      const variants = variantsText === '-' ? [''] : variantsText.split(',').map((v) => v.trim());
      const sizes = sizesText.split(';').map((s) => {
        const [label, cost] = s.split('=').map((x) => x.trim());
        if (label === undefined || !cost || !/^\d+$/.test(cost))
          throw new Error(`catalog size is malformed: ${s} in ${text}`);
        return { label: label === '-' ? '' : label, cost: Number(cost) };
      });
      for (const variant of variants) {
        for (const size of sizes) {
          const name = [brand, product, variant, size.label].filter(Boolean).join(' ');
          lines.push({
            category,
            brand,
            name,
            unit: unitText,
            packSize: 1,
            cost: size.cost,
            taxMode,
            tracksStock,
          });
          if (pack) {
            const count = Number(pack[2]);
            lines.push({
              category,
              brand,
              name: `${name} (${pack[1]} isi ${count})`,
              unit: pack[1] === 'renceng' ? 'bungkus' : 'dus',
              packSize: count,
              // Cartons buy a few percent cheaper than the loose items.
              cost: Math.round(size.cost * count * 0.97),
              taxMode,
              tracksStock,
            });
          }
        }
      }
    }
  }
  return lines;
}

/** Rupiah steps shops price in: Rp 100 under Rp 20.000, Rp 500 above. */
function stepFor(amount: number): number {
  return amount < 20_000 ? 100 : 500;
}

export function roundCost(amount: number): number {
  const step = stepFor(amount);
  return Math.max(step, Math.round(amount / step) * step);
}

/** Rounds a selling price up to the next Rp 100 / Rp 500. */
export function roundPriceUp(amount: number): number {
  const step = stepFor(amount);
  // The epsilon keeps 2900.0000000001 (float noise) at 2900 rather than 3000.
  return Math.ceil(amount / step - 1e-9) * step;
}

function priceFor(random: Random, line: Line, cost: number): number {
  const margin = CATEGORY_RULES[line.category].margin;
  let raw: number;
  if ('rupiah' in margin) {
    // The fee, but never more than 40% on small vouchers (a Rp 1.500 hotspot voucher is not sold at 4.000).
    raw = cost + Math.min(random.int(margin.rupiah[0] / 100, margin.rupiah[1] / 100) * 100, cost * 0.4);
  } else {
    // Cartons and strips sell at a thinner margin than loose items.
    const scale = line.packSize > 1 ? 0.6 : 1;
    raw = cost * (1 + scale * (margin.percent[0] + random.next() * (margin.percent[1] - margin.percent[0])));
  }
  // Counter products (pulsa, tokens) are priced in round Rp 500 steps whatever their size.
  let price = 'rupiah' in margin ? Math.ceil(raw / 500 - 1e-9) * 500 : roundPriceUp(raw);
  if (price <= cost) price = cost + stepFor(cost);
  return price;
}

export type ProductProgress = (done: number, total: number) => void;

/**
 * `count` products for a warung/minimarket with an ISP counter. Names are unique while the catalog
 * has unused lines (about 1,200); beyond that (scale > 1) lines repeat — like the same item bought
 * from another supplier — each with its own SKU, barcode and price.
 */
export function generateProducts(random: Random, count: number, onProgress?: ProductProgress): DemoProduct[] {
  const all = catalogLines();
  const queues = new Map<ProductCategory, { lines: Line[]; next: number }>();
  const refill = () => {
    for (const category of PRODUCT_CATEGORIES) {
      queues.set(category, { lines: random.shuffle(all.filter((l) => l.category === category)), next: 0 });
    }
  };
  refill();
  const barcodeFor = createBarcodeAllocator(random);
  const counters = new Map<ProductCategory, number>();
  const products: DemoProduct[] = [];
  const progressEvery = Math.max(1000, Math.floor(count / 20));

  for (let i = 0; i < count; i++) {
    let open = PRODUCT_CATEGORIES.filter((c) => queues.get(c)!.next < queues.get(c)!.lines.length);
    if (open.length === 0) {
      refill();
      open = [...PRODUCT_CATEGORIES];
    }
    const category = random.weighted(
      open,
      open.map((c) => CATEGORY_RULES[c].weight),
    );
    const queue = queues.get(category)!;
    const line = queue.lines[queue.next++]!;
    const seq = (counters.get(category) ?? 0) + 1;
    counters.set(category, seq);
    const [low, high] = CATEGORY_RULES[category].costDrift;
    const cost = roundCost(line.cost * (low + random.next() * (high - low)));
    products.push({
      sku: `${CATEGORY_RULES[category].code}-${String(seq).padStart(5, '0')}`,
      barcode: barcodeFor(line.brand ?? '(tanpa merek)'),
      name: line.name,
      brand: line.brand,
      category,
      unit: line.unit,
      packSize: line.packSize,
      cost,
      price: priceFor(random, line, cost),
      taxMode: line.taxMode,
      tracksStock: line.tracksStock,
    });
    if (onProgress && (i + 1) % progressEvery === 0) onProgress(i + 1, count);
  }
  onProgress?.(count, count);
  return products;
}
