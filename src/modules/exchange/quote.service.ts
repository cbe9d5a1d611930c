/**
 * Quotes and conversions. A quote prices a conversion at the rates in effect
 * now, rounds the output down (in the hub's favour, the rounding shown), and
 * locks that price for a short time; `exchange` posts it at most once, through
 * the ledger, with the quote marked used in the same transaction.
 */
import { checkId } from '../../platform/graphql/ids.js';
import type { Sql, SqlClient } from '../../platform/db/sql.js';
import { newId } from '../../platform/ids.js';
import { floor, fromBigInt, mul, normalise, sub, toString, ONE, type Decimal } from '../../platform/decimal.js';
import { badInput, notFound } from '../../platform/graphql/errors.js';
import {
  checkAmount,
  COALITION_CURRENCY,
  LedgerErrors,
  type LedgerService,
  type OperationOutcome,
} from '../ledger/index.js';
import { toBig, toDate } from '../../platform/db/values.js';
import { effectiveFactor, RateDirection, type QuoteRow, type RateRow } from './exchange.model.js';
import type { RateService } from './rate.service.js';
import { ExchangeErrors } from './exchange.exception.js';

/** Who asks: a member (own token), or a partner acting for one of its linked members. */
export interface QuoteCaller {
  memberId: string;
  partnerId?: string;
}

export interface QuoteRequest {
  from: string;
  to: string;
  amount: bigint;
}

const COLUMNS = `id, member_id, requested_by_partner_id, from_currency, to_currency, amount_in::text as amount_in, amount_out::text as amount_out,
  pts_amount::text as pts_amount, rate, gross_rate, spread, exact_out, out_rate_id, in_rate_id, expires_at, used_at, created_at`;

export function quoteFrom(r: Record<string, unknown>): QuoteRow {
  return {
    id: r.id as string,
    memberId: r.member_id as string,
    requestedByPartnerId: (r.requested_by_partner_id as string | null) ?? null,
    fromCurrency: r.from_currency as string,
    toCurrency: r.to_currency as string,
    amountIn: toBig(r.amount_in),
    amountOut: toBig(r.amount_out),
    ptsAmount: toBig(r.pts_amount),
    rate: r.rate as string,
    grossRate: (r.gross_rate as string | null) ?? (r.rate as string),
    spread: r.spread as string,
    exactOut: r.exact_out as string,
    outRateId: (r.out_rate_id as string | null) ?? null,
    inRateId: (r.in_rate_id as string | null) ?? null,
    expiresAt: toDate(r.expires_at),
    usedAt: r.used_at == null ? null : toDate(r.used_at),
    createdAt: toDate(r.created_at),
  };
}

export class QuoteService {
  constructor(
    private readonly sql: Sql,
    private readonly rates: RateService,
    private readonly ledger: LedgerService,
    private readonly settings: { quoteTtlSeconds: number; maxPointsPerOperation: bigint },
  ) {}

  private async rateOrFail(currency: string, direction: RateDirection): Promise<RateRow> {
    const rate = await this.rates.at(currency, direction);
    if (!rate) throw ExchangeErrors.rateUnavailable(currency, direction);
    return rate;
  }

  async quote(caller: QuoteCaller, req: QuoteRequest): Promise<QuoteRow> {
    const amount = checkAmount(req.amount, this.settings.maxPointsPerOperation);
    if (req.from === req.to) throw ExchangeErrors.identicalCurrencies();
    const [from, to] = await Promise.all([this.ledger.currencies.get(req.from), this.ledger.currencies.get(req.to)]);
    if (caller.partnerId) {
      // A partner converts only between PTS and its own points.
      for (const c of [from, to])
        if (c.kind === 'BRANDED' && c.issuerPartnerId !== caller.partnerId)
          throw LedgerErrors.currencyNotIssuable(c.code);
    }
    const out = from.kind === 'BRANDED' ? await this.rateOrFail(from.code, RateDirection.TO_PTS) : undefined;
    const into = to.kind === 'BRANDED' ? await this.rateOrFail(to.code, RateDirection.FROM_PTS) : undefined;
    if (!out && !into) throw ExchangeErrors.notConvertible();
    // The leg that takes the member's points sets the minimum and the increment.
    const first = (out ?? into)!;
    if (amount < first.minimumAmount) throw ExchangeErrors.belowMinimum(first.minimumAmount);
    if (amount % first.increment !== 0n) throw ExchangeErrors.notAMultiple(first.increment);

    const factor: Decimal = mul(out ? effectiveFactor(out) : ONE, into ? effectiveFactor(into) : ONE);
    // Before spreads, and the spread both legs take together: factor = grossRate × (1 − spread).
    const grossRate = mul(out ? out.rate : ONE, into ? into.rate : ONE);
    const spread = sub(ONE, mul(out ? sub(ONE, out.spread) : ONE, into ? sub(ONE, into.spread) : ONE));
    const exactOut = mul(fromBigInt(amount), factor);
    const amountOut = floor(exactOut);
    if (amountOut < 1n) throw ExchangeErrors.tooSmall();
    if (amountOut > this.settings.maxPointsPerOperation)
      throw badInput(
        `amount converts to more than ${this.settings.maxPointsPerOperation}, the most one operation may move.`,
        'amount',
      );
    const ptsAmount =
      from.code === COALITION_CURRENCY
        ? amount
        : to.code === COALITION_CURRENCY
          ? amountOut
          : floor(mul(fromBigInt(amount), effectiveFactor(out!)));

    const [row] = await this.sql.query(
      `insert into exchange_quote (id, member_id, requested_by_partner_id, from_currency, to_currency, amount_in, amount_out, pts_amount, rate, gross_rate, spread, exact_out, out_rate_id, in_rate_id, expires_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, hub_now() + make_interval(secs => $15)) returning ${COLUMNS}`,
      [
        newId(),
        caller.memberId,
        caller.partnerId ?? null,
        from.code,
        to.code,
        amount.toString(),
        amountOut.toString(),
        ptsAmount.toString(),
        toString(factor),
        toString(grossRate),
        toString(spread),
        toString(exactOut),
        out?.id ?? null,
        into?.id ?? null,
        this.settings.quoteTtlSeconds,
      ],
    );
    return quoteFrom(row!);
  }

