import type { Random } from './random';
import { words } from './words';

export type Gender = 'L' | 'P';
/** Naming tradition the name was drawn from; Sleman is mostly Javanese with students and migrants from everywhere. */
export type NameOrigin = 'jawa' | 'sunda' | 'batak' | 'minang' | 'tionghoa' | 'bali' | 'umum';

export type PersonName = {
  givenName: string;
  /** Marga, clan or family name; empty for the many Indonesians who have none. */
  familyName: string;
  fullName: string;
  /** L = laki-laki, P = perempuan (as on a KTP). */
  gender: Gender;
  origin: NameOrigin;
};

type Pool = {
  male: readonly string[];
  female: readonly string[];
  /** Second given names (e.g. "Budi *Santoso*"); used when there is no family name. */
  maleSecond: readonly string[];
  femaleSecond: readonly string[];
  family: readonly string[];
  /** Chance a person of this origin carries a family name. */
  familyChance: number;
};

const POOLS: Record<NameOrigin, Pool> = {
  jawa: {
    male: words(`
      Budi, Agus, Bambang, Joko, Slamet, Sugeng, Heru, Wahyu, Eko, Dwi, Tri, Sutrisno, Suparman, Hadi,
      Purnomo, Teguh, Bayu, Aji, Yanto, Sigit, Nugroho, Prasetyo, Gunawan, Bagus, Danang, Hendro,
      Widodo, Wibowo, Sukirno, Paijo, Suryo, Tarno, Rudi, Anang, Catur, Kuncoro, Gilang, Dimas, Galih,
      Yoga
    `),
    female: words(`
      Sri, Siti, Endang, Wulan, Dewi, Rini, Yuni, Tutik, Sumiyati, Suparti, Lestari, Retno, Ratna,
      Ningsih, Wahyuni, Astuti, Sulastri, Sukarni, Tri, Dwi, Eni, Puji, Kartika, Rahayu, Handayani,
      Purwanti, Indah, Ayu, Galuh, Laras, Sekar, Ajeng, Diah, Anjani, Kinanti, Woro
    `),
    maleSecond: words(`
      Santoso, Setiawan, Susilo, Wibowo, Nugroho, Prasetyo, Saputro, Purnomo, Hartono, Sutrisno,
      Kurniawan, Haryanto, Suharto, Wicaksono, Pamungkas, Raharjo, Widodo, Utomo, Mulyono, Sudarsono,
      Hidayat, Wijayanto, Cahyono, Priyono, Triyono, Darmawan
    `),
    femaleSecond: words(`
      Wahyuni, Lestari, Rahayu, Handayani, Purwanti, Astuti, Wulandari, Suryani, Ningsih, Kusumawati,
      Setyaningsih, Widiastuti, Sulistyowati, Rahmawati, Pratiwi, Maharani, Puspitasari, Anggraeni,
      Ratnasari, Safitri
    `),
    family: [],
    familyChance: 0,
  },
  sunda: {
    male: words(`
      Asep, Ujang, Cecep, Dede, Acep, Dadang, Deden, Ade, Yayan, Iwan, Agus, Ayi, Engkus, Jajang,
      Ruslan, Rahmat
    `),
    female: words(`
      Euis, Neng, Nining, Cucu, Enok, Iis, Yanti, Nunung, Imas, Ai, Ela, Lilis, Rina, Tati
    `),
    maleSecond: words(`
      Sunandar, Supriatna, Suryana, Hidayat, Permana, Sukmana, Kusnadi, Saepudin, Rustandi, Sopandi,
      Gunawan, Hermawan, Mulyana, Setiadi
    `),
    femaleSecond: words(`
      Rohaeti, Kurniasih, Nurhayati, Rosmiati, Komalasari, Sumarni, Herlina, Suryani, Maryati, Juariah
    `),
    family: [],
    familyChance: 0,
  },
  batak: {
    male: words(`
      Togar, Rudolf, Parlindungan, Binsar, Hotman, Robert, Jhonson, Poltak, Marihot, Sahat, Daniel,
      Samuel, Yosua, Rianto, Benny, Andreas
    `),
    female: words(`
      Rosmawati, Tiurma, Lamria, Debora, Maria, Sarah, Rotua, Nurhaida, Ruth, Lenny, Elisabeth, Grace,
      Hotmaida
    `),
    maleSecond: [],
    femaleSecond: [],
    family: words(`
      Siregar, Nasution, Simanjuntak, Hutapea, Sitompul, Harahap, Lubis, Pardede, Sinaga, Situmorang,
      Simatupang, Panjaitan, Sihombing, Manurung, Hutagalung, Tambunan, Silalahi, Nainggolan,
      Sembiring, Ginting, Tarigan, Pohan, Hasibuan, Daulay
    `),
    familyChance: 0.95,
  },
  minang: {
    male: words(`
      Rizal, Syafri, Zulkifli, Afrizal, Yusrizal, Hendri, Jufri, Irwan, Ferdi, Andika, Fauzan, Ridwan,
      Arif, Yulianto
    `),
    female: words(`
      Yusnimar, Rosnita, Fitri, Rahmi, Yulia, Desi, Nurlela, Misra, Zuraida, Elvira, Yenni, Novi
    `),
    maleSecond: words(`
      Effendi, Syahputra, Putra, Darmawan, Akbar, Hamdani
    `),
    femaleSecond: words(`
      Yanti, Yenti, Susanti, Roza, Wati, Marlina
    `),
    family: words(`
      Chaniago, Piliang, Koto, Sikumbang, Tanjung, Jambak, Guci, Melayu
    `),
    familyChance: 0.35,
  },
  tionghoa: {
    male: words(`
      Hendra, Stefanus, Budi, Kevin, Yohanes, Fransiskus, Hartono, Sutanto, Felix, William, Rudy, Ivan,
      Tommy, Michael
    `),
    female: words(`
      Lina, Meiliana, Lilis, Yuliana, Agustina, Natalia, Vivian, Jessica, Cynthia, Melinda, Linda,
      Veronika, Angeline
    `),
    maleSecond: [],
    femaleSecond: [],
    family: words(`
      Wijaya, Gunawan, Halim, Tanoto, Salim, Tjahjadi, Santoso, Susanto, Hartanto, Setiadi, Kusuma,
      Tanuwijaya, Limanto, Wibisono, Sugiarto, Lesmana
    `),
    familyChance: 0.9,
  },
  bali: {
    // Balinese birth-order names come first: Wayan/Putu, Made/Kadek, Nyoman/Komang, Ketut.
    male: words(`
      I Wayan, I Made, I Nyoman, I Ketut, I Putu, I Kadek, I Komang, I Gede
    `),
    female: words(`
      Ni Luh, Ni Made, Ni Nyoman, Ni Ketut, Ni Putu, Ni Kadek, Ni Komang, Ni Wayan
    `),
    maleSecond: words(`
      Sudarsana, Artawan, Suardana, Wirawan, Mahendra, Adnyana, Sukadana, Suarjana, Budiarta, Parwata
    `),
    femaleSecond: words(`
      Sriasih, Ariani, Suartini, Wahyuni, Darmayanti, Sukerti, Astiti, Widiasari
    `),
    family: [],
    familyChance: 0,
  },
  umum: {
    male: words(`
      Muhammad, Ahmad, Rizky, Fajar, Ilham, Arief, Irfan, Hafiz, Reza, Yusuf, Fikri, Aditya, Farhan,
      Dani, Rendi, Andi, Hendra, Bima, Rangga, Naufal, Fadli, Taufik
    `),
    female: words(`
      Nur, Fitri, Aisyah, Annisa, Nabila, Putri, Dinda, Salsabila, Zahra, Amelia, Rizka, Novita, Anisa,
      Dian, Intan, Nurul, Fatimah, Khoirunnisa, Aulia, Citra, Mega
    `),
    maleSecond: words(`
      Ramadhan, Hidayat, Fauzi, Maulana, Firmansyah, Pratama, Saputra, Kurniawan, Nugraha, Akbar,
      Hakim, Rahman, Syahputra, Alfarizi, Ardiansyah, Setiawan
    `),
    femaleSecond: words(`
      Rahmawati, Hidayati, Azzahra, Ramadhani, Lestari, Maharani, Kurniasari, Safitri, Nurhaliza,
      Permatasari, Khairunnisa, Febriani, Oktaviani, Wulandari
    `),
    family: [],
    familyChance: 0,
  },
};

