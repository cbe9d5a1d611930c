/**
 * Partner contracts: versions by effective date, never edited. Prices may be
 * scheduled ahead; the settlement currency and period are fixed by the first
 * version; billing terms (mode, credit limit) change at once and reset the
 * partner's budget accordingly.
 */
import type { Sql, SqlClient } from '../../platform/db/sql.js';
import { newId } from '../../platform/ids.js';
import { compare, parseDecimal, sub, toString, type Decimal } from '../../platform/decimal.js';
import { badInput } from '../../platform/graphql/errors.js';
import { toDate } from '../../platform/db/values.js';
import { BillingMode, SettlementPeriod, type ContractRow } from './settlement.model.js';
import { SettlementErrors } from './settlement.exception.js';
import { hasControlCharacter } from '../../platform/text.js';
import { clock } from '../../platform/clock.js';

export interface NewContract {
  partnerId: string;
  effectiveFrom?: Date | null;
  settlementCurrency: string;
  issuePrice: string;
  redemptionPrice: string;
  billingMode: BillingMode;
  creditLimit?: string | null;
  period: SettlementPeriod;
  periodSeconds?: number | null;
}

const COLUMNS = `id, partner_id, version, effective_from, settlement_currency, fiat_scale, issue_price::text as issue_price, redemption_price::text as redemption_price,
  billing_mode, credit_limit::text as credit_limit, period, period_seconds, created_at`;
const BACKDATE_TOLERANCE_MS = 5_000;
const ISO_4217 = new Set(Intl.supportedValuesOf('currency'));

/** ISO 4217 minor-unit exponents that are not 2 (Intl's display digits differ from ISO for some, e.g. IDR). */
const ISO_EXPONENT: Record<string, number> = {
  ...Object.fromEntries(
    [
      'BIF',
      'CLP',
      'DJF',
      'GNF',
      'ISK',
      'JPY',
      'KMF',
      'KRW',
      'PYG',
      'RWF',
      'UGX',
      'UYI',
      'VND',
      'VUV',
      'XAF',
      'XOF',
      'XPF',
    ].map((c) => [c, 0]),
  ),
  ...Object.fromEntries(['BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND'].map((c) => [c, 3])),
  CLF: 4,
  UYW: 4,
};
export const fiatScaleOf = (code: string): number => ISO_EXPONENT[code] ?? 2;

export function contractFrom(r: Record<string, unknown>): ContractRow {
  return {
    id: r.id as string,
    partnerId: r.partner_id as string,
    version: Number(r.version),
    effectiveFrom: toDate(r.effective_from),
    settlementCurrency: r.settlement_currency as string,
    fiatScale: Number(r.fiat_scale),
    issuePrice: parseDecimal(r.issue_price as string)!,
    redemptionPrice: parseDecimal(r.redemption_price as string)!,
    billingMode: r.billing_mode as BillingMode,
    creditLimit: r.credit_limit == null ? null : parseDecimal(r.credit_limit as string)!,
    period: r.period as SettlementPeriod,
    periodSeconds: r.period_seconds == null ? null : Number(r.period_seconds),
    createdAt: toDate(r.created_at),
  };
}

function price(text: string, field: string): Decimal {
  const d = parseDecimal(text);
  if (!d || d.units < 0n || d.scale > 12) throw SettlementErrors.negativePrice(field);
  return d;
}

const sameLimit = (a: Decimal | null, b: Decimal | null) => (a == null ? b == null : b != null && compare(a, b) === 0);

/**
 * A postpaid partner's credit left: the limit less its issuance not yet paid
 * for, recomputed from the valuations (never below zero: over the limit,
 * nothing more can be issued until statements are paid). The budget row is
 * locked first, so the exposure read after it includes every issuance that
 * drew on the budget before.
 */
