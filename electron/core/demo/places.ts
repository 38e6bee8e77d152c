import type { Random } from './random';
import { words } from './words';

export type LatLng = { lat: number; lng: number };

/**
 * The demo branch sits in Kecamatan Depok, Kabupaten Sleman, DI Yogyakarta: the student belt north-east
 * of the city (UGM, UNY, Seturan, Babarsari, Condongcatur, Maguwoharjo) where neighbourhood ISPs and
 * warung sit side by side. Every generated point lies within `radiusMeters` of `centre`.
 */
export const KECAMATAN = {
  name: 'Depok',
  kabupaten: 'Sleman',
  province: 'DI Yogyakarta',
  centre: { lat: -7.762, lng: 110.4 } satisfies LatLng,
  radiusMeters: 3000,
} as const;

/** Metres per degree at this latitude (WGS84). Fixed numbers, so generation needs no trigonometry. */
const METERS_PER_DEG_LAT = 110_574;
const METERS_PER_DEG_LNG = 110_300; // 111,320 × cos(7.76°)

export type Kelurahan = {
  name: string;
  postalCode: string;
  /** Roughly the middle of its built-up area. */
  anchor: LatLng;
  /** Relative share of households. */
  weight: number;
  padukuhan: readonly string[];
  streets: readonly string[];
  /** Housing estates (perumahan), addressed by block and number. */
  estates: readonly string[];
};

/** The three kalurahan (desa) of Kecamatan Depok with their padukuhan and main streets. */
export const KELURAHAN: readonly Kelurahan[] = [
  {
    name: 'Caturtunggal',
    postalCode: '55281',
    anchor: { lat: -7.776, lng: 110.393 },
    weight: 45,
    padukuhan: words(`
      Karangmalang, Karanggayam, Samirono, Mrican, Papringan, Santren, Kocoran, Karangwuni, Pringwulung,
      Ambarukmo, Nologaten, Demangan Baru, Kledokan, Seturan, Tambakbayan, Gowok, Janti, Karangasem, Manggung
    `),
    streets: words(`
      Jl. Affandi, Jl. Colombo, Jl. Babarsari, Jl. Seturan Raya, Jl. Laksda Adisucipto, Jl. Kledokan Raya,
      Jl. Perumnas Seturan, Jl. Nologaten, Jl. Ambarukmo, Jl. Gowok, Jl. Selokan Mataram, Jl. Pringwulung,
      Jl. Santren, Jl. Demangan Baru, Jl. Samirono Baru, Jl. Karangmalang, Jl. Tambak Bayan, Jl. Janti,
      Jl. Garuda, Jl. Bougenvil
    `),
    estates: words(`Perum Griya Seturan Indah, Perum Taman Babarsari, Perum Nologaten Asri`),
  },
  {
    name: 'Condongcatur',
    postalCode: '55283',
    anchor: { lat: -7.752, lng: 110.395 },
    weight: 35,
    padukuhan: words(`
      Gejayan, Kentungan, Joho, Ngringin, Dabag, Pikgondang, Kaliwaru, Sanggrahan, Ngropoh, Soropadan,
      Gorongan, Dero, Karangnongko, Condongcatur, Leles, Tiyasan, Kayen, Nayan
    `),
    streets: words(`
      Jl. Ring Road Utara, Jl. Anggajaya, Jl. Kaliwaru, Jl. Perumnas Condongcatur, Jl. Gorongan,
      Jl. Pandega Marta, Jl. Kentungan, Jl. Soropadan, Jl. Joho Baru, Jl. Kayen Raya, Jl. Nusa Indah,
      Jl. Dero, Jl. Kaliurang
    `),
    estates: words(`Perumnas Condongcatur, Perum Puri Condong Asri, Perum Pondok Indah Kaliwaru`),
  },
  {
    name: 'Maguwoharjo',
    postalCode: '55282',
    anchor: { lat: -7.757, lng: 110.421 },
    weight: 20,
    padukuhan: words(`
      Kalongan, Nanggulan, Sorowajan Baru, Krodan, Jenengan, Ringinsari, Tajem, Kembang, Pugeran, Ngentak,
      Padasan, Kradenan, Karangploso, Dempel, Sambego, Gondangan, Corongan
    `),
    streets: words(`
      Jl. Raya Tajem, Jl. Ring Road Utara, Jl. Nanggulan, Jl. Sorowajan Baru, Jl. Stadion Maguwoharjo,
      Jl. Padasan, Jl. Candi Gebang, Jl. Kembang, Jl. Krodan, Jl. Jenengan Raya, Jl. Ringinsari, Jl. Dempel,
      Jl. Raya Maguwo, Jl. Wonocatur
    `),
    estates: words(
      `Perum Maguwo Residence, Perum Villa Tajem Asri, Perum Citra Kalongan, Perum Candi Gebang Permai`,
    ),
  },
];

