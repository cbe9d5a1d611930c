/**
 * Billing budgets, enforced at posting. A partner on a prepaid contract draws
 * its prepaid funds down with every issuance; a postpaid partner with a credit
 * limit draws down its remaining credit. The budget row is locked before the
 * check, so concurrent issuance never overshoots; partners without a budget
 * row (no limit) take no lock at all. The posting statement applies the draw.
 */
import type { SqlClient } from '../../platform/db/sql.js';
import { compare, fromBigInt, mul, parseDecimal, toString, add, type Decimal } from '../../platform/decimal.js';
import { LedgerRejection } from './ledger.exception.js';

export interface Budget {
  remaining: Decimal;
  issuePrice: Decimal;
  mode: 'PREPAID' | 'POSTPAID';
}

/**
 * In one statement: locks member accounts (ascending ids) and the budget rows
 * of these partners, returning balances and budgets. Partners without a
 * limit have no budget row and take no lock.
 */
export async function lockAccountsAndBudgets(
  tx: SqlClient,
  accountIds: readonly string[],
  partnerIds: readonly string[],
): Promise<{ balances: Map<string, bigint>; budgets: Map<string, Budget> }> {
  const rows = await tx.query<{ k: 'a' | 'b'; key: string; v1: string; v2: string | null; v3: 'PREPAID' | 'POSTPAID' | null }>(
    `with a as (select id, balance from account where id = any($1::bigint[]) order by id for update),
          b as (select pb.partner_id, pb.remaining, c.issue_price, c.billing_mode
                  from partner_budget pb
                  join lateral (select issue_price, billing_mode from partner_contract where partner_id = pb.partner_id and effective_from <= now()
                                 order by effective_from desc limit 1) c on true
                 where pb.partner_id = any($2::uuid[]) order by pb.partner_id for update of pb)
     select 'a' as k, id::text as key, balance::text as v1, null as v2, null as v3 from a
     union all select 'b', partner_id::text, remaining::text, issue_price::text, billing_mode from b`,
    [accountIds, [...new Set(partnerIds)]],
  );
  const balances = new Map<string, bigint>();
  const budgets = new Map<string, Budget>();
  for (const r of rows) {
    if (r.k === 'a') balances.set(r.key, BigInt(r.v1));
    else budgets.set(r.key, { remaining: parseDecimal(r.v1)!, issuePrice: parseDecimal(r.v2!)!, mode: r.v3! });
  }
  return { balances, budgets };
}

export function budgetRejection(budget: Budget, cost: Decimal): LedgerRejection {
  return budget.mode === 'PREPAID'
    ? new LedgerRejection('PREPAID_FUNDS_EXHAUSTED', `Issuing these points costs ${toString(cost)}; the prepaid funds left are ${toString(budget.remaining)}.`, {
        remaining: toString(budget.remaining),
      })
    : new LedgerRejection('CREDIT_LIMIT_EXCEEDED', `Issuing these points costs ${toString(cost)}; the credit left is ${toString(budget.remaining)}.`, {
        remaining: toString(budget.remaining),
      });
}

/**
 * Takes `points` at the issue price from the (locked) budget, in memory, or
 * returns the rejection. Callers take items in order, so a batch spends the
 * budget first come, first served.
 */
export function spend(budgets: Map<string, Budget>, partnerId: string, points: bigint): LedgerRejection | undefined {
  const budget = budgets.get(partnerId);
  if (!budget) return undefined;
  const cost = mul(fromBigInt(points), budget.issuePrice);
  if (compare(cost, budget.remaining) > 0) return budgetRejection(budget, cost);
  budget.remaining = add(budget.remaining, { units: -cost.units, scale: cost.scale });
  return undefined;
}
