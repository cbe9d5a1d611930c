/**
 * Dates and money for the viewer's locale (id-ID, en-US). Money arrives as exact decimal strings and is
 * formatted from the string (Intl.NumberFormat formats numeric strings exactly): it never becomes a float.
 */
export const LOCALES = ['en-US', 'id-ID'] as const;
export type Locale = (typeof LOCALES)[number];

export function defaultLocale(): Locale {
  const saved = localStorage.getItem('console.locale');
  if (saved === 'en-US' || saved === 'id-ID') return saved;
  return navigator.language.toLowerCase().startsWith('id') ? 'id-ID' : 'en-US';
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** An exact decimal amount in a currency, e.g. ("1234.5", "IDR", "id-ID") → "Rp 1.234,50". */
export function formatMoney(amount: string, currency: string, locale: Locale): string {
  if (!DECIMAL.test(amount)) return amount;
  const digits = amount.split('.')[1]?.length ?? 0;
  const format = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    // Exactly the digits the hub gives: rounded amounts have the currency's minor units, exact ones more.
    minimumFractionDigits: Math.min(digits, 20),
    maximumFractionDigits: Math.min(digits, 20),
  });
  // Intl takes a decimal string as an exact value (ECMA-402 NumberFormat v3); the cast is for TypeScript's lib.
  return format.format(amount as unknown as number);
}

/** Points (a BigInt scalar as a decimal string of minor units: points have no decimals). */
export function formatPoints(points: string, locale: Locale): string {
  if (!/^-?\d+$/.test(points)) return points;
  return new Intl.NumberFormat(locale).format(BigInt(points));
}

export function formatDate(iso: string | null | undefined, locale: Locale, withTime = true): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    ...(withTime ? { timeStyle: 'short' } : {}),
    timeZone: 'UTC',
  }).format(date);
}
