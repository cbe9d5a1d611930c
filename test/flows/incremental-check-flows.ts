/**
 * The incremental invariant check (issue 24, step 3; src/modules/ledger/README.md, "Incremental invariant
 * checks"), on both databases: the first check is the full one and takes the checkpoint; later ones check only
 * the transfers appended since and the accounts they touched; a row of those changed behind the hub's back is
 * reported, and again until repaired (the checkpoint moves only on a clean check); an old row changed behind
 * the hub's back is the full check's to find.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf } from '../support/graphql-client.js';
import {
  checkLedgerInvariantsAfterEach,
  LedgerInvariants,
  LedgerInvariantsIncremental,
  InvariantCheckJobProgress,
  ledgerHelpers,
  StartInvariantCheckJob,
  type LedgerHelpers,
} from '../support/ledger.js';
import { settlementHelpers } from '../support/settlement.js';
import { initTestApp, type TestApp, type TestDriver, type TestPartner } from '../support/test-app.js';

export const MISSING_ID = '00000000-0000-4000-8000-00000000dead';

/** Starts a full invariant check job over GraphQL and waits (hub work, not a sleep) until it is done. */
export async function runInvariantJob(app: TestApp, pageSize: number) {
  const token = await app.operatorToken();
  const { startInvariantCheckJob: job } = await app.gqlOk(StartInvariantCheckJob, { pageSize }, token);
  const progress = async () => (await app.gqlOk(InvariantCheckJobProgress, { id: job.id }, token)).invariantCheckJob;
  await expect.poll(async () => (await progress()).state, { timeout: 30_000, interval: 50 }).toBe('DONE');
  return progress();
}

/** The incremental check, as the operator. */
export async function incrementalCheck(app: TestApp) {
  return (await app.gqlOk(LedgerInvariantsIncremental, {}, await app.operatorToken())).ledgerInvariants;
}

