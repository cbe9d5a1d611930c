/**
 * Profile fields: validation and normalisation, and which consent scope
 * unlocks which field for a partner. Personal data lives only here and in the
 * member table; it never goes into logs or the ledger.
 */
import { badInput } from '../../platform/graphql/errors.js';
import { AppError } from '../../platform/graphql/errors.js';
import { hasControlCharacter } from '../../platform/text.js';
import { clock } from '../../platform/clock.js';

export const CONSENT_SCOPES = ['profile', 'contact', 'marketing'] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];

/** Which consent scope a partner needs to see each profile field. */
export const FIELD_SCOPE = {
  displayName: 'profile',
  birthDate: 'profile',
  locale: 'profile',
  email: 'contact',
  phone: 'contact',
  preferences: 'marketing',
} as const satisfies Record<string, ConsentScope>;

export interface ProfileInput {
  displayName?: string | null;
  email?: string | null;
  phone?: string | null;
  birthDate?: string | null;
  locale?: string | null;
  preferences?: Record<string, unknown> | null;
}

export interface Profile {
  displayName: string | null;
  email: string | null;
  phone: string | null;
  birthDate: string | null;
  locale: string | null;
  preferences: Record<string, string | boolean | number>;
}

const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
const E164 = /^\+[1-9]\d{6,14}$/;
const LOCALE = /^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|\d{3}))?$/;

export function checkConsentScope(scope: string): ConsentScope {
  if (!(CONSENT_SCOPES as readonly string[]).includes(scope)) {
    throw new AppError(
      'UNKNOWN_CONSENT_SCOPE',
      `Unknown consent scope "${String(scope).slice(0, 40)}"; use one of ${CONSENT_SCOPES.join(', ')}.`,
      { field: 'scope' },
    );
  }
  return scope as ConsentScope;
}

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

/** The address normalised, or BAD_USER_INPUT (field `email`). */
export function checkEmail(input: string): string {
  const email = normaliseEmail(input);
  if (email.length > 254 || !EMAIL.test(email)) throw badInput('email is not a valid address.', 'email');
  return email;
}
export const normalisePhone = (phone: string) => phone.replace(/[\s().-]/g, '');

function checkBirthDate(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  const valid =
    date && date.toISOString().slice(0, 10) === value && Number(m![1]) >= 1900 && date.getTime() <= clock.nowMs();
  if (!valid) throw badInput('birthDate must be a real past date written YYYY-MM-DD.', 'birthDate');
  return value;
}

function checkPreferences(value: Record<string, unknown>): Record<string, string | boolean | number> {
  const entries = Object.entries(value);
  if (entries.length > 50) throw badInput('preferences may hold at most 50 entries.', 'preferences');
  for (const [k, v] of entries) {
    const okKey = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/.test(k);
    const okValue =
      typeof v === 'boolean' ||
      (typeof v === 'number' && Number.isFinite(v)) ||
      (typeof v === 'string' && v.length <= 200 && !hasControlCharacter(v));
    if (!okKey || !okValue)
      throw badInput('preferences must map short names to booleans, numbers or short strings.', 'preferences');
  }
  return value as Record<string, string | boolean | number>;
}

/** Validates the given fields (absent ones stay absent) and normalises them. */
export function checkProfile(input: ProfileInput): ProfileInput {
  const out: ProfileInput = {};
  if (input.displayName != null) {
    const name = input.displayName.trim();
    if (name.length < 1 || name.length > 200 || hasControlCharacter(name))
      throw badInput('displayName must be 1 to 200 printable characters.', 'displayName');
    out.displayName = name;
  }
  if (input.email != null) {
    out.email = checkEmail(input.email);
  }
  if (input.phone != null) {
    const phone = normalisePhone(input.phone);
    if (!E164.test(phone)) throw badInput('phone must be in international format, e.g. +6281234567890.', 'phone');
    out.phone = phone;
  }
  if (input.birthDate != null) out.birthDate = checkBirthDate(input.birthDate);
  if (input.locale != null) {
    if (!LOCALE.test(input.locale))
      throw badInput('locale must be a language tag such as "en", "id-ID" or "ms-MY".', 'locale');
    out.locale = input.locale;
  }
  if (input.preferences != null) out.preferences = checkPreferences(input.preferences);
  return out;
}
