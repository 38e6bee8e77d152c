import type { FieldErrors } from '../../../shared/domain/errors';
import type { TranslationKey } from './i18n/id';
import type { Translate } from './i18n/translate';

/**
 * Checks run before a call so people get a message in their language at once. The core validates
 * again with the contract's schemas; these only mirror its simplest rules.
 */
export type Rule = (value: string) => TranslationKey | null;

export const required: Rule = (value) => (value.trim() === '' ? 'validation.required' : null);
export const usernameRule: Rule = (value) =>
  /^[a-z0-9._-]{3,32}$/.test(value.trim().toLowerCase()) ? null : 'validation.username';
export const passwordRule: Rule = (value) => (value.length < 8 ? 'validation.passwordLength' : null);
export const optionalPasswordRule: Rule = (value) => (value === '' ? null : passwordRule(value));

/** Runs each field's rules in order and keeps the first failure per field. */
export function validate(t: Translate, checks: Record<string, [string, ...Rule[]]>): FieldErrors {
  const errors: FieldErrors = {};
  for (const [field, [value, ...rules]] of Object.entries(checks)) {
    for (const rule of rules) {
      const failed = rule(value);
      if (failed) {
        errors[field] = t(failed);
        break;
      }
    }
  }
  return errors;
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.keys(errors).length > 0;
}
