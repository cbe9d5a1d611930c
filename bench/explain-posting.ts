/**
 * `npx tsx bench/explain-posting.ts`: EXPLAIN (ANALYZE, BUFFERS) of the hub's posting statements
 * (the compiled posting statement with its parameters, the lock statements and the claim) on a durable throwaway cluster with
 * 100,000 members' accounts, for 1 and for 100 postings. Each runs in a transaction that is rolled back.
 */
// The posting's contributors come through module APIs that also carry GraphQL types (decorators).
import 'reflect-metadata';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { startDurableCluster } from './cluster.js';

const DIST = path.resolve('dist/src');
const dist = <T>(rel: string): Promise<T> => import(pathToFileURL(path.join(DIST, rel)).href) as Promise<T>;
const postingModule = await dist<typeof import('../src/modules/ledger/posting.js')>('modules/ledger/posting.js');
const settlementPosting = await dist<typeof import('../src/modules/settlement/settlement.posting.js')>(
  'modules/settlement/settlement.posting.js',
);
// The posting statement as the hub composes it: the ledger's CTEs and settlement's contribution.
const posting = new postingModule.Posting([settlementPosting.settlementPosting]);
const earn = await dist<typeof import('../src/modules/ledger/earn.service.js')>('modules/ledger/earn.service.js');
const ids = await dist<typeof import('../src/platform/ids.js')>('platform/ids.js');
const budget = await dist<typeof import('../src/modules/ledger/budget.js')>('modules/ledger/budget.js');

const cluster = await startDurableCluster();
try {
  await promisify(execFile)(process.execPath, [path.join(DIST, 'cli.js'), 'migrate'], {
    env: { ...process.env, NODE_ENV: 'development', DATABASE_URL: cluster.adminUrl },
  });
  const db = new pg.Client({ connectionString: cluster.adminUrl });
  await db.connect();
  await db.query(
    `insert into partner (id, code, name, settlement_currency) values (gen_random_uuid(), 'p1', 'P1', 'EUR')`,
  );
  await db.query(`insert into member (id) select gen_random_uuid() from generate_series(1, 100000)`);
  await db.query(
    `insert into account (currency, kind, member_id) select 'PTS', k, id from member cross join (values ('MEMBER_WALLET'), ('MEMBER_RECEIVABLE')) v(k)`,
  );
  await db.query(`insert into account (currency, kind, partner_id) select 'PTS', 'PARTNER_ISSUANCE', id from partner`);
  await db.query(
    `insert into member_link (partner_id, customer_id, member_id) select p.id, 'cust-' || m.id, m.id from member m cross join partner p`,
  );
  await db.query('analyze');
  const partner = (await db.query(`select id from partner`)).rows[0].id as string;
  const issuance = (await db.query(`select id::text from account where kind = 'PARTNER_ISSUANCE'`)).rows[0]
    .id as string;
  const wallets = (
    await db.query(
      `select w.id::text as wallet, r.id::text as recv, w.member_id from account w join account r on r.member_id = w.member_id and r.kind = 'MEMBER_RECEIVABLE' where w.kind = 'MEMBER_WALLET' order by random() limit 100`,
    )
  ).rows;
  for (const n of [1, 100]) {
    const items = wallets.slice(0, n).map((w) => {
      const op = ids.newId();
      const tid = ids.newId();
      return {
        op,
        tid,
        w,
        transfer: {
          id: tid,
          operationId: op,
          kind: 'EARN' as never,
          currency: 'PTS',
          amount: 100n,
          debit: issuance,
          credit: w.wallet,
          partnerId: partner,
          memberId: w.member_id,
        },
        lot: {
          id: ids.newId(),
          walletAccountId: w.wallet,
          currency: 'PTS',
          issuerPartnerId: partner,
          sourceTransferId: tid,
          amount: 100n,
          expiresIn: '24 months',
        },
      };
    });
    await db.query('begin');
    const show = async (title: string, sql: string, params: unknown[]) => {
      const plan = (await db.query(`explain (analyze, buffers, costs off) ${sql}`, params)).rows
        .map((r) => r['QUERY PLAN'])
        .join('\n');
      console.log(`\n=== ${title} (${n} posting${n > 1 ? 's' : ''}) ===\n${plan}`);
    };
    await show('claim (BATCH_CLAIM_SQL)', earn.BATCH_CLAIM_SQL, [
      items.map((x) => x.op),
      `partner:${partner}`,
      items.map((x) => `k-${x.op}`),
      items.map(() => 'h'),
      items.map((x) => x.tid),
    ]);
    await show('lock (LOCK_SQL, accounts by id: a process that has seen them)', budget.LOCK_SQL, [
      items.flatMap((x) => [x.w.wallet, x.w.recv]),
      [partner],
      [],
      [],
    ]);
    await show('lock (LOCK_SQL, accounts by owner: first sight in this process)', budget.LOCK_SQL, [
      [],
      [partner],
      items.map((x) => x.w.member_id),
      items.map(() => 'PTS'),
    ]);
    await show('lock (LOCK_BATCH_SQL, members by customer id: earnPointsBatch)', budget.LOCK_BATCH_SQL, [
      partner,
      [partner],
      items.map((x) => `cust-${x.w.member_id}`),
      items.map(() => null),
      items.map(() => 'PTS'),
    ]);
    await show(
      'posting statement',
      posting.sql,
      posting.params(
        items.map((x) => x.transfer),
        items.map((x) => x.lot),
        (id) => id === issuance,
      ),
    );
    await db.query('rollback');
  }
  await db.end();
} finally {
  await cluster.stop();
}
