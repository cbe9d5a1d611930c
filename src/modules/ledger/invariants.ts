/**
 * Checks every ledger invariant of docs/design.md against the live tables and
 * lists violations (at most 50 per invariant). Read-only; safe to run any time.
 */
import type { Sql } from '../../platform/db/sql.js';

export interface Violation {
  invariant: string;
  subject: string;
  detail: string;
}

/**
 * A check: a query listing violations as (subject, detail) rows. Other modules add checks of what they derive
 * from the ledger in the same transaction as a posting (settlement: statement running totals), registered
 * while the hub is composed (`ledger.invariants.register`), so `ledgerInvariants` checks them too.
 */
export interface InvariantCheck {
  invariant: string;
  sql: string;
}

const STORED = `a.balance + coalesce((select sum(s.balance) from account_shard s where s.account_id = a.id), 0)`;

const CHECKS: InvariantCheck[] = [
  {
    invariant: 'ZERO_SUM_PER_CURRENCY',
    sql: `select currency as subject, 'sum of balances is ' || sum(stored) as detail
            from (select a.currency, ${STORED} as stored from account a) x group by currency having sum(stored) <> 0`,
  },
  {
    invariant: 'BALANCE_EQUALS_ENTRIES',
    sql: `select 'account ' || a.id as subject, 'stored ' || ${STORED} || ', entries ' || coalesce(e.total, 0) as detail
            from account a left join (select account_id, sum(amount) as total from entry group by account_id) e on e.account_id = a.id
           where ${STORED} <> coalesce(e.total, 0)`,
  },
  {
    invariant: 'TRANSFER_ENTRIES_BALANCE',
    sql: `select 'transfer ' || t.id as subject, count(e.*) || ' entries summing to ' || coalesce(sum(e.amount), 0) as detail
            from transfer t left join entry e on e.transfer_id = t.id
           group by t.id, t.amount, t.debit_account_id, t.credit_account_id
          having count(e.*) <> 2 or coalesce(sum(e.amount), 0) <> 0
              or coalesce(sum(e.amount) filter (where e.account_id = t.credit_account_id), 0) <> t.amount`,
  },
  {
    invariant: 'WALLET_NOT_NEGATIVE',
    sql: `select 'account ' || id as subject, kind || ' balance ' || balance as detail from account
           where (kind = 'MEMBER_WALLET' and balance < 0) or (kind = 'MEMBER_RECEIVABLE' and balance > 0)`,
  },
  {
    invariant: 'ONE_OPERATION_PER_KEY',
    sql: `select o.scope || ' ' || o.idempotency_key as subject, 'rejected operation has ' || count(t.*) || ' transfers' as detail
            from operation o join transfer t on t.operation_id = o.id where o.status = 'REJECTED' group by o.scope, o.idempotency_key
          union all
          select scope || ' ' || idempotency_key, count(*) || ' operations' from operation group by scope, idempotency_key having count(*) > 1`,
  },
  {
    invariant: 'HOLD_RESOLVED_ONCE',
    sql: `select 'hold ' || h.id as subject,
                 h.status || ': authorised ' || coalesce(sum(t.amount) filter (where t.kind = 'AUTHORIZE'), 0)
                 || ', captured ' || coalesce(sum(t.amount) filter (where t.kind = 'CAPTURE'), 0)
                 || ', released ' || coalesce(sum(t.amount) filter (where t.kind = 'RELEASE'), 0)
                 || ', resolutions ' || count(distinct t.operation_id) filter (where t.kind in ('CAPTURE', 'RELEASE')) as detail
            from hold h left join transfer t on t.hold_id = h.id
           group by h.id, h.status, h.amount, h.captured_amount
          having coalesce(sum(t.amount) filter (where t.kind = 'AUTHORIZE'), 0) <> h.amount
              or count(distinct t.operation_id) filter (where t.kind in ('CAPTURE', 'RELEASE')) > 1
              or coalesce(sum(t.amount) filter (where t.kind = 'CAPTURE'), 0) <> h.captured_amount
              or (h.status = 'ACTIVE' and count(*) filter (where t.kind in ('CAPTURE', 'RELEASE')) > 0)
              or (h.status <> 'ACTIVE' and coalesce(sum(t.amount) filter (where t.kind in ('CAPTURE', 'RELEASE')), 0) <> h.amount)`,
  },
  {
    invariant: 'HOLDS_ACCOUNT_EQUALS_ACTIVE_HOLDS',
    sql: `select a.currency as subject, 'holds account ' || ${STORED} || ', active holds ' || coalesce((select sum(amount) from hold h where h.currency = a.currency and h.status = 'ACTIVE'), 0) as detail
            from account a where a.kind = 'HOLDS'
             and ${STORED} <> coalesce((select sum(amount) from hold h where h.currency = a.currency and h.status = 'ACTIVE'), 0)`,
  },
  {
    invariant: 'LOTS_EQUAL_WALLET',
    sql: `select 'account ' || a.id as subject,
                 'wallet ' || a.balance || ' vs lot remainders ' || coalesce(l.remaining, 0) || '; held ' || coalesce(h.held, 0) || ' vs lots held ' || coalesce(l.held, 0) as detail
            from account a
            left join (select wallet_account_id, sum(remaining) as remaining, sum(held) as held from lot group by wallet_account_id) l on l.wallet_account_id = a.id
            left join (select member_id, currency, sum(amount) as held from hold where status = 'ACTIVE' group by member_id, currency) h on h.member_id = a.member_id and h.currency = a.currency
           where a.kind = 'MEMBER_WALLET' and (a.balance <> coalesce(l.remaining, 0) or coalesce(h.held, 0) <> coalesce(l.held, 0))`,
  },
  {
    // What the dropped foreign keys of the append-only rows proved (README: "Which constraint guards which
    // invariant"), and more: a transfer's and a lot's accounts are in their currency, a lot's is a wallet.
    invariant: 'REFERENCES_EXIST',
    sql: `select 'transfer ' || t.id as subject, 'operation ' || t.operation_id || ' missing' as detail
            from transfer t where not exists (select 1 from operation o where o.id = t.operation_id)
          union all
          select 'transfer ' || t.id, side || ' account ' || x.account_id || coalesce(' is ' || a.currency, ' missing') || ', transfer is ' || t.currency
            from transfer t cross join lateral (values ('debit', t.debit_account_id), ('credit', t.credit_account_id)) x(side, account_id)
            left join account a on a.id = x.account_id where a.currency is distinct from t.currency
          union all
          select 'transfer ' || t.id, 'partner ' || t.partner_id || ' missing' from transfer t
           where t.partner_id is not null and not exists (select 1 from partner p where p.id = t.partner_id)
          union all
          select 'transfer ' || t.id, 'member ' || t.member_id || ' missing' from transfer t
           where t.member_id is not null and not exists (select 1 from member m where m.id = t.member_id)
          union all
          select 'transfer ' || t.id, 'reversed transfer ' || t.reverses_transfer_id || ' missing' from transfer t
           where t.reverses_transfer_id is not null and not exists (select 1 from transfer o where o.id = t.reverses_transfer_id)
          union all
          select 'lot ' || l.id, 'wallet ' || l.wallet_account_id || coalesce(' is a ' || a.kind || ' in ' || a.currency, ' missing') || ', lot is ' || l.currency
            from lot l left join account a on a.id = l.wallet_account_id
           where a.kind is distinct from 'MEMBER_WALLET' or a.currency <> l.currency
          union all
          select 'lot ' || l.id, 'source transfer ' || l.source_transfer_id || ' missing' from lot l
           where not exists (select 1 from transfer t where t.id = l.source_transfer_id)
          union all
          select 'lot ' || l.id, 'issuer ' || l.issuer_partner_id || ' missing' from lot l
           where l.issuer_partner_id is not null and not exists (select 1 from partner p where p.id = l.issuer_partner_id)
          union all
          select 'lot movement ' || m.lot_id || '/' || m.transfer_id, 'lot or transfer missing' from lot_movement m
           where not exists (select 1 from lot l where l.id = m.lot_id) or not exists (select 1 from transfer t where t.id = m.transfer_id)
          union all
          select 'hold ' || h.id, 'operation, partner, member or currency missing' from hold h
           where not exists (select 1 from operation o where o.id = h.operation_id) or not exists (select 1 from partner p where p.id = h.partner_id)
              or not exists (select 1 from member m where m.id = h.member_id) or not exists (select 1 from currency c where c.code = h.currency)
          union all
          select 'hold allocation ' || a.hold_id || '/' || a.lot_id, 'hold or lot missing' from hold_allocation a
           where not exists (select 1 from hold h where h.id = a.hold_id) or not exists (select 1 from lot l where l.id = a.lot_id)`,
  },
  {
    invariant: 'REVERSALS_WITHIN_ORIGINAL',
    sql: `select 'transfer ' || o.id as subject, 'reversed ' || sum(r.amount) || ' of ' || o.amount as detail
            from transfer o join transfer r on r.reverses_transfer_id = o.id group by o.id, o.amount having sum(r.amount) > o.amount`,
  },
];

export async function checkInvariants(sql: Sql, more: readonly InvariantCheck[] = []): Promise<Violation[]> {
  const violations: Violation[] = [];
  for (const check of [...CHECKS, ...more]) {
    const rows = await sql.query<{ subject: string; detail: string }>(`${check.sql} limit 50`);
    for (const r of rows)
      violations.push({ invariant: check.invariant, subject: String(r.subject), detail: String(r.detail) });
  }
  return violations;
}
