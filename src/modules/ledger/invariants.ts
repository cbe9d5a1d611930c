/**
 * Checks every ledger invariant of docs/design.md against the live tables and
 * lists violations (at most 50 per invariant). Read-only; safe to run any time.
 *
 * Each check is written once over a `Scope`: the full check reads every row; the incremental check
 * (invariants.incremental.ts) reads only what changed since its checkpoint: the transfers appended since
 * (`changed_transfer`), the accounts they touched (`changed_account`), and the holds, operations, lot
 * movements and reversed transfers those transfers name.
 */
import type { Queryable } from '../../platform/db/sql.js';

export interface Violation {
  invariant: string;
  subject: string;
  detail: string;
}

/**
 * A check: a query listing violations as (subject, detail) rows. Other modules add checks of what they derive
 * from the ledger in the same transaction as a posting (settlement: statement running totals), registered
 * while the hub is composed (`ledger.invariants.push`), so `ledgerInvariants` checks them too.
 */
export interface InvariantCheck {
  invariant: string;
  /** The full check, over every row. */
  sql: string;
  /**
   * The same check over what changed since the incremental checkpoint, if it can be bounded that way: it may
   * read `changed_transfer` (the transfers appended since the checkpoint, with `transfer`'s columns). Without
   * it the invariant is checked only in FULL mode.
   */
  changed?: string;
}

/** Which rows a check reads: predicates on the alias each check gives its table. */
interface Scope {
  /** The transfers (a relation): `transfer`, or `changed_transfer`. */
  transfers: string;
  /** On `account a`. */
  accounts: string;
  /** On `hold h`. */
  holds: string;
  /** On `hold_allocation a`. */
  allocations: string;
  /** On `lot l`. */
  lots: string;
  /** On `lot_movement m`. */
  movements: string;
  /** On `operation o`, for duplicate keys. */
  keys: string;
  /** On `transfer o`, a transfer that is reversed. */
  reversed: string;
}

const FULL: Scope = {
  transfers: 'transfer',
  accounts: 'true',
  holds: 'true',
  allocations: 'true',
  lots: 'true',
  movements: 'true',
  keys: 'true',
  reversed: 'true',
};

/**
 * What changed since the checkpoint. Lots are checked through their wallets (LOTS_EQUAL_WALLET of every
 * touched wallet, and the references of its live lots): a lot whose wallet was changed breaks its wallet's sum.
 */
const CHANGED: Scope = {
  transfers: 'changed_transfer',
  accounts: 'a.id in (select account_id from changed_account)',
  holds: 'h.id in (select hold_id from changed_transfer where hold_id is not null)',
  allocations: 'a.hold_id in (select hold_id from changed_transfer where hold_id is not null)',
  lots: 'l.wallet_account_id in (select account_id from changed_account) and (l.remaining > 0 or l.held > 0)',
  movements: 'm.transfer_id in (select id from changed_transfer)',
  keys: '(o.scope, o.idempotency_key) in (select k.scope, k.idempotency_key from operation k where k.id in (select operation_id from changed_transfer))',
  reversed: 'o.id in (select reverses_transfer_id from changed_transfer where reverses_transfer_id is not null)',
};

/** An account's stored balance: its row, plus its shard rows for a house account. */
export const STORED = `a.balance + coalesce((select sum(s.balance) from account_shard s where s.account_id = a.id), 0)`;

interface ScopedCheck {
  invariant: string;
  sql: (s: Scope) => string;
  /** The incremental form when it is not the full one over CHANGED; `null`: FULL mode only. */
  changed?: string | null;
}

