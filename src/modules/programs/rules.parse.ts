/**
 * Parsing and validating rule sets and campaign definitions, as they are saved: the first bad field is
 * reported as RULES_INVALID with its JSON path (`rules[2].factor`) and what is wrong. Amounts are whole
 * numbers (JSON integers or digit strings); factors, percentages and prices are decimal strings (never
 * JSON floats, which could not be exact).
 */
import { compare, parseDecimal, type Decimal } from '../../platform/decimal.js';
import { ProgramsErrors } from './programs.exception.js';
import { checkCondition, LINE_VARS, MEMBER_VARS, PURCHASE_VARS } from './conditions.js';
import type { CampaignDefinition, CampaignReward, Caps, Rule, RuleSet } from './programs.model.js';

export const MAX_RULES = 100;
const MAX_JSON = 64 * 1024;
const MAX_WHOLE = 10n ** 15n;
const ID = /^[A-Za-z0-9_-]{1,40}$/;
const CURRENCY = /^[A-Z][A-Z0-9]{1,11}$/;
const TIER = /^[A-Z][A-Z0-9_]{0,31}$/;

const TIME_ZONES = new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']);

const LINE_LEVEL = [...PURCHASE_VARS, ...MEMBER_VARS, ...LINE_VARS];
const PURCHASE_LEVEL = [...PURCHASE_VARS, ...MEMBER_VARS];

export function parseJson(text: string, field: string): unknown {
  if (text.length > MAX_JSON) throw ProgramsErrors.invalid(field, `at most ${MAX_JSON} characters`);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw ProgramsErrors.invalid(field, 'not valid JSON');
  }
}

function object(v: unknown, field: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw ProgramsErrors.invalid(field, 'must be an object');
  return v as Record<string, unknown>;
}

function only(o: Record<string, unknown>, keys: readonly string[], field: string): void {
  for (const k of Object.keys(o))
    if (!keys.includes(k)) throw ProgramsErrors.invalid(`${field}.${k}`, `unknown field (allowed: ${keys.join(', ')})`);
}

function whole(v: unknown, field: string, min: bigint): bigint {
  let n: bigint | undefined;
  if (typeof v === 'number' && Number.isSafeInteger(v)) n = BigInt(v);
  else if (typeof v === 'string' && /^\d{1,16}$/.test(v)) n = BigInt(v);
  if (n === undefined || n < min || n > MAX_WHOLE)
    throw ProgramsErrors.invalid(field, `must be a whole number from ${min} to ${MAX_WHOLE}`);
  return n;
}

function decimal(v: unknown, field: string, min: Decimal, inclusive: boolean): Decimal {
  const d = typeof v === 'string' ? parseDecimal(v) : undefined;
  const cmp = d ? compare(d, min) : -1;
  if (!d || d.scale > 6 || cmp < 0 || (cmp === 0 && !inclusive) || compare(d, { units: 1_000_000n, scale: 0 }) > 0)
    throw ProgramsErrors.invalid(
      field,
      `must be a decimal string ${inclusive ? '≥' : '>'} ${min.units}${min.scale ? 'e-' + min.scale : ''} with at most 6 decimals`,
    );
  return d;
}

const ONE: Decimal = { units: 1n, scale: 0 };
const ZERO: Decimal = { units: 0n, scale: 0 };

function parseRule(v: unknown, field: string, used: Set<string>): Rule {
  const o = object(v, field);
  const id = o.id;
  if (typeof id !== 'string' || !ID.test(id))
    throw ProgramsErrors.invalid(`${field}.id`, 'must be 1 to 40 letters, digits, "_" or "-"');
  const when = (level: readonly string[]) =>
    o.when === undefined ? undefined : checkCondition(o.when, `${field}.when`, level, used);
  switch (o.kind) {
    case 'BASE':
      only(o, ['id', 'kind', 'points', 'per', 'when'], field);
      return {
        id,
        kind: 'BASE',
        points: whole(o.points, `${field}.points`, 1n),
        per: whole(o.per, `${field}.per`, 1n),
        when: when(PURCHASE_LEVEL),
      };
    case 'MULTIPLIER':
      only(o, ['id', 'kind', 'factor', 'when'], field);
      return {
        id,
        kind: 'MULTIPLIER',
        factor: decimal(o.factor, `${field}.factor`, ONE, false),
        when: when(LINE_LEVEL),
      };
    case 'BONUS':
      only(o, ['id', 'kind', 'points', 'when'], field);
      return { id, kind: 'BONUS', points: whole(o.points, `${field}.points`, 1n), when: when(PURCHASE_LEVEL) };
    case 'CASHBACK': {
      only(o, ['id', 'kind', 'percent', 'currency', 'unitPrice', 'when'], field);
      const currency = o.currency ?? 'PTS';
      if (typeof currency !== 'string' || !CURRENCY.test(currency))
        throw ProgramsErrors.invalid(`${field}.currency`, 'must be a points currency code');
      const unitPrice = o.unitPrice === undefined ? null : decimal(o.unitPrice, `${field}.unitPrice`, ZERO, false);
      if (currency !== 'PTS' && !unitPrice)
        throw ProgramsErrors.invalid(
          `${field}.unitPrice`,
          'is required for a branded currency (fiat minor units per point)',
        );
      return {
        id,
        kind: 'CASHBACK',
        percent: decimal(o.percent, `${field}.percent`, ZERO, false),
        currency,
        unitPrice,
        when: when(LINE_LEVEL),
      };
    }
    case 'EXCLUDE':
      only(o, ['id', 'kind', 'when'], field);
      if (o.when === undefined) throw ProgramsErrors.invalid(`${field}.when`, 'an exclusion needs a condition');
      return { id, kind: 'EXCLUDE', when: when(LINE_LEVEL) };
    default:
      throw ProgramsErrors.invalid(`${field}.kind`, 'must be one of BASE, MULTIPLIER, BONUS, CASHBACK, EXCLUDE');
  }
}