  /** A quote the caller may use: the member's own, or one this partner asked for its member. */
  async visibleQuote(caller: QuoteCaller, quoteId: string): Promise<QuoteRow> {
    const [row] = await this.sql.query(`select ${COLUMNS} from exchange_quote where id = $1 and member_id = $2`, [
      checkId(quoteId, 'Quote'),
      caller.memberId,
    ]);
    const quote = row ? quoteFrom(row) : undefined;
    if (!quote || (caller.partnerId && quote.requestedByPartnerId !== caller.partnerId)) throw notFound('Quote');
    return quote;
  }

  /** A quote this partner asked for one of its members. */
  async quoteOfPartner(partnerId: string, quoteId: string): Promise<QuoteRow> {
    const [row] = await this.sql.query(
      `select ${COLUMNS} from exchange_quote where id = $1 and requested_by_partner_id = $2`,
      [checkId(quoteId, 'Quote'), partnerId],
    );
    if (!row) throw notFound('Quote');
    return quoteFrom(row);
  }

  /** Posts a quote's conversion once. Idempotent per key; the quote can serve one operation only. */
  async exchange(caller: QuoteCaller, quoteId: string, idempotencyKey: string): Promise<OperationOutcome> {
    const quote = await this.visibleQuote(caller, quoteId);
    const [from, to] = await Promise.all([
      this.ledger.currencies.get(quote.fromCurrency),
      this.ledger.currencies.get(quote.toCurrency),
    ]);
    return this.ledger.conversion.convert({
      scope: caller.partnerId ? `partner:${caller.partnerId}` : `member:${caller.memberId}`,
      idempotencyKey,
      quoteId: quote.id,
      memberId: quote.memberId,
      from: { currency: from.code, amount: quote.amountIn, partnerId: from.issuerPartnerId },
      to: { currency: to.code, amount: quote.amountOut, partnerId: to.issuerPartnerId },
      ptsAmount: quote.ptsAmount,
      // Converting branded points into PTS is an issuance of PTS by that brand.
      lotIssuerPartnerId: to.issuerPartnerId ?? from.issuerPartnerId,
      claimQuote: (tx, operationId) => QuoteService.claim(tx, quote.id, operationId),
    });
  }

  /** Marks the quote used by `operationId`, or rejects (writing nothing) if it expired or was used. */
  static async claim(tx: SqlClient, quoteId: string, operationId: string): Promise<void> {
    const claimed = await tx.query(
      `update exchange_quote set used_at = hub_now(), used_by_operation_id = $2 where id = $1 and used_at is null and expires_at > hub_now() returning id`,
      [quoteId, operationId],
    );
    if (claimed.length === 1) return;
    const [q] = await tx.query<{ used: boolean }>(
      `select used_at is not null as used from exchange_quote where id = $1`,
      [quoteId],
    );
    throw q?.used ? ExchangeErrors.quoteUsed() : ExchangeErrors.quoteExpired();
  }
}

/**
 * exact_out is this module's own exact product (up to 48 decimals across two
 * legs of 12-decimal rates and spreads), beyond parseDecimal's limits for
 * input, so it is read back without them.
 */
function exactFrom(text: string): Decimal {
  const [whole, fraction = ''] = text.split('.');
  return normalise({ units: BigInt(whole! + fraction), scale: fraction.length });
}

/** What rounding down cost the member, in minor units of the target currency (exact). */
export const roundingOf = (q: QuoteRow): string => toString(sub(exactFrom(q.exactOut), fromBigInt(q.amountOut)));