const LANES = words(`
  Gg. Mawar, Gg. Melati, Gg. Kenanga, Gg. Anggrek, Gg. Dahlia, Gg. Flamboyan, Gg. Cempaka, Gg. Sawo,
  Gg. Nangka, Gg. Rambutan, Gg. Kemuning, Gg. Delima, Gg. Jambu, Gg. Manggis, Gg. Masjid, Gg. Sadewa,
  Gg. Nakula, Gg. Arjuna, Gg. Srikandi, Gg. Gatotkaca
`);
export type Place = {
  /** "Jl. …" or a housing estate ("Perum …", "Perumnas …"). */
  street: string;
  /** A gang (lane) off the street, or null. */
  lane: string | null;
  /** House number as written: "12", "7A", "B-14". */
  houseNumber: string;
  rt: number;
  rw: number;
  padukuhan: string;
  kelurahan: string;
  kecamatan: string;
  kabupaten: string;
  province: string;
  postalCode: string;
  lat: number;
  lng: number;
  /** The one-line address as it goes on an invoice. */
  addressLine: string;
};

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

/** Great-circle distance (haversine), for checks; generation itself uses the flat approximation. */
export function distanceMeters(a: LatLng, b: LatLng): number {
  const R = 6_371_008.8;
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
}

function flatMeters(a: LatLng, b: LatLng): number {
  const dy = (a.lat - b.lat) * METERS_PER_DEG_LAT;
  const dx = (a.lng - b.lng) * METERS_PER_DEG_LNG;
  return Math.sqrt(dx * dx + dy * dy);
}

/**
 * A point within `spreadMeters` of `near` that is also inside the kecamatan's radius (with a margin, so
 * rounding and the flat-earth approximation never push it over). Rejection sampling in a square keeps
 * the arithmetic exact and the result identical on every machine.
 */
export function pointNear(random: Random, near: LatLng, spreadMeters: number): LatLng {
  const limit = KECAMATAN.radiusMeters - 50;
  for (let attempt = 0; attempt < 10_000; attempt++) {
    const dx = (random.next() * 2 - 1) * spreadMeters;
    const dy = (random.next() * 2 - 1) * spreadMeters;
    if (dx * dx + dy * dy > spreadMeters * spreadMeters) continue;
    const point = {
      lat: round6(near.lat + dy / METERS_PER_DEG_LAT),
      lng: round6(near.lng + dx / METERS_PER_DEG_LNG),
    };
    if (flatMeters(point, KECAMATAN.centre) <= limit) return point;
  }
  throw new Error('pointNear: no point inside the kecamatan near the requested place');
}

export function pickKelurahan(random: Random): Kelurahan {
  return random.weighted(
    KELURAHAN,
    KELURAHAN.map((k) => k.weight),
  );
}

/** A believable address in the kecamatan: street or estate, lane, number, RT/RW, padukuhan, coordinates. */
export function generatePlace(
  random: Random,
  options: { kelurahan?: Kelurahan; spreadMeters?: number } = {},
): Place {
  const kelurahan = options.kelurahan ?? pickKelurahan(random);
  const { lat, lng } = pointNear(random, kelurahan.anchor, options.spreadMeters ?? 1400);
  const inEstate = random.chance(0.12);
  const street = inEstate ? random.pick(kelurahan.estates) : random.pick(kelurahan.streets);
  const lane = !inEstate && random.chance(0.45) ? random.pick(LANES) : null;
  const houseNumber = inEstate
    ? `${random.pick(['A', 'B', 'C', 'D', 'E', 'F'])}-${random.int(1, 30)}`
    : `${random.int(1, 150)}${random.chance(0.08) ? random.pick(['A', 'B']) : ''}`;
  const rt = random.int(1, 12);
  const rw = random.int(1, 40);
  const padukuhan = random.pick(kelurahan.padukuhan);
  const addressLine = [
    `${street}${lane ? ` ${lane}` : ''} No. ${houseNumber}`,
    `RT ${pad2(rt)}/RW ${pad2(rw)}`,
    padukuhan,
    kelurahan.name,
    `Kec. ${KECAMATAN.name}`,
    `Kab. ${KECAMATAN.kabupaten}`,
    `${KECAMATAN.province} ${kelurahan.postalCode}`,
  ].join(', ');
  return {
    street,
    lane,
    houseNumber,
    rt,
    rw,
    padukuhan,
    kelurahan: kelurahan.name,
    kecamatan: KECAMATAN.name,
    kabupaten: KECAMATAN.kabupaten,
    province: KECAMATAN.province,
    postalCode: kelurahan.postalCode,
    lat,
    lng,
    addressLine,
  };
}
