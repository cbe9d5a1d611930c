/**
 * Finance at coalition scale (issue 24, targets): a ledger of 10,000,000 transfers seeded with SQL, then live
 * traffic over HTTP against the compiled hub.
 *
 *   npm run bench:finance                                   # 10,000,000 transfers (~30 min here)
 *   BENCH_FINANCE_TRANSFERS=1000000 npm run bench:finance   # a smaller ledger, same steps
 *
 * What it does, on a durable PostgreSQL 15 (bench/cluster.ts) with the hub in this process (dist/, production
 * settings):
 * 1. Four partners with daily contracts through the API; 100,000 members (links, accounts) with SQL, of whom
 *    the first 10,000 take the live traffic and the rest hold the seeded history.
 * 2. Seeds the transfers with SQL in chunks: half are earns of partner P in yesterday's period (its
 *    statement: 5,000,000 transfers at full size), half earns of the other partners two days ago; each with
 *    its valuation, the statements' running totals, the accounts' balances and one operation per 1,000.
 *    The incremental invariant checkpoint is set to what a clean full check leaves (the checked balances of
 *    every transfer below the horizon): the seeded wallets carry no lots, which the live traffic never reads.
 * 3. Measures: P's live statement (p50/p95 of 200 reads), the earn rate (closed loop, 8 callers) alone and
 *    while P's period closes (and the close's time), the reconciliation of that statement, and the
 *    incremental invariant check after 100,000 postings (earnPointsBatch of 1,000).
 * Prints one JSON line of results (and writes bench/results/finance-<timestamp>.json).
 */
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import pg from 'pg';
import { startDurableCluster } from './cluster.js';
import { DIST, gql, hubAddress, newKey, ROOT } from './workload.js';

const run = promisify(execFile);
const log = (...a: unknown[]) => console.error(`[finance ${new Date().toISOString().slice(11, 19)}]`, ...a);
const dist = <T>(rel: string): Promise<T> => import(pathToFileURL(path.join(DIST, rel)).href) as Promise<T>;

const TRANSFERS = Number(process.env.BENCH_FINANCE_TRANSFERS ?? 10_000_000);
const POSTINGS = Number(process.env.BENCH_FINANCE_POSTINGS ?? 100_000);
const MEMBERS = 100_000;
const LIVE = 10_000;
const CHUNK = 500_000;
const CONCURRENCY = 8;
const DAY = 86_400_000;
/** BENCH_FINANCE_CLOSE=0: skip the close and the reconciliation (they claim half the ledger). */
const CLOSE = process.env.BENCH_FINANCE_CLOSE !== '0';

const results: Record<string, unknown> = { transfers: TRANSFERS, postingsBeforeCheck: POSTINGS };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const value = await fn();
  return [value, performance.now() - t0];
}