export function incrementalCheckFlows(driver: TestDriver) {
  describe(`the incremental invariant check on ${driver}`, () => {
    let app: TestApp;
    let ledger: LedgerHelpers;
    let shop: TestPartner;
    let member: string;
    let firstTransfer: string;
    beforeAll(async () => {
      app = await initTestApp({ driver });
      ledger = ledgerHelpers(app);
      shop = await app.createPartner();
      await settlementHelpers(app).contractOk(shop, { issuePrice: '0.01' });
      member = await ledger.enroll(shop);
      firstTransfer = (await ledger.earnOk(shop, member, 100)).transfer.id;
    });
    afterAll(() => app?.close());
    checkLedgerInvariantsAfterEach(() => app);

    const sql = () => app.hub.db.sql;
    const wallet = async () =>
      (
        await sql().query<{ id: string }>(
          `select id::text from account where member_id = $1 and kind = 'MEMBER_WALLET'`,
          [member],
        )
      )[0]!.id;

    it('the first check is the full one and takes the checkpoint; later ones check what was appended since', async () => {
      expect(await incrementalCheck(app)).toMatchObject({ ok: true, mode: 'FULL', transfersChecked: null });
      // The horizon is the oldest transaction running in the whole cluster (transaction ids are cluster-wide),
      // so while other test files run on the same server a check may look again at a few transfers just
      // before it: the counts below are lower bounds (checking more is safe; checking less would not be).
      expect(await incrementalCheck(app)).toMatchObject({ ok: true, mode: 'INCREMENTAL', violations: [] });
      await ledger.earnOk(shop, member, 30);
      dataOf(await ledger.redeem(shop, member, 10));
      // Two transfers; the issuance account, the wallet and the partner's redemption account.
      const after = await incrementalCheck(app);
      expect(after).toMatchObject({ ok: true, mode: 'INCREMENTAL' });
      expect(after.transfersChecked).toBeGreaterThanOrEqual(2);
      expect(after.accountsChecked).toBeGreaterThanOrEqual(3);
      expect(await incrementalCheck(app)).toMatchObject({ ok: true, mode: 'INCREMENTAL' });
    });

    it("a new transfer's amount changed behind the hub's back is reported, again until repaired", async () => {
      await incrementalCheck(app);
      const id = (await ledger.earnOk(shop, member, 50)).transfer.id;
      await sql().query(`update transfer set amount = amount + 1 where id = $1`, [id]);
      try {
        for (let i = 0; i < 2; i++) {
          const report = await incrementalCheck(app);
          expect(report.ok).toBe(false);
          expect(report.violations).toContainEqual({
            invariant: 'BALANCE_EQUALS_ENTRIES',
            subject: `account ${await wallet()}`,
            detail: expect.stringMatching(/^stored (\d+), entries (\d+)$/),
          });
        }
      } finally {
        await sql().query(`update transfer set amount = amount - 1 where id = $1`, [id]);
      }
      const repaired = await incrementalCheck(app);
      expect(repaired.ok).toBe(true);
      expect(repaired.transfersChecked).toBeGreaterThanOrEqual(1);
    });

    it("a touched account's balance, a new transfer's reference and its valuation changed behind the hub's back are reported", async () => {
      await incrementalCheck(app);
      const id = (await ledger.earnOk(shop, member, 20)).transfer.id;
      const walletId = await wallet();
      await sql().query(`update account set balance = balance + 7 where id = $1`, [walletId]);
      await sql().query(`update transfer set member_id = '${MISSING_ID}' where id = $1`, [id]);
      await sql().query(`update transfer_valuation set contract_id = '${MISSING_ID}' where transfer_id = $1`, [id]);
      try {
        const report = await incrementalCheck(app);
        expect(report.violations).toEqual(
          expect.arrayContaining([
            { invariant: 'BALANCE_EQUALS_ENTRIES', subject: `account ${walletId}`, detail: expect.any(String) },
            { invariant: 'LOTS_EQUAL_WALLET', subject: `account ${walletId}`, detail: expect.any(String) },
            { invariant: 'REFERENCES_EXIST', subject: `transfer ${id}`, detail: `member ${MISSING_ID} missing` },
            {
              invariant: 'VALUATIONS_REFERENCE_THEIR_TRANSFER',
              subject: `valuation ${id}`,
              detail: `contract ${MISSING_ID} missing`,
            },
          ]),
        );
      } finally {
        await sql().query(`update account set balance = balance - 7 where id = $1`, [walletId]);
        await sql().query(`update transfer set member_id = $2 where id = $1`, [id, member]);
        await sql().query(
          `update transfer_valuation set contract_id = (select id from partner_contract where partner_id = $2) where transfer_id = $1`,
          [id, shop.id],
        );
      }
      expect((await incrementalCheck(app)).ok).toBe(true);
    });

    it('the full check as a paged job checks every transfer and account, and a clean one takes the checkpoint', async () => {
      const job = await runInvariantJob(app, 2);
      const [counts] = await sql().query<{ n: string }>(
        `select ((select count(*) from transfer) + (select count(*) from account))::text as n`,
      );
      expect(job).toMatchObject({
        state: 'DONE',
        violationCount: 0,
        violations: [],
        processed: counts!.n,
        pageSize: 2,
      });
      expect(await incrementalCheck(app)).toMatchObject({ ok: true, mode: 'INCREMENTAL' });
    });

    it("an old transfer changed behind the hub's back is for the full check to find", async () => {
      await incrementalCheck(app);
      await sql().query(`update transfer set member_id = '${MISSING_ID}' where id = $1`, [firstTransfer]);
      try {
        expect(await incrementalCheck(app)).toMatchObject({ ok: true, mode: 'INCREMENTAL' });
        const { ledgerInvariants } = await app.gqlOk(LedgerInvariants, {}, await app.operatorToken());
        expect(ledgerInvariants.violations).toContainEqual({
          invariant: 'REFERENCES_EXIST',
          subject: `transfer ${firstTransfer}`,
          detail: `member ${MISSING_ID} missing`,
        });
      } finally {
        await sql().query(`update transfer set member_id = $2 where id = $1`, [firstTransfer, member]);
      }
    });
  });
}