const LEDGER_CHECKS: ScopedCheck[] = [
  {
    // Incrementally implied: a transfer moves one amount between two accounts of its currency (entries from
    // the row; REFERENCES_EXIST checks the currencies), and every touched account's stored balance is checked.
    invariant: 'ZERO_SUM_PER_CURRENCY',
    sql: () => `select currency as subject, 'sum of balances is ' || sum(stored) as detail
            from (select a.currency, ${STORED} as stored from account a) x group by currency having sum(stored) <> 0`,
    changed: null,
  },
  {
    invariant: 'BALANCE_EQUALS_ENTRIES',
    sql: () => `select 'account ' || a.id as subject, 'stored ' || ${STORED} || ', entries ' || coalesce(e.total, 0) as detail
            from account a left join (select account_id, sum(amount) as total from entry group by account_id) e on e.account_id = a.id
           where ${STORED} <> coalesce(e.total, 0)`,
    // The entries of a touched account: its checked balance at the checkpoint plus its new legs.
    changed: `select 'account ' || c.account_id as subject, 'stored ' || coalesce((${STORED})::text, 'missing') || ', entries ' || c.expected as detail
            from changed_account c left join account a on a.id = c.account_id
           where (${STORED}) is distinct from c.expected`,
  },
  {
    // FULL only: the entries are a view of each transfer's row (a debit and a credit of its amount), so they
    // balance by construction; joining new transfers to the view made PostgreSQL scan the whole table.
    invariant: 'TRANSFER_ENTRIES_BALANCE',
    changed: null,
    sql: (
      s,
    ) => `select 'transfer ' || t.id as subject, count(e.*) || ' entries summing to ' || coalesce(sum(e.amount), 0) as detail
            from ${s.transfers} t left join entry e on e.transfer_id = t.id
           group by t.id, t.amount, t.debit_account_id, t.credit_account_id
          having count(e.*) <> 2 or coalesce(sum(e.amount), 0) <> 0
              or coalesce(sum(e.amount) filter (where e.account_id = t.credit_account_id), 0) <> t.amount`,
  },
  {
    invariant: 'WALLET_NOT_NEGATIVE',
    sql: (s) => `select 'account ' || a.id as subject, a.kind || ' balance ' || a.balance as detail from account a
           where ${s.accounts} and ((a.kind = 'MEMBER_WALLET' and a.balance < 0) or (a.kind = 'MEMBER_RECEIVABLE' and a.balance > 0))`,
  },
  {
    invariant: 'ONE_OPERATION_PER_KEY',
    sql: (
      s,
    ) => `select o.scope || ' ' || o.idempotency_key as subject, 'rejected operation has ' || count(t.*) || ' transfers' as detail
            from operation o join ${s.transfers} t on t.operation_id = o.id where o.status = 'REJECTED' group by o.scope, o.idempotency_key
          union all
          select o.scope || ' ' || o.idempotency_key, count(*) || ' operations' from operation o where ${s.keys}
           group by o.scope, o.idempotency_key having count(*) > 1`,
  },
  {
    invariant: 'HOLD_RESOLVED_ONCE',
    sql: (s) => `select 'hold ' || h.id as subject,
                 h.status || ': authorised ' || coalesce(sum(t.amount) filter (where t.kind = 'AUTHORIZE'), 0)
                 || ', captured ' || coalesce(sum(t.amount) filter (where t.kind = 'CAPTURE'), 0)
                 || ', released ' || coalesce(sum(t.amount) filter (where t.kind = 'RELEASE'), 0)
                 || ', resolutions ' || count(distinct t.operation_id) filter (where t.kind in ('CAPTURE', 'RELEASE')) as detail
            from hold h left join transfer t on t.hold_id = h.id
           where ${s.holds}
           group by h.id, h.status, h.amount, h.captured_amount
          having coalesce(sum(t.amount) filter (where t.kind = 'AUTHORIZE'), 0) <> h.amount
              or count(distinct t.operation_id) filter (where t.kind in ('CAPTURE', 'RELEASE')) > 1
              or coalesce(sum(t.amount) filter (where t.kind = 'CAPTURE'), 0) <> h.captured_amount
              or (h.status = 'ACTIVE' and count(*) filter (where t.kind in ('CAPTURE', 'RELEASE')) > 0)
              or (h.status <> 'ACTIVE' and coalesce(sum(t.amount) filter (where t.kind in ('CAPTURE', 'RELEASE')), 0) <> h.amount)`,
  },
  {
    invariant: 'HOLDS_ACCOUNT_EQUALS_ACTIVE_HOLDS',
    sql: (
      s,
    ) => `select a.currency as subject, 'holds account ' || ${STORED} || ', active holds ' || coalesce((select sum(amount) from hold h where h.currency = a.currency and h.status = 'ACTIVE'), 0) as detail
            from account a where a.kind = 'HOLDS' and ${s.accounts}
             and ${STORED} <> coalesce((select sum(amount) from hold h where h.currency = a.currency and h.status = 'ACTIVE'), 0)`,
  },
  {
    // Per wallet (lateral, by the wallet's live-lot index and its active holds), so the incremental check
    // reads only the touched wallets' lots; lots with nothing left add nothing to either sum.
    invariant: 'LOTS_EQUAL_WALLET',
    sql: (s) => `select 'account ' || a.id as subject,
                 'wallet ' || a.balance || ' vs lot remainders ' || l.remaining || '; held ' || h.held || ' vs lots held ' || l.held as detail
            from account a
           cross join lateral (select coalesce(sum(remaining), 0) as remaining, coalesce(sum(held), 0) as held from lot
                                where wallet_account_id = a.id and (remaining > 0 or held > 0)) l
           cross join lateral (select coalesce(sum(amount), 0) as held from hold
                                where member_id = a.member_id and currency = a.currency and status = 'ACTIVE') h
           where a.kind = 'MEMBER_WALLET' and ${s.accounts} and (a.balance <> l.remaining or h.held <> l.held)`,
  },
  {
    // What the dropped foreign keys of the append-only rows proved (README: "Which constraint guards which
    // invariant"), and more: a transfer's and a lot's accounts are in their currency, a lot's is a wallet.
    invariant: 'REFERENCES_EXIST',
    sql: (s) => `select 'transfer ' || t.id as subject, 'operation ' || t.operation_id || ' missing' as detail
            from ${s.transfers} t where not exists (select 1 from operation o where o.id = t.operation_id)
          union all
          select 'transfer ' || t.id, side || ' account ' || x.account_id || coalesce(' is ' || a.currency, ' missing') || ', transfer is ' || t.currency
            from ${s.transfers} t cross join lateral (values ('debit', t.debit_account_id), ('credit', t.credit_account_id)) x(side, account_id)
            left join account a on a.id = x.account_id where a.currency is distinct from t.currency
          union all
          select 'transfer ' || t.id, 'partner ' || t.partner_id || ' missing' from ${s.transfers} t
           where t.partner_id is not null and not exists (select 1 from partner p where p.id = t.partner_id)
          union all
          select 'transfer ' || t.id, 'member ' || t.member_id || ' missing' from ${s.transfers} t
           where t.member_id is not null and not exists (select 1 from member m where m.id = t.member_id)
          union all
          select 'transfer ' || t.id, 'reversed transfer ' || t.reverses_transfer_id || ' missing' from ${s.transfers} t
           where t.reverses_transfer_id is not null and not exists (select 1 from transfer o where o.id = t.reverses_transfer_id)
          union all
          select 'lot ' || l.id, 'wallet ' || l.wallet_account_id || coalesce(' is a ' || a.kind || ' in ' || a.currency, ' missing') || ', lot is ' || l.currency
            from lot l left join account a on a.id = l.wallet_account_id
           where ${s.lots} and (a.kind is distinct from 'MEMBER_WALLET' or a.currency <> l.currency)
          union all
          select 'lot ' || l.id, 'source transfer ' || l.source_transfer_id || ' missing' from lot l
           where ${s.lots} and not exists (select 1 from transfer t where t.id = l.source_transfer_id)
          union all
          select 'lot ' || l.id, 'issuer ' || l.issuer_partner_id || ' missing' from lot l
           where ${s.lots} and l.issuer_partner_id is not null and not exists (select 1 from partner p where p.id = l.issuer_partner_id)
          union all
          select 'lot movement ' || m.lot_id || '/' || m.transfer_id, 'lot or transfer missing' from lot_movement m
           where ${s.movements} and (not exists (select 1 from lot l where l.id = m.lot_id) or not exists (select 1 from transfer t where t.id = m.transfer_id))
          union all
          select 'hold ' || h.id, 'operation, partner, member or currency missing' from hold h
           where ${s.holds} and (not exists (select 1 from operation o where o.id = h.operation_id) or not exists (select 1 from partner p where p.id = h.partner_id)
              or not exists (select 1 from member m where m.id = h.member_id) or not exists (select 1 from currency c where c.code = h.currency))
          union all
          select 'hold allocation ' || a.hold_id || '/' || a.lot_id, 'hold or lot missing' from hold_allocation a
           where ${s.allocations} and (not exists (select 1 from hold h where h.id = a.hold_id) or not exists (select 1 from lot l where l.id = a.lot_id))`,
  },
  {
    invariant: 'REVERSALS_WITHIN_ORIGINAL',
    sql: (s) => `select 'transfer ' || o.id as subject, 'reversed ' || sum(r.amount) || ' of ' || o.amount as detail
            from transfer o join transfer r on r.reverses_transfer_id = o.id where ${s.reversed} group by o.id, o.amount having sum(r.amount) > o.amount`,
  },
];

/** The ledger's own checks, in both forms. */
export const CHECKS: readonly InvariantCheck[] = LEDGER_CHECKS.map((c) => ({
  invariant: c.invariant,
  sql: c.sql(FULL),
  ...(c.changed === null ? {} : { changed: c.changed ?? c.sql(CHANGED) }),
}));

/** Runs checks (their full or their incremental form) and collects their violations, at most 50 each. */
export async function runChecks(
  q: Queryable,
  checks: readonly InvariantCheck[],
  form: 'sql' | 'changed' = 'sql',
): Promise<Violation[]> {
  const violations: Violation[] = [];
  for (const check of checks) {
    const text = check[form];
    if (text === undefined) continue;
    const rows = await q.query<{ subject: string; detail: string }>(`${text} limit 50`);
    for (const r of rows)
      violations.push({ invariant: check.invariant, subject: String(r.subject), detail: String(r.detail) });
  }
  return violations;
}

/** The full check: every invariant over every row. */
export function checkInvariants(q: Queryable, more: readonly InvariantCheck[] = []): Promise<Violation[]> {
  return runChecks(q, [...CHECKS, ...more]);
}