export async function setCreditLeft(tx: SqlClient, partnerId: string, limit: Decimal): Promise<void> {
  await tx.query(
    `insert into partner_budget (partner_id, remaining) values ($1, 0) on conflict (partner_id) do nothing`,
    [partnerId],
  );
  await tx.query(`select 1 from partner_budget where partner_id = $1 for update`, [partnerId]);
  const [{ exposure }] = (await tx.query<{ exposure: string }>(
    `select coalesce(sum(v.amount), 0)::text as exposure from transfer_valuation v
      where v.partner_id = $1 and v.kind in ('ISSUANCE', 'ISSUANCE_REVERSAL', 'CONVERSION_IN')
        and not exists (select 1 from statement_transfer st join settlement_statement s on s.id = st.statement_id where st.transfer_id = v.transfer_id and s.paid_at is not null)`,
    [partnerId],
  )) as [{ exposure: string }];
  const remaining = sub(limit, parseDecimal(exposure)!);
  await tx.query(`update partner_budget set remaining = $2::numeric, updated_at = hub_now() where partner_id = $1`, [
    partnerId,
    remaining.units < 0n ? '0' : toString(remaining),
  ]);
}

export class ContractService {
  constructor(private readonly sql: Sql) {}

  async set(input: NewContract): Promise<ContractRow> {
    const issue = price(input.issuePrice, 'issuePrice');
    const redemption = price(input.redemptionPrice, 'redemptionPrice');
    if (!ISO_4217.has(input.settlementCurrency)) throw SettlementErrors.unknownFiat(input.settlementCurrency);
    const fiatScale = fiatScaleOf(input.settlementCurrency);
    let limit: Decimal | null = null;
    if (input.creditLimit != null) {
      if (input.billingMode !== BillingMode.POSTPAID)
        throw badInput('creditLimit applies to POSTPAID contracts only.', 'creditLimit');
      limit = parseDecimal(input.creditLimit) ?? null;
      if (!limit || limit.units < 0n || limit.scale > fiatScale)
        throw badInput(`creditLimit must be a non-negative amount with at most ${fiatScale} decimals.`, 'creditLimit');
    }
    if ((input.period === SettlementPeriod.CUSTOM) !== (input.periodSeconds != null))
      throw badInput('periodSeconds is required for CUSTOM periods and only for them.', 'periodSeconds');
    if (
      input.periodSeconds != null &&
      (!Number.isInteger(input.periodSeconds) || input.periodSeconds < 1 || input.periodSeconds > 366 * 86_400)
    ) {
      throw badInput('periodSeconds must be 1 to 31622400.', 'periodSeconds');
    }
    if (input.effectiveFrom && input.effectiveFrom.getTime() < clock.nowMs() - BACKDATE_TOLERANCE_MS)
      throw SettlementErrors.backdated();

    return this.sql.transaction(async (tx) => {
      // One contract change per partner at a time.
      await tx.query(`select pg_advisory_xact_lock(hashtext('contract:' || $1))`, [input.partnerId]);
      const [latest] = (
        await tx.query(
          `select ${COLUMNS} from partner_contract where partner_id = $1 order by effective_from desc limit 1`,
          [input.partnerId],
        )
      ).map(contractFrom);
      if (latest) {
        if (latest.settlementCurrency !== input.settlementCurrency)
          throw SettlementErrors.termsFixed('settlementCurrency');
        if (latest.period !== input.period || latest.periodSeconds !== (input.periodSeconds ?? null))
          throw SettlementErrors.termsFixed('period');
      }
      const billingChanged =
        !latest || latest.billingMode !== input.billingMode || !sameLimit(latest.creditLimit, limit);
      if (
        billingChanged &&
        input.effectiveFrom &&
        input.effectiveFrom.getTime() > clock.nowMs() + BACKDATE_TOLERANCE_MS
      )
        throw SettlementErrors.billingNotImmediate();
      // A version scheduled ahead carries the old billing terms: when it takes effect it would silently undo this change.
      if (billingChanged && latest && latest.effectiveFrom.getTime() > clock.nowMs())
        throw SettlementErrors.billingWhileScheduled(latest.effectiveFrom);
      // Never before this moment (after the lock): a start the tolerance let through, or a transaction that waited for the lock, must not re-price what was already valued.
      const rows = await tx.query(
        `insert into partner_contract (id, partner_id, version, effective_from, settlement_currency, fiat_scale, issue_price, redemption_price, billing_mode, credit_limit, period, period_seconds)
         select $1, $2, coalesce((select max(version) from partner_contract where partner_id = $2), 0) + 1, greatest($3::timestamptz, hub_clock_timestamp()), $4, $5, $6::numeric, $7::numeric, $8, $9::numeric, $10, $11
          where exists (select 1 from partner where id = $2)
         on conflict (partner_id, effective_from) do nothing returning ${COLUMNS}`,
        [
          newId(),
          input.partnerId,
          input.effectiveFrom ?? null,
          input.settlementCurrency,
          fiatScale,
          toString(issue),
          toString(redemption),
          input.billingMode,
          limit && toString(limit),
          input.period,
          input.periodSeconds ?? null,
        ],
      );
      if (!rows[0]) {
        const exists = await tx.query(`select 1 from partner where id = $1`, [input.partnerId]);
        throw exists.length
          ? SettlementErrors.versionExists()
          : badInput('partnerId does not name a partner.', 'partnerId');
      }
      const contract = contractFrom(rows[0]);
      if (billingChanged) await ContractService.resetBudget(tx, contract, latest);
      return contract;
    });
  }

