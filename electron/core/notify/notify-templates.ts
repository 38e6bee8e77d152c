import { NOTIFY_TEMPLATE_KEYS, type NotifyTemplateKey } from '../../../shared/contract/notify.contract';
import type { NotifyChannel } from './notify.tables';

export { NOTIFY_TEMPLATE_KEYS, type NotifyTemplateKey };

/** Channels a customer template exists for (Discord carries admin alerts only). */
export const CUSTOMER_CHANNELS = ['whatsapp', 'email'] as const satisfies readonly NotifyChannel[];
export type CustomerChannel = (typeof CUSTOMER_CHANNELS)[number];

/** Filled in by the queue for every message: the customer's name and code, the branch's name. */
const COMMON_VARS = ['nama', 'kode', 'cabang'] as const;
const INVOICE_VARS = ['nomor', 'periode', 'paket', 'jumlah', 'saldo', 'jatuh_tempo'] as const;

/** The variables each template may use (anything else is refused when a template is saved). */
export const TEMPLATE_VARIABLES: Record<NotifyTemplateKey, readonly string[]> = {
  'invoice.issued': [...COMMON_VARS, ...INVOICE_VARS],
  'invoice.oneoff': [...COMMON_VARS, 'nomor', 'rincian', 'jumlah', 'saldo', 'jatuh_tempo'],
  'invoice.reminder.before': [...COMMON_VARS, ...INVOICE_VARS, 'hari'],
  'invoice.reminder.due': [...COMMON_VARS, ...INVOICE_VARS],
  'invoice.reminder.after': [...COMMON_VARS, ...INVOICE_VARS, 'hari'],
  'subscription.isolated': [...COMMON_VARS, 'paket', 'saldo', 'alasan'],
  'subscription.reactivated': [...COMMON_VARS, 'paket'],
  'payment.received': [...COMMON_VARS, 'nomor', 'jumlah', 'saldo', 'tanggal', 'metode'],
};

/** Values formatted as rupiah when given as numbers. */
const MONEY_VARS = new Set(['jumlah', 'saldo']);

export type TemplateText = { subject: string; body: string; waTemplate: string; waLanguage: string };

const SIGN_OFF = 'Terima kasih.\n{cabang}';

/** Bahasa Indonesia defaults; a row in `notify_templates` replaces one once someone edits it. */
export const DEFAULT_TEMPLATES: Record<NotifyTemplateKey, Record<CustomerChannel, TemplateText>> = {
  'invoice.issued': {
    whatsapp: {
      subject: '',
      body: `Halo {nama}, tagihan internet {paket} periode {periode} sudah terbit.\nNomor: {nomor}\nJumlah: {jumlah}\nJatuh tempo: {jatuh_tempo}\n${SIGN_OFF}`,
      waTemplate: 'tagihan_terbit',
      waLanguage: 'id',
    },
    email: {
      subject: 'Tagihan {nomor} periode {periode}',
      body: `Yth. {nama} ({kode}),\n\nTagihan internet {paket} periode {periode} sudah terbit.\nNomor tagihan: {nomor}\nJumlah: {jumlah}\nJatuh tempo: {jatuh_tempo}\n\n${SIGN_OFF}`,
      waTemplate: '',
      waLanguage: 'id',
    },
  },
  'invoice.oneoff': {
    whatsapp: {
      subject: '',
      body: `Halo {nama}, ada tagihan baru untuk Anda: {rincian}.\nNomor: {nomor}\nJumlah: {jumlah}\nJatuh tempo: {jatuh_tempo}\n${SIGN_OFF}`,
      waTemplate: 'tagihan_lain_terbit',
      waLanguage: 'id',
    },
    email: {
      subject: 'Tagihan {nomor}',
      body: `Yth. {nama} ({kode}),\n\nTagihan baru untuk Anda sudah terbit: {rincian}.\nNomor tagihan: {nomor}\nJumlah: {jumlah}\nJatuh tempo: {jatuh_tempo}\n\n${SIGN_OFF}`,
      waTemplate: '',
      waLanguage: 'id',
    },
  },
  'invoice.reminder.before': {
    whatsapp: {
      subject: '',
      body: `Halo {nama}, tagihan {nomor} sebesar {jumlah} jatuh tempo {hari} hari lagi ({jatuh_tempo}). Mohon dibayar agar layanan tetap lancar.\n${SIGN_OFF}`,
      waTemplate: 'pengingat_sebelum_jatuh_tempo',
      waLanguage: 'id',
    },
    email: {
      subject: 'Pengingat: tagihan {nomor} jatuh tempo {jatuh_tempo}',
      body: `Yth. {nama},\n\nTagihan {nomor} periode {periode} sebesar {jumlah} jatuh tempo {hari} hari lagi, pada {jatuh_tempo}.\nMohon dibayar agar layanan tetap lancar.\n\n${SIGN_OFF}`,
      waTemplate: '',
      waLanguage: 'id',
    },
  },
  'invoice.reminder.due': {
    whatsapp: {
      subject: '',
      body: `Halo {nama}, hari ini ({jatuh_tempo}) tagihan {nomor} sebesar {jumlah} jatuh tempo. Sisa yang harus dibayar: {saldo}.\n${SIGN_OFF}`,
      waTemplate: 'pengingat_jatuh_tempo',
      waLanguage: 'id',
    },
    email: {
      subject: 'Tagihan {nomor} jatuh tempo hari ini',
      body: `Yth. {nama},\n\nTagihan {nomor} periode {periode} jatuh tempo hari ini ({jatuh_tempo}).\nSisa yang harus dibayar: {saldo}.\n\n${SIGN_OFF}`,
      waTemplate: '',
      waLanguage: 'id',
    },
  },
  'invoice.reminder.after': {
    whatsapp: {
      subject: '',
      body: `Halo {nama}, tagihan {nomor} sudah lewat {hari} hari dari jatuh tempo ({jatuh_tempo}). Sisa: {saldo}. Mohon segera dibayar agar layanan tidak diisolir.\n${SIGN_OFF}`,
      waTemplate: 'pengingat_lewat_jatuh_tempo',
      waLanguage: 'id',
    },
    email: {
      subject: 'Tagihan {nomor} sudah lewat jatuh tempo',
      body: `Yth. {nama},\n\nTagihan {nomor} periode {periode} sudah lewat {hari} hari dari jatuh tempo ({jatuh_tempo}).\nSisa yang harus dibayar: {saldo}.\nMohon segera dibayar agar layanan tidak diisolir.\n\n${SIGN_OFF}`,
      waTemplate: '',
      waLanguage: 'id',
    },
  },
  'subscription.isolated': {
    whatsapp: {
      subject: '',
      body: `Halo {nama}, layanan internet {paket} Anda diisolir karena tagihan belum dibayar (sisa {saldo}). Layanan aktif kembali otomatis setelah pembayaran.\n${SIGN_OFF}`,
      waTemplate: 'layanan_diisolir',
      waLanguage: 'id',
    },
    email: {
      subject: 'Layanan internet {paket} diisolir',
      body: `Yth. {nama},\n\nLayanan internet {paket} Anda diisolir karena tagihan belum dibayar (sisa {saldo}).\nLayanan aktif kembali otomatis setelah pembayaran.\n\n${SIGN_OFF}`,
      waTemplate: '',
      waLanguage: 'id',
    },
  },
  'subscription.reactivated': {
    whatsapp: {
      subject: '',
      body: `Halo {nama}, layanan internet {paket} Anda sudah aktif kembali. Selamat berselancar!\n${SIGN_OFF}`,
      waTemplate: 'layanan_aktif_kembali',
      waLanguage: 'id',
    },
    email: {
      subject: 'Layanan internet {paket} aktif kembali',
      body: `Yth. {nama},\n\nLayanan internet {paket} Anda sudah aktif kembali.\n\n${SIGN_OFF}`,
      waTemplate: '',
      waLanguage: 'id',
    },
  },
  'payment.received': {
    whatsapp: {
      subject: '',
      body: `Halo {nama}, pembayaran {jumlah} ({metode}) sudah kami terima pada {tanggal}. Nomor: {nomor}. Sisa tagihan: {saldo}.\n${SIGN_OFF}`,
      waTemplate: 'pembayaran_diterima',
      waLanguage: 'id',
    },
    email: {
      subject: 'Pembayaran {nomor} diterima',
      body: `Yth. {nama},\n\nPembayaran sebesar {jumlah} ({metode}) sudah kami terima pada {tanggal}.\nNomor: {nomor}\nSisa tagihan: {saldo}\n\n${SIGN_OFF}`,
      waTemplate: '',
      waLanguage: 'id',
    },
  },
};