/** A rule set from its JSON text; `used` collects the condition variables it names. */
export function parseRuleSet(text: string, used = new Set<string>()): { ruleSet: RuleSet; source: unknown } {
  const source = parseJson(text, 'rules');
  const o = object(source, 'rules');
  only(o, ['minSpend', 'caps', 'rules'], 'rules');
  if (!Array.isArray(o.rules) || o.rules.length > MAX_RULES)
    throw ProgramsErrors.invalid('rules.rules', `must be a list of at most ${MAX_RULES} rules`);
  const rules = o.rules.map((r, i) => parseRule(r, `rules.rules[${i}]`, used));
  const ids = new Set<string>();
  for (const [i, r] of rules.entries()) {
    if (ids.has(r.id)) throw ProgramsErrors.invalid(`rules.rules[${i}].id`, `"${r.id}" is used twice`);
    ids.add(r.id);
  }
  const minSpend = o.minSpend === undefined ? 0n : whole(o.minSpend, 'rules.minSpend', 0n);
  const caps = o.caps === undefined ? null : parseCaps(o.caps, 'rules.caps');
  return { ruleSet: { minSpend, caps, rules }, source };
}

/** `{ perDay?, perMonth?, timeZone? }`: at least one cap; days and months in an IANA time zone (UTC by default). */
function parseCaps(v: unknown, field: string): Caps {
  const o = object(v, field);
  only(o, ['perDay', 'perMonth', 'timeZone'], field);
  const perDay = o.perDay === undefined ? null : whole(o.perDay, `${field}.perDay`, 1n);
  const perMonth = o.perMonth === undefined ? null : whole(o.perMonth, `${field}.perMonth`, 1n);
  if (perDay === null && perMonth === null) throw ProgramsErrors.invalid(field, 'needs perDay, perMonth or both');
  const timeZone = o.timeZone ?? 'UTC';
  if (typeof timeZone !== 'string' || !TIME_ZONES.has(timeZone))
    throw ProgramsErrors.invalid(`${field}.timeZone`, 'must be an IANA time zone name, e.g. Asia/Jakarta');
  return { perDay, perMonth, timeZone };
}

function parseReward(v: unknown, field: string): CampaignReward {
  const o = object(v, field);
  if (o.kind === 'BONUS') {
    only(o, ['kind', 'points'], field);
    return { kind: 'BONUS', points: whole(o.points, `${field}.points`, 1n) };
  }
  if (o.kind === 'MULTIPLIER') {
    only(o, ['kind', 'factor'], field);
    return { kind: 'MULTIPLIER', factor: decimal(o.factor, `${field}.factor`, ONE, false) };
  }
  throw ProgramsErrors.invalid(`${field}.kind`, 'must be BONUS or MULTIPLIER');
}

/** A campaign's definition from its JSON text: `{ reward, when?, tiers? }`. */
export function parseCampaignDefinition(
  text: string,
  used = new Set<string>(),
): { definition: CampaignDefinition; source: unknown } {
  const source = parseJson(text, 'definition');
  const o = object(source, 'definition');
  only(o, ['reward', 'when', 'tiers'], 'definition');
  const reward = parseReward(o.reward, 'definition.reward');
  const when = o.when === undefined ? undefined : checkCondition(o.when, 'definition.when', PURCHASE_LEVEL, used);
  const tiers = o.tiers ?? [];
  if (!Array.isArray(tiers) || tiers.length > 20 || tiers.some((t) => typeof t !== 'string' || !TIER.test(t)))
    throw ProgramsErrors.invalid('definition.tiers', 'must be a list of at most 20 tier names');
  if (tiers.length > 0) used.add('member.tier');
  return { definition: { reward, when, tiers: tiers as string[] }, source };
}
