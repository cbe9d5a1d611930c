/**
 * The full invariant check as a paged operator job (src/modules/ledger/invariants.job.ts): it finds what the
 * full check finds, page by page; several run one after another; a job stopped after some pages is finished by another
 * runner (a restarted hub) with every page done once; postings racing it are checked with right balances.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvariantJobs } from '../../../src/modules/ledger/invariants.job.js';
import { MISSING_ID, incrementalCheck, runInvariantJob } from '../../flows/incremental-check-flows.js';
import { errorCodes } from '../../support/graphql-client.js';
import {
  checkLedgerInvariantsAfterEach,
  ledgerHelpers,
  StartInvariantCheckJob,
  type LedgerHelpers,
} from '../../support/ledger.js';
import { settlementHelpers } from '../../support/settlement.js';
import { initTestApp, type TestApp, type TestPartner } from '../../support/test-app.js';

let app: TestApp;
let ledger: LedgerHelpers;
let shop: TestPartner;
const members: string[] = [];
const transfers: string[] = [];
beforeAll(async () => {
  app = await initTestApp();
  ledger = ledgerHelpers(app);
  shop = await app.createPartner();
  await settlementHelpers(app).contractOk(shop, { issuePrice: '0.01' });
  for (let i = 0; i < 4; i++) {
    members.push(await ledger.enroll(shop));
    transfers.push((await ledger.earnOk(shop, members[i]!, 100 + i)).transfer.id);
  }
});
afterAll(() => app?.close());
checkLedgerInvariantsAfterEach(() => app);

const sql = () => app.hub.db.sql;
const jobs = () => app.hub.services.ledger.invariantJobs;
const rowsToCheck = async () =>
  BigInt(
    (
      await sql().query<{ n: string }>(
        `select ((select count(*) from transfer) + (select count(*) from account))::text as n`,
      )
    )[0]!.n,
  );

describe('the full check as a paged job', () => {
  it('reports what the full check reports: an old transfer and an account changed behind the hub’s back', async () => {
    const wallet = (
      await sql().query<{ id: string }>(
        `select id::text from account where member_id = $1 and kind = 'MEMBER_WALLET'`,
        [members[0]],
      )
    )[0]!.id;
    await sql().query(`update transfer set member_id = '${MISSING_ID}' where id = $1`, [transfers[1]]);
    await sql().query(`update account set balance = balance + 3 where id = $1`, [wallet]);
    try {
      const job = await runInvariantJob(app, 3);
      expect(job.violations).toEqual(
        expect.arrayContaining([
          {
            invariant: 'REFERENCES_EXIST',
            subject: `transfer ${transfers[1]}`,
            detail: `member ${MISSING_ID} missing`,
          },
          { invariant: 'BALANCE_EQUALS_ENTRIES', subject: `account ${wallet}`, detail: expect.any(String) },
          { invariant: 'LOTS_EQUAL_WALLET', subject: `account ${wallet}`, detail: expect.any(String) },
        ]),
      );
      expect(job.violationCount).toBe(job.violations.length);
    } finally {
      await sql().query(`update transfer set member_id = $2 where id = $1`, [transfers[1], members[1]]);
      await sql().query(`update account set balance = balance - 3 where id = $1`, [wallet]);
    }
  });

  it('several started run one after another to their end; a page size out of range is refused, nothing written', async () => {
    const token = await app.operatorToken();
    const started = await Promise.all(
      [3, 5, 7].map(
        async (pageSize) => (await app.gqlOk(StartInvariantCheckJob, { pageSize }, token)).startInvariantCheckJob,
      ),
    );
    for (const { id } of started)
      await expect.poll(async () => (await jobs().get(id))?.state, { timeout: 30_000, interval: 50 }).toBe('DONE');
    for (const { id } of started) expect((await jobs().get(id))!.violationCount).toBe(0);
    const before = await app.count('invariant_check_job');
    for (const pageSize of [0, -1, 100_001, null])
      expect(errorCodes(await app.gql(StartInvariantCheckJob, { pageSize }, token))).toEqual(['BAD_USER_INPUT']);
    expect(await app.count('invariant_check_job')).toBe(before);
  });

  it('is resumed where it stopped by another runner (a restarted hub), each page done once', async () => {
    const job = await jobs().create(2, 'operator:test');
    // Two pages of the four transfers, the step to the accounts, one page of two accounts.
    for (let i = 0; i < 4; i++) expect(await jobs().runPage(job.id)).toBe(true);
    expect(await jobs().get(job.id)).toMatchObject({ state: 'RUNNING', step: 'ACCOUNTS', processed: 6n });
    // A new process's runner: same database, none of this one's state.
    const restarted = new InvariantJobs(sql(), app.hub.services.ledger.invariants);
    await restarted.runToEnd(job.id);
    const done = (await jobs().get(job.id))!;
    expect(done).toMatchObject({ state: 'DONE', violationCount: 0, processed: await rowsToCheck() });
    expect(await app.count('invariant_job_balance')).toBe(0);
    // Clean and newer than the incremental checkpoint: the incremental check goes on from its horizon.
    expect(await incrementalCheck(app)).toMatchObject({ ok: true, mode: 'INCREMENTAL', transfersChecked: 0 });
  });

  it('checks postings racing it, with their balances right', async () => {
    const job = await jobs().create(1, 'operator:test');
    const racing = (async () => {
      for (let i = 0; i < 12; i++) await ledger.earnOk(shop, members[i % members.length]!, 5);
    })();
    await Promise.all([racing, jobs().runToEnd(job.id)]);
    expect(await jobs().get(job.id)).toMatchObject({ state: 'DONE', violationCount: 0, violations: [] });
    expect((await incrementalCheck(app)).ok).toBe(true);
  });
});