const ORIGINS: readonly NameOrigin[] = ['jawa', 'umum', 'sunda', 'batak', 'minang', 'tionghoa', 'bali'];
/** A rough mix for a Sleman kecamatan with two universities: mostly Javanese, many "modern Islamic" names. */
const ORIGIN_WEIGHTS: readonly number[] = [62, 16, 6, 6, 4, 4, 2];

/** One believable Indonesian name. */
export function generatePerson(
  random: Random,
  options: { gender?: Gender; origin?: NameOrigin } = {},
): PersonName {
  const gender = options.gender ?? (random.chance(0.5) ? 'L' : 'P');
  const origin = options.origin ?? random.weighted(ORIGINS, ORIGIN_WEIGHTS);
  const pool = POOLS[origin];
  const firsts = gender === 'L' ? pool.male : pool.female;
  const seconds = gender === 'L' ? pool.maleSecond : pool.femaleSecond;
  let givenName = random.pick(firsts);
  let familyName = '';
  if (pool.family.length > 0 && random.chance(pool.familyChance)) {
    familyName = random.pick(pool.family);
  }
  // Many Javanese have a single name ("Paijo", "Suparti"); others carry two given names.
  const single = origin === 'jawa' ? random.chance(0.18) : false;
  if (seconds.length > 0 && !single && (familyName === '' || random.chance(0.2))) {
    let second = random.pick(seconds);
    if (second === givenName) second = random.pick(seconds);
    if (second !== givenName) givenName = `${givenName} ${second}`;
  }
  const fullName = familyName ? `${givenName} ${familyName}` : givenName;
  return { givenName, familyName, fullName, gender, origin };
}
