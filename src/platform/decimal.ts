/**
 * Exact decimals for rates and prices: a bigint of units and a scale
 * (value = units / 10^scale). Products stay exact; rounding happens only where
 * a caller asks for it, in the mode it names. No floats anywhere.
 */
export interface Decimal {
  units: bigint;
  scale: number;
}

const DECIMAL = /^(-?)(\d{1,30})(?:\.(\d{1,18}))?$/;

export function parseDecimal(text: string): Decimal | undefined {
  const m = DECIMAL.exec(text.trim());
  if (!m) return undefined;
  const fraction = m[3] ?? '';
  const units = BigInt(m[2]! + fraction) * (m[1] ? -1n : 1n);
  return normalise({ units, scale: fraction.length });
}

/** Drops trailing zeros of the fraction (1.500 → 1.5), so equal values print alike. */
export function normalise(d: Decimal): Decimal {
  let { units, scale } = d;
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n;
    scale--;
  }
  return { units, scale };
}

export const fromBigInt = (n: bigint): Decimal => ({ units: n, scale: 0 });
export const ONE: Decimal = { units: 1n, scale: 0 };

export function mul(a: Decimal, b: Decimal): Decimal {
  return normalise({ units: a.units * b.units, scale: a.scale + b.scale });
}

function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.units * 10n ** BigInt(scale - a.scale), b.units * 10n ** BigInt(scale - b.scale), scale];
}

export function add(a: Decimal, b: Decimal): Decimal {
  const [x, y, scale] = align(a, b);
  return normalise({ units: x + y, scale });
}

export function sub(a: Decimal, b: Decimal): Decimal {
  const [x, y, scale] = align(a, b);
  return normalise({ units: x - y, scale });
}

export function compare(a: Decimal, b: Decimal): number {
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Largest whole number not above `d` (rounding down, toward −∞). */
export function floor(d: Decimal): bigint {
  const div = 10n ** BigInt(d.scale);
  const q = d.units / div;
  return d.units < 0n && d.units % div !== 0n ? q - 1n : q;
}

/** Rounds to `scale` places, half to even (banker's rounding), exactly. */
export function roundHalfEven(d: Decimal, scale: number): Decimal {
  if (d.scale <= scale) return d;
  const div = 10n ** BigInt(d.scale - scale);
  const negative = d.units < 0n;
  const abs = negative ? -d.units : d.units;
  let q = abs / div;
  const r = abs % div;
  if (r * 2n > div || (r * 2n === div && q % 2n === 1n)) q += 1n;
  return { units: negative ? -q : q, scale };
}

export function toString(d: Decimal): string {
  const negative = d.units < 0n;
  const digits = (negative ? -d.units : d.units).toString().padStart(d.scale + 1, '0');
  const whole = digits.slice(0, digits.length - d.scale);
  const fraction = d.scale > 0 ? `.${digits.slice(digits.length - d.scale)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/** `d` scaled to exactly `scale` places (padding zeros); throws if that would lose digits. */
export function toFixed(d: Decimal, scale: number): string {
  if (d.scale > scale) throw new Error(`${toString(d)} has more than ${scale} decimal places`);
  return toString({ units: d.units * 10n ** BigInt(scale - d.scale), scale });
}
