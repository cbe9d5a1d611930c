/**
 * Read replicas (DATABASE_REPLICA_URLS) against a real primary and a hot standby streaming from it
 * (pg_basebackup -R): display reads are served by the standby, the caller that just wrote always reads its
 * write (waiting for the standby, or from the primary when it lags past the bound), and a standby that goes
 * away never fails a request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { graphql } from '../../generated/index.js';
import { initTestApp, uniqueCode, type TestApp, type TestPartner } from '../../support/test-app.js';
import { CreatePartner } from '../../support/operations.js';
import { startReplicaPair, type ReplicaPair } from '../../support/replica-pair.js';
import { ledgerHelpers } from '../../support/ledger.js';
import { memberHelpers, SetConsent } from '../../support/members.js';
import type { ReplicatedSql } from '../../../src/platform/db/replicas.js';
import { LSN_HEADER } from '../../../src/platform/db/read-scope.js';

const MemberReads = graphql(`
  query ReplicaMemberReads($ref: MemberRefInput!) {
    member(ref: $ref) {
      id
      balances {
        currency
        available
      }
      transactions(first: 50) {
        nodes {
          id
          amount
          walletDelta
        }
      }
    }
  }
`);

const MyReads = graphql(`
  query ReplicaMyReads {
    me {
      id
      balances {
        currency
        available
      }
      transactions(first: 50) {
        nodes {
          id
          amount
          walletDelta
        }
      }
    }
  }
`);

interface Reads {
  balances: { currency: string; available: string }[];
  transactions: { nodes: { id: string; walletDelta: string }[] };
}
const pts = (m: Reads) => BigInt(m.balances.find((b) => b.currency === 'PTS')?.available ?? '0');
const newest = (m: Reads) => m.transactions.nodes[0]?.id;
/** History and balance from one state: the balance is the sum of the wallet movements shown. */
const consistent = (m: Reads) => m.transactions.nodes.reduce((sum, t) => sum + BigInt(t.walletDelta), 0n) === pts(m);

const WAIT_MS = 150;
const RETRY_MS = 1_000;
const APP_NAME = 'hub_replica_reads';

let pair: ReplicaPair;
let app: TestApp;
let partner: TestPartner;
let memberId: string;
let memberToken: string;

const router = () => app.hub.db.sql as ReplicatedSql;
const served = () => router().replicaStates[0]!.served;
const ledger = () => ledgerHelpers(app);

const partnerReads = async (headers: Record<string, string> = {}) =>
  (await app.gqlOk(MemberReads, { ref: { memberId } }, { token: partner.token, headers })).member;
const memberReads = async (headers: Record<string, string> = {}) =>
  (await app.gqlOk(MyReads, {}, { token: memberToken, headers })).me;

async function earn(amount: number) {
  const res = await ledger().earn(partner, memberId, amount);
  expect(res.errors).toBeUndefined();
  return { transferId: res.data!.earnPoints.transfer.id, lsn: res.headers.get(LSN_HEADER) };
}

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  pair = await startReplicaPair();
  const admin = new pg.Client({ connectionString: pair.primary.adminUrl });
  await admin.connect();
  await admin.query('create database hub');
  await admin.end();
  app = await initTestApp({
    config: {
      databaseUrl: pair.primary.urlFor('hub'),
      replicas: {
        urls: [`${pair.standby.urlFor('hub')}?application_name=${APP_NAME}`],
        waitMs: WAIT_MS,
        poolSize: 2,
        retryMs: RETRY_MS,
      },
    },
  });
  partner = await app.createPartner();
  memberId = await ledger().enroll(partner);
  memberToken = await memberHelpers(app).token(partner, memberId);
}, 60_000);

afterAll(async () => {
  await app?.close();
  await pair?.stop();
});

