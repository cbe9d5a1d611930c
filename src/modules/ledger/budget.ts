/**
 * Billing budgets, enforced at posting. A partner on a prepaid contract draws
 * its prepaid funds down with every issuance; a postpaid partner with a credit
 * limit draws down its remaining credit. The budget row is locked before the
 * check, so concurrent issuance never overshoots; partners without a budget
 * row (no limit) take no lock at all. The posting statement applies the draw.
 */
import { prepared, type SqlClient } from '../../platform/db/sql.js';
import { compare, fromBigInt, mul, parseDecimal, toString, add, type Decimal } from '../../platform/decimal.js';
import { LedgerRejection } from './ledger.exception.js';
import type { LocatedMemberAccount } from './accounts.js';

export interface Budget {
  remaining: Decimal;
  issuePrice: Decimal;
  mode: 'PREPAID' | 'POSTPAID';
}

// The partners' billing budgets (rows exist only for partners with a limit), locked in partner order.
const BUDGETS_CTE = `b as (select pb.partner_id, pb.remaining, c.issue_price, c.billing_mode
                  from partner_budget pb
                  join lateral (select issue_price, billing_mode from partner_contract where partner_id = pb.partner_id and effective_from <= hub_now()
                                 order by effective_from desc limit 1) c on true
                 where pb.partner_id = any($2::uuid[]) order by pb.partner_id for update of pb)`;
const BUDGET_ROWS = `select 'b', partner_id::text, remaining::text, issue_price::text, billing_mode, null from b`;

/**
 * The lock statement: $1 account ids, $2 partner ids, $3/$4 (member, currency) pairs whose wallet and
 * receivable are found by owner (exported so bench/ drives and explains the very same SQL).
 */
export const LOCK_SQL = prepared(
  'ledger_lock',
  `with a as (select id, balance, member_id, currency, kind from account
                 where id in (select unnest($1::bigint[])
                              union all
                              select o.id from unnest($3::uuid[], $4::text[]) k(member_id, currency)
                                join account o on o.member_id = k.member_id and o.currency = k.currency
                                              and o.kind in ('MEMBER_WALLET', 'MEMBER_RECEIVABLE'))
                 order by id for update),
          ${BUDGETS_CTE}
     select 'a' as k, id::text as key, balance::text as v1, member_id::text as v2, currency as v3, kind as v4 from a
     union all ${BUDGET_ROWS}`,
);

/**
 * The lock statement for an earn that names its member by the partner's customer id: $1 the partner (whose
 * link is followed), $2 partner ids for budgets, $3 the customer id, $4 the currency. Resolves the member
 * (row 'm', absent when the partner has no such customer), locks its wallet and receivable, and the budgets.
 */
export const LOCK_BY_CUSTOMER_SQL = prepared(
  'ledger_lock_by_customer',
  `with m as (select member_id from member_link where partner_id = $1 and customer_id = $3),
          a as (select id, balance, member_id, currency, kind from account
                 where member_id = (select member_id from m) and currency = $4 and kind in ('MEMBER_WALLET', 'MEMBER_RECEIVABLE')
                 order by id for update),
          ${BUDGETS_CTE}
     select 'm' as k, member_id::text as key, null::text as v1, null::text as v2, null::text as v3, null::text as v4 from m
     union all select 'a', id::text, balance::text, member_id::text, currency, kind from a
     union all ${BUDGET_ROWS}`,
);

/**
 * The lock statement of a batch of earns that name their members as the partner does: $1 the partner,
 * $2 partner ids for budgets, then per item $3 its customer id or $4 its member id (the other null) and $5
 * its currency. Resolves each item's member (row 'r': the item's position and member, null when the partner
 * has no such member; a member id merged away follows its merge), locks every resolved member's wallet and
 * receivable in the item's currency (ascending ids) and the budgets.
 */
export const LOCK_BATCH_SQL = prepared(
  'ledger_lock_batch',
  `with i as (select * from unnest($3::text[], $4::uuid[], $5::text[]) with ordinality x(customer_id, member_ref, currency, n)),
          r as (select i.n, i.currency, coalesce(lc.member_id, lm.member_id) as member_id
                  from i
                  left join member_link lc on lc.partner_id = $1 and lc.customer_id = i.customer_id
                  left join member m on m.id = i.member_ref
                  left join member_link lm on lm.partner_id = $1 and lm.member_id = coalesce(m.merged_into, m.id)),
          a as (select id, balance, member_id, currency, kind from account
                 where id in (select o.id from (select distinct member_id, currency from r where member_id is not null) k
                                join account o on o.member_id = k.member_id and o.currency = k.currency
                                              and o.kind in ('MEMBER_WALLET', 'MEMBER_RECEIVABLE'))
                 order by id for update),
          ${BUDGETS_CTE}
     select 'r' as k, n::text as key, member_id::text as v1, null::text as v2, null::text as v3, null::text as v4 from r
     union all select 'a', id::text, balance::text, member_id::text, currency, kind from a
     union all ${BUDGET_ROWS}`,
);

