/**
 * Exchange rates of branded currencies against PTS: effective-dated versions,
 * never edited or backdated; a new version supersedes. Setting a rate is
 * refused when it would make any round trip profitable.
 *
 * Why checking each currency's round trip through PTS is enough: every
 * conversion goes through PTS (a cross rate A → B is A → PTS → B), so the
 * factor of any cycle of conversions is a product of round trips
 * PTS → X → PTS. If none of those exceeds 1, no cycle can.
 */
import type { Sql, SqlClient } from '../../platform/db/sql.js';
import { newId } from '../../platform/ids.js';
import { compare, mul, parseDecimal, toString, ONE, type Decimal } from '../../platform/decimal.js';
import { badInput } from '../../platform/graphql/errors.js';
import { COALITION_CURRENCY, type CurrencyService } from '../ledger/index.js';
import { toBig, toDate } from '../../platform/db/values.js';
import { effectiveFactor, RateDirection, type RateRow } from './exchange.model.js';
import { ExchangeErrors } from './exchange.exception.js';
import { clock } from '../../platform/clock.js';

export interface NewRate {
  currency: string;
  direction: RateDirection;
  rate: string;
  spread: string;
  minimumAmount: bigint;
  increment: bigint;
  effectiveFrom?: Date | null;
}

const COLUMNS = `id, currency, direction, rate::text as rate, spread::text as spread, minimum_amount::text as minimum_amount, increment::text as increment, effective_from, created_at`;
/** Small allowance for "now" sent by a client whose clock is a little behind. */
const BACKDATE_TOLERANCE_MS = 5_000;
const MAX_RATE_DECIMALS = 12;
/** exchange_rate.rate is numeric(30, 12): at most 18 digits before the point. */
const RATE_LIMIT = 10n ** 18n;

export function rateFrom(r: Record<string, unknown>): RateRow {
  return {
    id: r.id as string,
    currency: r.currency as string,
    direction: r.direction as RateDirection,
    rate: parseDecimal(r.rate as string)!,
    spread: parseDecimal(r.spread as string)!,
    minimumAmount: toBig(r.minimum_amount),
    increment: toBig(r.increment),
    effectiveFrom: toDate(r.effective_from),
    createdAt: toDate(r.created_at),
  };
}

function checkDecimal(text: string, field: string, { allowZero }: { allowZero: boolean }): Decimal {
  const d = parseDecimal(text);
  if (!d || d.scale > MAX_RATE_DECIMALS)
    throw ExchangeErrors.invalidRate(
      field,
      `must be a decimal number with at most ${MAX_RATE_DECIMALS} decimal places.`,
    );
  if (d.units < 0n || (!allowZero && d.units === 0n))
    throw ExchangeErrors.invalidRate(field, allowZero ? 'must not be negative.' : 'must be greater than zero.');
  if (d.units >= RATE_LIMIT * 10n ** BigInt(d.scale))
    throw ExchangeErrors.invalidRate(field, `must be below ${RATE_LIMIT}.`);
  return d;
}

export class RateService {
  constructor(
    private readonly sql: Sql,
    private readonly currencies: CurrencyService,
  ) {}

  async set(input: NewRate): Promise<RateRow> {
    const rate = checkDecimal(input.rate, 'rate', { allowZero: false });
    const spread = checkDecimal(input.spread, 'spread', { allowZero: true });
    if (compare(spread, ONE) >= 0) throw ExchangeErrors.invalidRate('spread', 'must be below 1.');
    if (input.minimumAmount <= 0n) throw badInput('minimumAmount must be greater than zero.', 'minimumAmount');
    if (input.increment <= 0n) throw badInput('increment must be greater than zero.', 'increment');
    const currency = await this.currencies.get(input.currency);
    if (currency.kind !== 'BRANDED') throw ExchangeErrors.notBranded(currency.code);
    if (input.effectiveFrom && input.effectiveFrom.getTime() < clock.nowMs() - BACKDATE_TOLERANCE_MS)
      throw ExchangeErrors.backdated();

    return this.sql.transaction(async (tx) => {
      // One rate change at a time, so two changes cannot each pass the arbitrage check and together fail it.
      await tx.query(`select pg_advisory_xact_lock(hashtext('exchange_rate'))`);
      // Never before this moment (after the lock): a start the tolerance let through, or a transaction that waited for the lock, must not rewrite what was already in effect.
      const [{ at }] = (await tx.query<{ at: unknown }>(
        `select greatest($1::timestamptz, hub_clock_timestamp()) as at`,
        [input.effectiveFrom ?? null],
      )) as [{ at: unknown }];
      const effectiveFrom = toDate(at);
      const candidate: RateRow = {
        id: newId(),
        currency: currency.code,
        direction: input.direction,
        rate,
        spread,
        minimumAmount: input.minimumAmount,
        increment: input.increment,
        effectiveFrom,
        createdAt: clock.now(),
      };
      await this.checkNoArbitrage(tx, candidate);
      const rows = await tx.query(
        `insert into exchange_rate (id, currency, direction, rate, spread, minimum_amount, increment, effective_from)
         values ($1, $2, $3, $4::numeric, $5::numeric, $6, $7, $8) on conflict (currency, direction, effective_from) do nothing returning ${COLUMNS}`,
        [
          candidate.id,
          candidate.currency,
          candidate.direction,
          toString(rate),
          toString(spread),
          input.minimumAmount.toString(),
          input.increment.toString(),
          effectiveFrom,
        ],
      );
      if (!rows[0]) throw ExchangeErrors.rateVersionExists();
      return rateFrom(rows[0]);
    });
  }

  /**
   * The candidate's round trip PTS → X → PTS, against every version of the
   * opposite direction that will be in effect at some instant while the
   * candidate is (the one in effect when it starts, and any later one).
   */
  private async checkNoArbitrage(tx: SqlClient, candidate: RateRow): Promise<void> {
    const opposite = candidate.direction === RateDirection.TO_PTS ? RateDirection.FROM_PTS : RateDirection.TO_PTS;
    const rows = await tx.query(
      `select ${COLUMNS} from exchange_rate where currency = $1 and direction = $2
          and effective_from >= coalesce((select max(effective_from) from exchange_rate where currency = $1 and direction = $2 and effective_from <= $3), '-infinity')`,
      [candidate.currency, opposite, candidate.effectiveFrom],
    );
    const mine = effectiveFactor(candidate);
    for (const other of rows.map(rateFrom)) {
      const product = mul(mine, effectiveFactor(other));
      if (compare(product, ONE) > 0)
        throw ExchangeErrors.arbitrage([COALITION_CURRENCY, candidate.currency, COALITION_CURRENCY], toString(product));
    }
  }

  /** The version in effect at `at` (now when omitted), or undefined. */
  async at(currency: string, direction: RateDirection, at?: Date | null): Promise<RateRow | undefined> {
    const [row] = await this.sql.query(
      `select ${COLUMNS} from exchange_rate where currency = $1 and direction = $2 and effective_from <= coalesce($3::timestamptz, hub_now())
        order by effective_from desc limit 1`,
      [currency, direction, at ?? null],
    );
    return row ? rateFrom(row) : undefined;
  }

  /** Every version, newest first. */
  async history(currency: string, direction?: RateDirection | null): Promise<RateRow[]> {
    const rows = await this.sql.reads.query(
      `select ${COLUMNS} from exchange_rate where currency = $1 and ($2::text is null or direction = $2) order by effective_from desc, direction`,
      [currency, direction ?? null],
    );
    return rows.map(rateFrom);
  }
}