describe('read replicas', () => {
  it('serves display reads from the standby; a write answers with the primary position in x-hub-lsn', async () => {
    const { transferId, lsn } = await earn(100);
    expect(lsn).toMatch(/^[0-9A-F]{1,8}\/[0-9A-F]{1,8}$/);
    await pair.caughtUp();

    const before = served();
    const me = await memberReads();
    expect(pts(me)).toBe(100n);
    expect(newest(me)).toBe(transferId);
    expect(served()).toBeGreaterThan(before);
    // The standby's own view of the hub's connections: the last statements it ran for us were our reads.
    const activity = await pair.standby.query<{ query: string }>(
      'postgres',
      'select query from pg_stat_activity where application_name = $1',
      [APP_NAME],
    );
    expect(activity.some((a) => /\bfrom transfer t\b|MEMBER_WALLET/.test(a.query))).toBe(true);
    // A read-only request answers with no position.
    const res = await app.gql(MyReads, {}, memberToken);
    expect(res.headers.get(LSN_HEADER)).toBeNull();
  });

  it('read-your-writes: earn, then read at once, 20 times: every read shows the earn', async () => {
    const before = served();
    let expected = pts(await partnerReads());
    for (let i = 1; i <= 20; i++) {
      const { transferId } = await earn(i);
      expected += BigInt(i);
      const m = await partnerReads();
      expect(pts(m)).toBe(expected);
      expect(newest(m)).toBe(transferId);
    }
    // The standby kept up, so (after waiting for it to replay each earn) it served those reads.
    expect(served()).toBeGreaterThan(before);
  });

  it('a lagging standby: the writer reads from the primary after the bound; another caller sees a consistent past, or the write when it brings x-hub-lsn', async () => {
    await pair.caughtUp();
    await pair.standby.query('postgres', 'select pg_wal_replay_pause()');
    try {
      await until(
        async () =>
          (await pair.standby.query<{ s: string }>('postgres', 'select pg_get_wal_replay_pause_state() as s'))[0]!.s ===
          'paused',
        5_000,
        'replay to pause',
      );
      const old = await memberReads();
      const { transferId, lsn } = await earn(7);

      const started = performance.now();
      const mine = await partnerReads();
      const waited = performance.now() - started;
      expect(pts(mine)).toBe(pts(old) + 7n);
      expect(newest(mine)).toBe(transferId);
      // It waited for the standby as long as allowed, then read from the primary.
      expect(waited).toBeGreaterThanOrEqual(WAIT_MS - 5);
      expect(waited).toBeLessThan(WAIT_MS + 3_000);

      // The member has not written: the paused standby answers, with the state before the earn, whole.
      const servedBefore = served();
      const stale = await memberReads();
      expect(served()).toBeGreaterThan(servedBefore);
      expect(pts(stale)).toBe(pts(old));
      expect(stale.transactions.nodes.map((t) => t.id)).not.toContain(transferId);
      expect(consistent(stale)).toBe(true);

      // Bringing the earn's position (from another process, or another caller) makes it visible at once.
      const carried = await memberReads({ [LSN_HEADER]: lsn! });
      expect(pts(carried)).toBe(pts(old) + 7n);
      expect(newest(carried)).toBe(transferId);
    } finally {
      await pair.standby.query('postgres', 'select pg_wal_replay_resume()');
    }
    await pair.caughtUp();
    const resumed = await memberReads();
    expect(pts(resumed)).toBe(pts(await partnerReads()));
    expect(consistent(resumed)).toBe(true);
  });

  it('a standby that goes away: every read still succeeds, from the primary; once back, it serves reads again', async () => {
    await pair.standby.stop();
    try {
      const { transferId } = await earn(5);
      const mine = await partnerReads();
      expect(newest(mine)).toBe(transferId);
      // The member, with nothing of its own to wait for, would read from the standby: it reads from the primary.
      const theirs = await memberReads();
      expect(newest(theirs)).toBe(transferId);
      expect(pts(theirs)).toBe(pts(mine));
      expect(router().replicaStates[0]!.up).toBe(false);
      expect(app.logs.some((l) => l.includes('read replica unreachable'))).toBe(true);
    } finally {
      await pair.standby.start();
    }
    // Tried again RETRY_MS later, and used again.
    const before = served();
    await until(
      async () => {
        await memberReads();
        return served() > before;
      },
      15_000,
      'the standby to serve reads again',
    );
    expect(app.logs.some((l) => l.includes('read replica back'))).toBe(true);
  }, 30_000);

  it('every kind of write answers with its position: a ledger transaction, an autocommit statement, an ORM flush', async () => {
    const position = (res: { headers: Headers; errors?: unknown }) => {
      expect(res.errors).toBeUndefined();
      return res.headers.get(LSN_HEADER);
    };
    const earned = (await earn(1)).lsn;
    const consented = position(
      // Consents are the member's own control: only the member signed in at the hub changes them (issue 25).
      await app.gql(
        SetConsent,
        { input: { partnerId: partner.id, scope: 'profile', granted: true } },
        await app.memberSessionToken(memberId),
      ),
    );
    const created = position(
      await app.gql(
        CreatePartner,
        { input: { code: uniqueCode(), name: 'Replica Partner', settlementCurrency: 'USD' } },
        await app.operatorToken(),
      ),
    );
    const lsns = [earned, consented, created].map((l) => {
      expect(l).toMatch(/^[0-9A-F]{1,8}\/[0-9A-F]{1,8}$/);
      const [hi, lo] = l!.split('/');
      return (BigInt(`0x${hi}`) << 32n) + BigInt(`0x${lo}`);
    });
    // Each later than the one before: positions after each commit, not a stale one.
    expect(lsns[1]! > lsns[0]! && lsns[2]! > lsns[1]!).toBe(true);
  });

  it('without replicas nothing of this runs: reads are the primary client itself, and no position is returned', async () => {
    const plain = await initTestApp();
    try {
      expect(plain.hub.db.sql.reads).toBe(plain.hub.db.sql);
      const p = await plain.createPartner();
      const m = await ledgerHelpers(plain).enroll(p);
      const res = await ledgerHelpers(plain).earn(p, m, 3);
      expect(res.errors).toBeUndefined();
      expect(res.headers.get(LSN_HEADER)).toBeNull();
    } finally {
      await plain.close();
    }
  });

  it('never sent a write to the standby (it would have refused it as read-only)', () => {
    expect(app.logs.filter((l) => l.includes('read replica failed a read'))).toEqual([]);
  });
});