/** A member's wallet and receivable in one currency, named by owner instead of by id. */
export interface MemberCurrency {
  memberId: string;
  currency: string;
}

/**
 * In one statement: locks member accounts (ascending ids) and the budget rows
 * of these partners, returning balances and budgets. Partners without a
 * limit have no budget row and take no lock.
 *
 * Accounts are named by id, or, for a member whose ids this process has not
 * seen yet, by (member, currency): the lookup happens inside the lock, so a
 * first operation for a member costs no extra round trip. Accounts that do not
 * exist yet are simply absent from `located`.
 */
export async function lockAccountsAndBudgets(
  tx: SqlClient,
  accountIds: readonly string[],
  partnerIds: readonly string[],
  byOwner: readonly MemberCurrency[] = [],
): Promise<Locked> {
  const rows = await tx.query<LockRow>(LOCK_SQL, [
    accountIds,
    [...new Set(partnerIds)],
    byOwner.map((o) => o.memberId),
    byOwner.map((o) => o.currency),
  ]);
  return lockedFrom(rows);
}

/**
 * One statement: resolves the partner's customer id to its member, locks that member's wallet and
 * receivable in `currency` and the budgets of `partnerIds`. `memberId` is undefined when the partner has
 * no such customer (nothing is locked for it then).
 */
export async function lockCustomerAndBudgets(
  tx: SqlClient,
  partnerId: string,
  customerId: string,
  currency: string,
  partnerIds: readonly string[],
): Promise<Locked & { memberId?: string }> {
  const rows = await tx.query<LockRow>(LOCK_BY_CUSTOMER_SQL, [
    partnerId,
    [...new Set(partnerIds)],
    customerId,
    currency,
  ]);
  return { ...lockedFrom(rows), memberId: rows.find((r) => r.k === 'm')?.key };
}

/** An item of a batch lock: its member as the partner names it, and the currency of its accounts. */
export interface BatchLockItem {
  member: { memberId?: string; customerId?: string };
  currency: string;
}

/**
 * One statement: resolves each item's member for `partnerId`, locks the resolved members' wallets and
 * receivables in the items' currencies and the budgets of `partnerIds`. `members[i]` is item i's member id,
 * undefined when the partner has no such member (nothing is locked for it).
 */
export async function lockBatchAndBudgets(
  tx: SqlClient,
  partnerId: string,
  items: readonly BatchLockItem[],
  partnerIds: readonly string[],
): Promise<Locked & { members: (string | undefined)[] }> {
  const rows = await tx.query<LockRow>(LOCK_BATCH_SQL, [
    partnerId,
    [...new Set(partnerIds)],
    items.map((x) => x.member.customerId ?? null),
    items.map((x) => x.member.memberId ?? null),
    items.map((x) => x.currency),
  ]);
  const members = new Array<string | undefined>(items.length);
  for (const r of rows) if (r.k === 'r' && r.v1) members[Number(r.key) - 1] = r.v1;
  return { ...lockedFrom(rows), members };
}

type LockRow = {
  k: 'm' | 'r' | 'a' | 'b';
  key: string;
  v1: string;
  v2: string | null;
  v3: string | null;
  v4: string | null;
};
export interface Locked {
  balances: Map<string, bigint>;
  budgets: Map<string, Budget>;
  located: LocatedMemberAccount[];
}

function lockedFrom(rows: readonly LockRow[]): Locked {
  const balances = new Map<string, bigint>();
  const budgets = new Map<string, Budget>();
  const located: LocatedMemberAccount[] = [];
  for (const r of rows) {
    if (r.k === 'a') {
      balances.set(r.key, BigInt(r.v1));
      if (r.v2) located.push({ id: r.key, memberId: r.v2, currency: r.v3!, kind: r.v4! });
    } else if (r.k === 'b')
      budgets.set(r.key, {
        remaining: parseDecimal(r.v1)!,
        issuePrice: parseDecimal(r.v2!)!,
        mode: r.v3 as Budget['mode'],
      });
  }
  return { balances, budgets, located };
}

export function budgetRejection(budget: Budget, cost: Decimal): LedgerRejection {
  return budget.mode === 'PREPAID'
    ? new LedgerRejection(
        'PREPAID_FUNDS_EXHAUSTED',
        `Issuing these points costs ${toString(cost)}; the prepaid funds left are ${toString(budget.remaining)}.`,
        {
          remaining: toString(budget.remaining),
        },
      )
    : new LedgerRejection(
        'CREDIT_LIMIT_EXCEEDED',
        `Issuing these points costs ${toString(cost)}; the credit left is ${toString(budget.remaining)}.`,
        {
          remaining: toString(budget.remaining),
        },
      );
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
