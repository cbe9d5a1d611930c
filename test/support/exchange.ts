/**
 * Exchange test helpers: the exchange operations as typed GraphQL documents,
 * wrappers that call them over HTTP, exact expected values computed with
 * bigint arithmetic (independently of src/platform/decimal.ts), and row
 * counts of every table an exchange can write.
 *
 *   const ex = exchangeHelpers(app, ledger);
 *   const miles = await ex.brand(airline, 'MILES');
 *   await ex.setRateOk(miles, 'TO_PTS', '0.5', '0.02', 100, 100);
 */
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { graphql } from '../generated/index.js';
import type { ExchangeRateDirection } from '../generated/graphql.js';
import { errorCodes, type GraphQLResponse, dataOf } from './graphql-client.js';
import { CreateCurrency, ledgerHelpers, newKey, type LedgerHelpers } from './ledger.js';
import { memberHelpers } from './members.js';
import { initTestApp, LONG_LIVED_TOKENS, type TestApp, type TestPartner } from './test-app.js';

export const SetExchangeRate = graphql(`
  mutation SetExchangeRate($input: SetExchangeRateInput!) {
    setExchangeRate(input: $input) {
      id
      currency
      direction
      rate
      spread
      minimumAmount
      increment
      effectiveFrom
      createdAt
    }
  }
`);

export const ExchangeRates = graphql(`
  query ExchangeRates($currency: String!, $direction: ExchangeRateDirection) {
    exchangeRates(currency: $currency, direction: $direction) {
      id
      currency
      direction
      rate
      spread
      minimumAmount
      increment
      effectiveFrom
      createdAt
    }
  }
`);

export const ExchangeRateAt = graphql(`
  query ExchangeRateAt($currency: String!, $direction: ExchangeRateDirection!, $at: DateTime) {
    exchangeRateAt(currency: $currency, direction: $direction, at: $at) {
      id
      currency
      direction
      rate
      spread
      minimumAmount
      increment
      effectiveFrom
      createdAt
    }
  }
`);

export const QuoteExchange = graphql(`
  mutation QuoteExchange($input: QuoteExchangeInput!) {
    quoteExchange(input: $input) {
      id
      memberId
      fromCurrency
      toCurrency
      amountIn
      amountOut
      rate
      exactAmountOut
      rounding
      outRateId
      inRateId
      expiresAt
      usedAt
    }
  }
`);

export const ExchangePoints = graphql(`
  mutation ExchangePoints($input: ExchangePointsInput!) {
    exchangePoints(input: $input) {
      operationId
      replayed
      transfer {
        id
        operationId
        kind
        currency
        amount
        walletDelta
        partnerId
        memberId
      }
      transfers {
        id
        operationId
        kind
        currency
        amount
        walletDelta
        partnerId
        memberId
      }
      balance {
        available
        held
        owed
      }
    }
  }
`);

export type Direction = ExchangeRateDirection;

/** Exact rationals whose denominators are powers of ten: what a decimal string means, as bigints. */
export interface Exact {
  n: bigint;
  /** Decimal places: value = n / 10^p. */
  p: number;
}

export function exact(text: string): Exact {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) throw new Error(`not a plain decimal: ${text}`);
  return { n: BigInt(m[1]! + (m[2] ?? '')), p: (m[2] ?? '').length };
}

export const times = (a: Exact, b: Exact): Exact => ({ n: a.n * b.n, p: a.p + b.p });
/** rate × (1 − spread), exactly. */
export const factorOf = (rate: string, spread: string): Exact => {
  const s = exact(spread);
  return times(exact(rate), { n: 10n ** BigInt(s.p) - s.n, p: s.p });
};

/** Prints an exact value without trailing zeros ("626.373", "0", "0.000000000000000000000001"). */
export function print(x: Exact): string {
  const d = 10n ** BigInt(x.p);
  const whole = x.n / d;
  const frac = (x.n % d).toString().padStart(x.p, '0').replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : `${whole}`;
}

/** What a quote of `amount` at the product of `factors` must show: exact output, output rounded down, the rounding. */
export function expectedQuote(amount: bigint, ...factors: Exact[]) {
  const f = factors.reduce(times, { n: 1n, p: 0 });
  const exactOut = times({ n: amount, p: 0 }, f);
  const d = 10n ** BigInt(exactOut.p);
  const amountOut = exactOut.n / d; // non-negative: truncation is rounding down
  return {
    rate: print(f),
    exactAmountOut: print(exactOut),
    amountOut: amountOut.toString(),
    rounding: print({ n: exactOut.n % d, p: exactOut.p }),
  };
}

/** Tables an exchange request may write. */
export const EXCHANGE_TABLES = [
  'exchange_rate',
  'exchange_quote',
  'operation',
  'transfer',
  'entry',
  'lot',
  'lot_movement',
  'account',
] as const;

