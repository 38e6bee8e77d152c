import type { Customer, CustomerCategory } from '../../../../shared/contract/index';
import type { FieldErrors } from '../../../../shared/domain/errors';
import { NIK_MESSAGES, nikProblem, normalizeNik, readNik } from '../../../../shared/domain/nik';
import { normalizeIndonesianPhone } from '../../../../shared/domain/phone';
import type { Translate } from '../../app/i18n/translate';
import type { Locale } from '../../../../shared/domain/errors';

/** What the customer dialog edits, as typed. */
export type CustomerDraft = {
  name: string;
  phone: string;
  email: string;
  nik: string;
  address: string;
  category: CustomerCategory;
  latitude: string;
  longitude: string;
  notes: string;
  status: Customer['status'];
};

export const CUSTOMER_FORM = [
  'name',
  'phone',
  'email',
  'nik',
  'address',
  'category',
  'latitude',
  'longitude',
  'notes',
  'status',
  'groupId',
];

export function draftOf(
  customer: Customer | null,
  location?: { latitude: number; longitude: number },
): CustomerDraft {
  const latitude = customer?.latitude ?? location?.latitude ?? null;
  const longitude = customer?.longitude ?? location?.longitude ?? null;
  return {
    name: customer?.name ?? '',
    phone: customer?.phone ?? '',
    email: customer?.email ?? '',
    nik: customer?.nik ?? '',
    address: customer?.address ?? '',
    category: customer?.category ?? 'residential',
    latitude: latitude === null ? '' : String(latitude),
    longitude: longitude === null ? '' : String(longitude),
    notes: customer?.notes ?? '',
    status: customer?.status ?? 'prospect',
  };
}

/** "-7,797" (decimal comma) or "-7.797" → a number; '' → null; anything else → NaN. */
export function parseCoordinate(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const normalized = trimmed.includes('.') ? trimmed : trimmed.replace(',', '.');
  return /^[-+]?\d+(\.\d+)?$/.test(normalized) ? Number(normalized) : Number.NaN;
}

/** The NIK's own problem in the UI language (the same words the core answers with), or null. */
export function nikError(nik: string, locale: Locale): string | null {
  const problem = nikProblem(normalizeNik(nik.trim()));
  return problem ? NIK_MESSAGES[problem][locale] : null;
}

/** What a valid NIK tells (gender, birth date), to confirm it was typed right. */
export function nikHint(nik: string, t: Translate): string | null {
  const facts = readNik(normalizeNik(nik.trim()));
  if (!facts) return null;
  return t('customers.field.nikOk', {
    gender: t(facts.gender === 'P' ? 'customers.field.female' : 'customers.field.male'),
    day: String(facts.birthDay).padStart(2, '0'),
    month: String(facts.birthMonth).padStart(2, '0'),
    year: facts.birthYear2,
  });
}

/** The checks the core makes too, run first so the person sees them at once in their language. */
export function checkDraft(draft: CustomerDraft, t: Translate, locale: Locale): FieldErrors {
  const errors: FieldErrors = {};
  if (draft.name.trim() === '') errors.name = t('validation.required');
  if (draft.phone.trim() !== '' && !normalizeIndonesianPhone(draft.phone.trim())) {
    errors.phone = t('customers.validation.whatsapp');
  }
  if (draft.email.trim() !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(draft.email.trim())) {
    errors.email = t('customers.validation.email');
  }
  const nik = nikError(draft.nik, locale);
  if (nik) errors.nik = nik;
  const latitude = parseCoordinate(draft.latitude);
  const longitude = parseCoordinate(draft.longitude);
  if (latitude !== null && !(latitude >= -90 && latitude <= 90))
    errors.latitude = t('customers.validation.latitude');
  if (longitude !== null && !(longitude >= -180 && longitude <= 180)) {
    errors.longitude = t('customers.validation.longitude');
  }
  if (!errors.latitude && !errors.longitude && (latitude === null) !== (longitude === null)) {
    errors[latitude === null ? 'latitude' : 'longitude'] = t('customers.validation.pair');
  }
  return errors;
}

/** The fields both customers.create and customers.update take, from a checked draft. */
export function fieldsOf(draft: CustomerDraft) {
  return {
    name: draft.name.trim(),
    phone: draft.phone.trim(),
    email: draft.email.trim(),
    nik: draft.nik.trim(),
    address: draft.address.trim(),
    category: draft.category,
    latitude: parseCoordinate(draft.latitude),
    longitude: parseCoordinate(draft.longitude),
    notes: draft.notes.trim(),
  };
}