const VARIABLE = /\{([a-z_]+)\}/g;

/** The variables a text uses, in order of appearance (repeats kept: WhatsApp Cloud parameters are positional). */
export function variablesIn(text: string): string[] {
  return [...text.matchAll(VARIABLE)].map((match) => match[1]!);
}

/** Variables a template uses that its key does not know, without repeats. */
export function unknownVariables(key: NotifyTemplateKey, text: string): string[] {
  const known = new Set(TEMPLATE_VARIABLES[key]);
  return [...new Set(variablesIn(text).filter((name) => !known.has(name)))];
}

const MONTHS = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];

/** 150000 → "Rp 150.000" (negative amounts keep their sign). */
export function formatRupiah(amount: number): string {
  const digits = String(Math.abs(Math.trunc(amount))).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${amount < 0 ? '-' : ''}Rp ${digits}`;
}

/** How a value reads in a message: money as rupiah, 'YYYY-MM-DD' as "5 Februari 2030", 'YYYY-MM' as "Februari 2030". */
export function formatValue(name: string, value: string | number | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return MONEY_VARS.has(name) ? formatRupiah(value) : String(value);
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (day) return `${Number(day[3])} ${MONTHS[Number(day[2]) - 1] ?? day[2]} ${day[1]}`;
  const month = /^(\d{4})-(\d{2})$/.exec(value);
  if (month) return `${MONTHS[Number(month[2]) - 1] ?? month[2]} ${month[1]}`;
  return value;
}

/** Replaces each {variable} with its formatted value (unknown or missing ones become empty). */
export function renderText(text: string, vars: Record<string, string | number>): string {
  return text.replace(VARIABLE, (_whole, name: string) => formatValue(name, vars[name]));
}

/** The WhatsApp Cloud API body parameters: the body's variables in order, formatted. */
export function cloudParameters(body: string, vars: Record<string, string | number>): string[] {
  return variablesIn(body).map((name) => formatValue(name, vars[name]) || '-');
}

/** Example values for previews in the template editor. */
export const SAMPLE_VARS: Record<string, string | number> = {
  nama: 'Budi Santoso',
  kode: 'PLG-0001',
  cabang: 'Cabang Depok',
  nomor: 'INV/2030-02/000123',
  periode: '2030-02',
  paket: 'Rumah 10 Mbps',
  jumlah: 166_500,
  saldo: 166_500,
  jatuh_tempo: '2030-02-10',
  hari: 3,
  alasan: 'Tagihan belum dibayar',
  tanggal: '2030-02-08',
  metode: 'Tunai',
};