export function exchangeHelpers(app: TestApp, ledger: LedgerHelpers) {
  const operatorToken = ledger.operatorToken;

  /** A branded currency issued by `partner` (a fresh code unless given). */
  async function brand(
    partner: TestPartner,
    code = `X${randomBytes(4).toString('hex').toUpperCase()}`,
    expiryPolicy: 'NONE' | 'FIXED' = 'NONE',
    expiryPeriod?: string,
  ) {
    await app.gqlOk(
      CreateCurrency,
      { input: { code, name: `Brand ${code}`, issuerPartnerId: partner.id, expiryPolicy, expiryPeriod } },
      await operatorToken(),
    );
    return code;
  }

  const setRate = async (
    currency: string,
    direction: Direction,
    rate: string,
    spread = '0',
    minimumAmount: number | bigint | string = 1,
    increment: number | bigint | string = 1,
    effectiveFrom?: string | Date,
    token?: string,
  ) =>
    app.gql(
      SetExchangeRate,
      {
        input: {
          currency,
          direction,
          rate,
          spread,
          minimumAmount: String(minimumAmount),
          increment: String(increment),
          effectiveFrom: effectiveFrom instanceof Date ? effectiveFrom.toISOString() : effectiveFrom,
        },
      },
      token ?? (await operatorToken()),
    );

  const setRateOk = async (...args: Parameters<typeof setRate>) => dataOf(await setRate(...args)).setExchangeRate;

  const rates = async (currency: string, direction?: Direction) =>
    (await app.gqlOk(ExchangeRates, { currency, direction }, await operatorToken())).exchangeRates;
  const rateAt = async (currency: string, direction: Direction, at?: string | Date) =>
    app.gql(
      ExchangeRateAt,
      { currency, direction, at: at instanceof Date ? at.toISOString() : at },
      await operatorToken(),
    );

  /** A quote asked with a member token (no member ref) or a partner token (with `member`). */
  const quote = (token: string, from: string, to: string, amount: number | bigint | string, member?: string) =>
    app.gql(
      QuoteExchange,
      { input: { from, to, amount: String(amount), member: member ? { memberId: member } : undefined } },
      token,
    );

  const quoteOk = async (...args: Parameters<typeof quote>) => dataOf(await quote(...args)).quoteExchange;

  const exchange = (token: string, quoteId: string, idempotencyKey = newKey('exchange')) =>
    app.gql(ExchangePoints, { input: { quoteId, idempotencyKey } }, token);

  const exchangeOk = async (...args: Parameters<typeof exchange>) => dataOf(await exchange(...args)).exchangePoints;

  async function counts(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const t of EXCHANGE_TABLES) out[t] = await app.count(t);
    return out;
  }

  const rejectedOperations = async () =>
    (
      await app.hub.db.sql.query<{ n: number }>(`select count(*)::int as n from operation where status = 'REJECTED'`)
    )[0]!.n;

  /**
   * Runs `request`, expects exactly `code`, and proves nothing was written. A
   * business rejection of a posting (`recorded`) is final for its idempotency
   * key, like every ledger operation: exactly one REJECTED operation row, and
   * nothing else.
   */
  async function refused<T>(
    code: string,
    request: () => Promise<GraphQLResponse<T>>,
    recorded = false,
  ): Promise<GraphQLResponse<T>> {
    const before = await counts();
    const rejected = await rejectedOperations();
    const res = await request();
    expect(errorCodes(res), JSON.stringify(res.errors)).toEqual([code]);
    expect(res.data ?? null).toBeNull();
    const after = await counts();
    if (recorded) {
      // Known: a posting creates its (empty) accounts before its transaction, so a business rejection may leave new empty accounts behind.
      expect(after.account).toBeGreaterThanOrEqual(before.account!);
      after.account = before.account!;
    }
    expect(after).toEqual({ ...before, operation: before.operation! + (recorded ? 1 : 0) });
    expect(await rejectedOperations()).toBe(rejected + (recorded ? 1 : 0));
    return res;
  }

  /** Lots of one member's wallet in one currency, oldest first. */
  async function lots(memberId: string, currency: string) {
    return app.hub.db.sql.query<{
      id: string;
      issuer_partner_id: string | null;
      source_transfer_id: string;
      amount: string;
      remaining: string;
      expires_at: Date | null;
    }>(
      `select l.id, l.issuer_partner_id, l.source_transfer_id, l.amount::text as amount, l.remaining::text as remaining, l.expires_at
         from lot l join account a on a.id = l.wallet_account_id
        where a.member_id = $1 and l.currency = $2 order by l.created_at, l.id`,
      [memberId, currency],
    );
  }

  return { brand, setRate, setRateOk, rates, rateAt, quote, quoteOk, exchange, exchangeOk, counts, refused, lots };
}

export type ExchangeHelpers = ReturnType<typeof exchangeHelpers>;

/** Outcome code of a response: 'OK' or the first error code. */
export const outcome = (r: GraphQLResponse<unknown>): string =>
  r.errors?.length ? (errorCodes(r)[0] ?? 'ERROR') : 'OK';

/**
 * The exchange tests' coalition, on a fresh hub: an airline issuing MILES and
 * a hotel (issuing STARS when `stars` is set), both rated against PTS.
 */
export async function exchangeCoalition(options: { stars?: boolean; dbPoolSize?: number } = {}) {
  // Long-lived tokens: expiry tests move hub time past lot lifetimes.
  const app = await initTestApp({ config: { ...LONG_LIVED_TOKENS, dbPoolSize: options.dbPoolSize ?? 10 } });
  const ledger = ledgerHelpers(app);
  const members = memberHelpers(app);
  const ex = exchangeHelpers(app, ledger);
  const [airline, hotel] = [await app.createPartner(), await app.createPartner()];
  const miles = await ex.brand(airline, 'MILES');
  const stars = options.stars ? await ex.brand(hotel, 'STARS') : '';
  await ex.setRateOk(miles, 'TO_PTS', '0.5', '0.02', 100, 100);
  await ex.setRateOk(miles, 'FROM_PTS', '1.9', '0.01', 1, 1);
  if (options.stars) {
    await ex.setRateOk(stars, 'TO_PTS', '0.25', '0', 1, 1);
    await ex.setRateOk(stars, 'FROM_PTS', '4', '0.01', 1, 1);
  }
  return { app, ledger, members, ex, airline, hotel, miles, stars };
}
