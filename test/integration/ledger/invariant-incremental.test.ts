/**
 * The incremental invariant check on PostgreSQL: the flows both databases share, and what only concurrent
 * connections can show. A transfer's transaction may begin before a check and commit after it (its id and
 * time are older than transfers the check saw): the checkpoint stops below the oldest transaction still
 * running, so the next check still checks it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incrementalCheck, incrementalCheckFlows, MISSING_ID } from '../../flows/incremental-check-flows.js';
import { checkLedgerInvariantsAfterEach, ledgerHelpers } from '../../support/ledger.js';
import { initTestApp, type TestApp, type TestPartner } from '../../support/test-app.js';

incrementalCheckFlows('postgresql');

describe('a transfer committed late', () => {
  let app: TestApp;
  let shop: TestPartner;
  let other: TestPartner;
  let member: string;
  beforeAll(async () => {
    app = await initTestApp();
    const ledger = ledgerHelpers(app);
    shop = await app.createPartner();
    other = await app.createPartner();
    member = await ledger.enroll(shop);
    await ledger.earnOk(shop, member, 100);
    await ledger.earnOk(other, await ledger.enroll(other), 100);
  });
  afterAll(() => app?.close());
  checkLedgerInvariantsAfterEach(() => app);

  it('by a transaction open across a check is still checked by the next one', async () => {
    const sql = app.hub.db.sql;
    const issuance = (partner: TestPartner) =>
      `(select id from account where kind = 'PARTNER_ISSUANCE' and partner_id = '${partner.id}' and currency = 'PTS')`;
    expect((await incrementalCheck(app)).ok).toBe(true);
    // A transfer that balances but names an operation that does not exist, in a transaction left open.
    const lateId = '00000000-0000-4000-8000-000000001a7e';
    let inserted!: () => void;
    let commit!: () => void;
    const insertedP = new Promise<void>((resolve) => (inserted = resolve));
    const commitP = new Promise<void>((resolve) => (commit = resolve));
    const open = sql.transaction(async (tx) => {
      await tx.query(
        `insert into transfer (id, operation_id, kind, currency, amount, debit_account_id, credit_account_id)
         values ($1, '${MISSING_ID}', 'EARN', 'PTS', 5, ${issuance(shop)}, ${issuance(other)})`,
        [lateId],
      );
      await tx.query(`update account set balance = balance - 5 where id = ${issuance(shop)}`);
      await tx.query(`update account set balance = balance + 5 where id = ${issuance(other)}`);
      inserted();
      await commitP;
    });
    await insertedP;
    // Meanwhile a later transaction posts and commits; the check sees it, not the open one.
    await ledgerHelpers(app).earnOk(shop, member, 7);
    expect(await incrementalCheck(app)).toMatchObject({ ok: true, mode: 'INCREMENTAL', transfersChecked: 1 });
    commit();
    await open;
    try {
      const report = await incrementalCheck(app);
      expect(report.violations).toEqual([
        { invariant: 'REFERENCES_EXIST', subject: `transfer ${lateId}`, detail: `operation ${MISSING_ID} missing` },
      ]);
      // The earn seen before is checked again (it was above the horizon), with the late transfer.
      expect(report.transfersChecked).toBe(2);
    } finally {
      await sql.query(`delete from transfer where id = $1`, [lateId]);
      await sql.query(`update account set balance = balance + 5 where id = ${issuance(shop)}`);
      await sql.query(`update account set balance = balance - 5 where id = ${issuance(other)}`);
    }
    expect((await incrementalCheck(app)).ok).toBe(true);
  });
});