async function main() {
  const cluster = await startDurableCluster();
  let admin = new pg.Client({ connectionString: cluster.adminUrl });
  await admin.connect();
  await admin.query(`create role hub login`);
  await admin.query(`create database hub owner hub`);
  await admin.end();
  admin = new pg.Client({ connectionString: cluster.urlFor('hub') });
  await admin.connect();

  const keys = `[${(await run(process.execPath, [path.join(DIST, 'cli.js'), 'keys'], { cwd: ROOT, env: { ...process.env, NODE_ENV: 'development' } })).stdout.trim()}]`;
  const { loadConfig } = await dist<typeof import('../src/config.js')>('config.js');
  const { startHub } = await dist<typeof import('../src/app.js')>('app.js');
  const { Role } = await dist<typeof import('../src/platform/auth/principal.js')>('platform/auth/principal.js');
  const hub = await startHub(
    loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: cluster.urlFor('hub', 'hub'),
      HUB_SIGNING_KEYS: keys,
      SMTP_URL: 'smtp://127.0.0.1:2525',
      LOG_LEVEL: 'warn',
      PORT: '0',
      SEED_DEMO: 'false',
      EXPIRY_SWEEP_SECONDS: '0',
      SETTLEMENT_RECONCILE_SECONDS: '0',
      PARTNER_COST_BURST: '10000000',
      PARTNER_COST_PER_SECOND: '10000000',
    }),
  );
  hubAddress.url = hub.url;
  try {
    const operator = (await hub.tokens.sign({ role: Role.OPERATOR, subject: 'operator:bench' }, 86_400)).token;
    const finance = (await hub.tokens.sign({ role: Role.FINANCE, subject: 'finance:bench' }, 86_400)).token;

    log('four partners with daily contracts, through the API');
    const partners: { id: string; token: string }[] = [];
    for (let i = 0; i < 4; i++) {
      const { createPartner } = await gql(
        operator,
        `mutation($i: CreatePartnerInput!) { createPartner(input: $i) { id } }`,
        {
          i: { code: `fin-${i}`, name: `Finance partner ${i}`, settlementCurrency: 'EUR' },
        },
      );
      const { createPartnerCredentials: c } = await gql(
        operator,
        `mutation($i: CreatePartnerCredentialsInput!) { createPartnerCredentials(input: $i) { clientId clientSecret } }`,
        { i: { partnerId: createPartner.id, label: 'bench' } },
      );
      await gql(operator, `mutation($i: SetPartnerContractInput!) { setPartnerContract(input: $i) { id } }`, {
        i: {
          partnerId: createPartner.id,
          settlementCurrency: 'EUR',
          billingMode: 'POSTPAID',
          period: 'DAILY',
          issuePrice: '0.01',
          redemptionPrice: '0.008',
        },
      });
      const res = await fetch(`${hub.url}/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          grant_type: 'client_credentials',
          client_id: c.clientId,
          client_secret: c.clientSecret,
        }),
      });
      partners.push({ id: createPartner.id, token: ((await res.json()) as { access_token: string }).access_token });
    }
    const P = partners[0]!;
    // The seeded history is older than the contracts made just now: their versions start before it (seeding).
    await admin.query(`update partner_contract set effective_from = '2026-01-01'`);

    log(`${MEMBERS.toLocaleString()} members, links to every partner and PTS accounts, with SQL`);
    await admin.query(
      `insert into member (id, display_name) select gen_random_uuid(), 'Member ' || g from generate_series(0, $1 - 1) g`,
      [MEMBERS],
    );
    await admin.query(
      `create table bench_member as select id, (row_number() over (order by id) - 1)::int as k from member`,
    );
    await admin.query(
      `insert into member_link (partner_id, customer_id, member_id) select p.id, 'c-' || m.k, m.id from bench_member m cross join partner p`,
    );
    await admin.query(
      `insert into account (currency, kind, member_id) select 'PTS', v.kind, m.id from bench_member m cross join (values ('MEMBER_WALLET'), ('MEMBER_RECEIVABLE')) v(kind)`,
    );
    // One earn per partner through the API makes its issuance account (and checks the setup).
    for (const p of partners)
      await gql(p.token, `mutation($i: EarnPointsInput!) { earnPoints(input: $i) { operationId } }`, {
        i: { member: { customerId: 'c-0' }, amount: '1', idempotencyKey: newKey('setup') },
      });
    await admin.query(
      `create table bench_wallet as select m.k - ${LIVE} as k, a.id, m.id as member_id from bench_member m
         join account a on a.member_id = m.id and a.kind = 'MEMBER_WALLET' where m.k >= ${LIVE}`,
    );
    await admin.query(`alter table bench_wallet add primary key (k)`);
    await admin.query('analyze');

    const contracts = new Map(
      (await admin.query<{ partner_id: string; id: string }>(`select partner_id, id from partner_contract`)).rows.map(
        (r) => [r.partner_id, r.id],
      ),
    );
    const issuance = new Map(
      (
        await admin.query<{ partner_id: string; id: string }>(
          `select partner_id, id::text from account where kind = 'PARTNER_ISSUANCE' and currency = 'PTS'`,
        )
      ).rows.map((r) => [r.partner_id, r.id]),
    );
    const today = Math.floor(Date.now() / DAY) * DAY;
    const yesterday = new Date(today - DAY);
    const seeded = MEMBERS - LIVE;

    log(`seeding ${TRANSFERS.toLocaleString()} transfers with their valuations (chunks of ${CHUNK.toLocaleString()})`);
    const t0 = performance.now();
    for (let lo = 0; lo < TRANSFERS; lo += CHUNK) {
      const hi = Math.min(TRANSFERS, lo + CHUNK) - 1;
      // The first half: P, yesterday; the second: the other partners, two days ago (round robin).
      const half = TRANSFERS / 2;
      const others = partners.slice(1);
      for (const [i, p] of (lo < half ? [P] : others).entries()) {
        const start = lo < half ? yesterday : new Date(today - 2 * DAY);
        const filter = lo < half ? 'true' : `n % 3 = ${i}`;
        await admin.query(
          `with t as (
             insert into transfer (id, operation_id, kind, currency, amount, debit_account_id, credit_account_id, partner_id, member_id, created_at)
             select ('10000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid,
                    ('00000000-0000-4000-8000-' || lpad(to_hex(n / 1000), 12, '0'))::uuid,
                    'EARN', 'PTS', 1 + n % 10, $3, w.id, $4, w.member_id, $5::timestamptz + (n % 86000) * interval '1 second'
               from generate_series($1::bigint, $2::bigint) n join bench_wallet w on w.k = n % ${seeded}
              where ${filter}
             returning id, amount, created_at)
           insert into transfer_valuation (transfer_id, partner_id, contract_id, kind, points, unit_price, amount, fiat_currency, created_at)
           select id, $4, $6, 'ISSUANCE', amount, 0.01, amount * 0.01, 'EUR', created_at from t`,
          [lo, hi, issuance.get(p.id), p.id, start, contracts.get(p.id)],
        );
      }
      log(`  ${(hi + 1).toLocaleString()} transfers (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    }
    log('operations, balances, running totals, the invariant checkpoint');
    await admin.query(
      `insert into operation (id, scope, idempotency_key, kind, request_hash)
       select ('00000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, 'bench-seed', 'seed-' || g, 'EARN_BATCH', 'seed'
         from generate_series(0, $1::bigint / 1000) g`,
      [TRANSFERS],
    );
    const SEEDED = `id between '10000000-0000-4000-8000-000000000000' and '10000000-0000-4000-8000-ffffffffffff'`;
    await admin.query(
      `update account a set balance = a.balance + s.delta
         from (select account_id, sum(delta) as delta from (
                 select credit_account_id as account_id, amount as delta from transfer where ${SEEDED}
                 union all select debit_account_id, -amount from transfer where ${SEEDED}) x group by account_id) s
        where a.id = s.account_id`,
    );
    await admin.query(
      `insert into settlement_totals (partner_id, period_start, kind, shard, transfers, points, amount)
       select v.partner_id, settlement_period_start(c.period, c.period_seconds, v.created_at), v.kind, 0, count(*), sum(v.points), sum(v.amount)
         from transfer_valuation v join partner_contract c on c.id = v.contract_id
        where v.transfer_id between '10000000-0000-4000-8000-000000000000' and '10000000-0000-4000-8000-ffffffffffff'
        group by 1, 2, 3
       on conflict (partner_id, period_start, kind, shard) do update
         set transfers = settlement_totals.transfers + excluded.transfers, points = settlement_totals.points + excluded.points,
             amount = settlement_totals.amount + excluded.amount`,
    );
    results.seedSeconds = Math.round((performance.now() - t0) / 1000);
    await admin.query('vacuum analyze');
    await admin.query('checkpoint');
    // What a clean full check leaves (README: "Incremental invariant checks"): the seeded wallets have no lots,
    // which the full check would report and the live traffic (other wallets) never reads.
    await admin.query('begin isolation level repeatable read');
    await admin.query(`select 1 from invariant_checkpoint for update`);
    const [{ horizon }] = (
      await admin.query<{ horizon: string }>(`select pg_snapshot_xmin(pg_current_snapshot())::text as horizon`)
    ).rows as [{ horizon: string }];
    await admin.query(
      `insert into invariant_checked_balance (account_id, balance)
       select account_id, sum(delta) from (select debit_account_id as account_id, -amount as delta, tx from transfer
                                            union all select credit_account_id, amount, tx from transfer) x
        where tx < $1::bigint group by account_id`,
      [horizon],
    );
    await admin.query(`update invariant_checkpoint set horizon = $1::bigint, checked_at = now()`, [horizon]);
    await admin.query('commit');
    log(`seeded in ${results.seedSeconds} s`);

    // ---- the live statement
    const STATEMENT = `query($p: ID!) { settlementStatement(partnerId: $p) { status transferCount net lines { kind points } } }`;
    const reads: number[] = [];
    for (let i = 0; i < 220; i++) {
      const [data, ms] = await timed(() => gql(finance, STATEMENT, { p: P.id }));
      if (i >= 20) reads.push(ms);
      if (i === 0) results.statementTransfers = data.settlementStatement.transferCount;
    }
    reads.sort((a, b) => a - b);
    results.liveStatementMs = { p50: percentile(reads, 50), p95: percentile(reads, 95), max: reads.at(-1) };
    log('live statement', results.liveStatementMs);

    // ---- earns alone, then during the close of P's period
    const EARN = `mutation($i: EarnPointsInput!) { earnPoints(input: $i) { operationId } }`;
    let earns = 0;
    let earning = true;
    const earnLoop = () =>
      Promise.all(
        Array.from({ length: CONCURRENCY }, async (_, w) => {
          for (let n = w; earning; n += CONCURRENCY) {
            const p = partners[n % partners.length]!;
            await gql(p.token, EARN, {
              i: { member: { customerId: `c-${(n * 7919) % LIVE}` }, amount: '10', idempotencyKey: newKey('live') },
            });
            earns++;
          }
        }),
      );
    const rateOver = async (ms: number) => {
      const before = earns;
      const t = performance.now();
      await new Promise((r) => setTimeout(r, ms));
      return ((earns - before) * 1000) / (performance.now() - t);
    };
    const loop = earnLoop();
    await rateOver(3000); // warm-up
    const alone = await rateOver(15_000);
    results.earnsPerSecond = { alone };
    if (CLOSE) {
      const before = earns;
      const [closed, closeMs] = await timed(() =>
        gql(finance, `mutation($i: StatementRefInput!) { closeSettlementPeriod(input: $i) { transferCount net } }`, {
          i: { partnerId: P.id, periodStart: yesterday.toISOString() },
        }),
      );
      const during = ((earns - before) * 1000) / closeMs;
      results.earnsPerSecond = { alone, duringClose: during, ratio: during / alone };
      results.close = { ms: closeMs, transfers: closed.closeSettlementPeriod.transferCount };
      log('close', results.close, 'earns/s', results.earnsPerSecond);

      // ---- reconciliation of that statement
      const [rec, recMs] = await timed(() =>
        gql(
          finance,
          `mutation($i: StatementRefInput!) { reconcileSettlementPeriod(input: $i) { ok transfersChecked } }`,
          {
            i: { partnerId: P.id, periodStart: yesterday.toISOString() },
          },
        ),
      );
      results.reconcile = { ms: recMs, ...rec.reconcileSettlementPeriod };
      log('reconcile', results.reconcile);
    }
    earning = false;
    await loop;

    // ---- the incremental invariant check: once to take in the live earns so far, then after the postings
    const CHECK = `query { ledgerInvariants { ok mode transfersChecked accountsChecked violations { invariant subject detail } } }`;
    const [first, firstMs] = await timed(() => gql(operator, CHECK, {}));
    results.firstIncremental = {
      ms: firstMs,
      ...first.ledgerInvariants,
      violations: first.ledgerInvariants.violations.length,
    };
    log(`${POSTINGS.toLocaleString()} postings through earnPointsBatch (1,000 each)`);
    const BATCH = `mutation($i: EarnPointsBatchInput!) { earnPointsBatch(input: $i) { failed } }`;
    let next = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let b = next++; b * 1000 < POSTINGS; b = next++) {
          const p = partners[b % partners.length]!;
          const items = Array.from({ length: 1000 }, (_, j) => ({
            member: { customerId: `c-${(b * 1000 + j) % LIVE}` },
            amount: '3',
            idempotencyKey: newKey('batch'),
          }));
          await gql(p.token, BATCH, { i: { items } });
        }
      }),
    );
    const [check, checkMs] = await timed(() => gql(operator, CHECK, {}));
    results.incremental = { ms: checkMs, ...check.ledgerInvariants, violations: check.ledgerInvariants.violations };
    log('incremental check', results.incremental);
  } finally {
    await hub.close();
    await admin.end();
    await cluster.stop();
  }
  const dir = path.join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, `finance-${new Date().toISOString().replace(/[:.]/g, '-')}.json`),
    JSON.stringify(results, null, 2),
  );
  console.log(JSON.stringify(results));
}

await main();