  /**
   * A new billing arrangement: prepaid keeps the funds it had (none when
   * switching from postpaid); postpaid with a limit has the limit less the
   * issuance not yet paid for; postpaid without a limit has no budget.
   */
  private static async resetBudget(
    tx: SqlClient,
    contract: ContractRow,
    previous: ContractRow | undefined,
  ): Promise<void> {
    if (contract.billingMode === BillingMode.PREPAID) {
      const keep = previous?.billingMode === BillingMode.PREPAID;
      await tx.query(
        `insert into partner_budget (partner_id, remaining) values ($1, 0) on conflict (partner_id) do update set remaining = case when $2 then partner_budget.remaining else 0 end, updated_at = hub_now()`,
        [contract.partnerId, keep],
      );
      return;
    }
    if (!contract.creditLimit) {
      await tx.query(`delete from partner_budget where partner_id = $1`, [contract.partnerId]);
      return;
    }
    await setCreditLeft(tx, contract.partnerId, contract.creditLimit);
  }

  async versions(partnerId: string): Promise<ContractRow[]> {
    return (
      await this.sql.query(
        `select ${COLUMNS} from partner_contract where partner_id = $1 order by effective_from desc`,
        [partnerId],
      )
    ).map(contractFrom);
  }

  async inEffect(partnerId: string, at?: Date | null): Promise<ContractRow | undefined> {
    const [row] = await this.sql.query(
      `select ${COLUMNS} from partner_contract where partner_id = $1 and effective_from <= coalesce($2::timestamptz, hub_now()) order by effective_from desc limit 1`,
      [partnerId, at ?? null],
    );
    return row ? contractFrom(row) : undefined;
  }

  /** The first version (it fixes currency and period), or undefined. */
  async first(partnerId: string): Promise<ContractRow | undefined> {
    const [row] = await this.sql.query(
      `select ${COLUMNS} from partner_contract where partner_id = $1 order by effective_from limit 1`,
      [partnerId],
    );
    return row ? contractFrom(row) : undefined;
  }

  async budget(partnerId: string): Promise<Decimal | null> {
    const [row] = await this.sql.query<{ remaining: string }>(
      `select remaining::text as remaining from partner_budget where partner_id = $1`,
      [partnerId],
    );
    return row ? parseDecimal(row.remaining)! : null;
  }

  /** Records prepaid funds the partner paid in; issuance draws them down. */
  async topUp(partnerId: string, amount: string, reference: string | null): Promise<Decimal> {
    const contract = await this.inEffect(partnerId);
    if (!contract || contract.billingMode !== BillingMode.PREPAID) throw SettlementErrors.notPrepaid();
    const value = parseDecimal(amount);
    if (!value || value.units <= 0n || value.scale > contract.fiatScale)
      throw badInput(`amount must be positive with at most ${contract.fiatScale} decimals.`, 'amount');
    if (reference != null && (reference.length < 1 || reference.length > 128 || hasControlCharacter(reference))) {
      throw badInput('reference must be 1 to 128 characters, without control characters.', 'reference');
    }
    return this.sql.transaction(async (tx) => {
      await tx.query(`insert into prepaid_topup (id, partner_id, amount, reference) values ($1, $2, $3::numeric, $4)`, [
        newId(),
        partnerId,
        toString(value),
        reference,
      ]);
      const [row] = await tx.query<{ remaining: string }>(
        `update partner_budget set remaining = remaining + $2::numeric, updated_at = hub_now() where partner_id = $1 returning remaining::text as remaining`,
        [partnerId, toString(value)],
      );
      return parseDecimal(row!.remaining)!;
    });
  }
}
