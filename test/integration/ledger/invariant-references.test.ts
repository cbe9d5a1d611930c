/**
 * The ledger's append-only rows and settlement's valuations carry no foreign keys since issue 16 (a lighter
 * posting): `ledgerInvariants` proves what the keys proved (REFERENCES_EXIST,
 * VALUATIONS_REFERENCE_THEIR_TRANSFER). Here each kind of broken reference, made behind the hub's back, is
 * reported, and `entry` (a view over the transfers) still shows every transfer's debit and credit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLedgerInvariantsAfterEach, LedgerInvariants, ledgerHelpers } from '../../support/ledger.js';
import { settlementHelpers } from '../../support/settlement.js';
import { initTestApp, type TestApp, type TestPartner } from '../../support/test-app.js';

let app: TestApp;
let shop: TestPartner;
let transferId: string;
beforeAll(async () => {
  app = await initTestApp();
  shop = await app.createPartner();
  await settlementHelpers(app).contractOk(shop, { issuePrice: '0.01' });
  const ledger = ledgerHelpers(app);
  transferId = (await ledger.earnOk(shop, await ledger.enroll(shop), 300)).transfer.id;
});
afterAll(() => app?.close());
checkLedgerInvariantsAfterEach(() => app);

/** Runs `broken` (SQL on $1 = the earn's transfer id), reads the violations, then runs `repair`. */
async function violationsWhile(broken: string, repair: string) {
  const sql = app.hub.db.sql;
  await sql.query(broken, [transferId]);
  try {
    const { ledgerInvariants } = await app.gqlOk(LedgerInvariants, {}, await app.operatorToken());
    expect(ledgerInvariants.ok).toBe(false);
    return ledgerInvariants.violations;
  } finally {
    await sql.query(repair, [transferId]);
  }
}

const missing = '00000000-0000-4000-8000-00000000dead';

describe('references once guarded by foreign keys', () => {
  it("a transfer's operation, member or reversed transfer that does not exist is reported", async () => {
    for (const column of ['operation_id', 'member_id', 'reverses_transfer_id']) {
      const [row] = await app.hub.db.sql.query<{ v: string | null }>(
        `select ${column}::text as v from transfer where id = $1`,
        [transferId],
      );
      const violations = await violationsWhile(
        `update transfer set ${column} = '${missing}' where id = $1`,
        `update transfer set ${column} = ${row!.v === null ? 'null' : `'${row!.v}'`} where id = $1`,
      );
      expect(violations).toContainEqual({
        invariant: 'REFERENCES_EXIST',
        subject: `transfer ${transferId}`,
        detail: expect.stringContaining(`${missing} missing`),
      });
    }
  });

  it("a transfer whose account is missing or in another currency, and a lot whose wallet is not the transfer's, are reported", async () => {
    const violations = await violationsWhile(
      `update transfer set debit_account_id = -1 where id = $1`,
      `update transfer set debit_account_id = (select id from account where kind = 'PARTNER_ISSUANCE' and partner_id = transfer.partner_id and currency = 'PTS') where id = $1`,
    );
    expect(violations).toContainEqual({
      invariant: 'REFERENCES_EXIST',
      subject: `transfer ${transferId}`,
      detail: 'debit account -1 missing, transfer is PTS',
    });
    const lots = await violationsWhile(
      `update lot set source_transfer_id = '${missing}', wallet_account_id = -wallet_account_id where source_transfer_id = $1`,
      `update lot set source_transfer_id = $1, wallet_account_id = -wallet_account_id where source_transfer_id = '${missing}'`,
    );
    expect(lots.filter((v) => v.invariant === 'REFERENCES_EXIST').map((v) => v.detail)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^wallet -\d+ missing/), `source transfer ${missing} missing`]),
    );
  });

  it("a valuation whose transfer or contract does not exist, or is another partner's, is reported", async () => {
    const contract = await violationsWhile(
      `update transfer_valuation set contract_id = '${missing}' where transfer_id = $1`,
      `update transfer_valuation set contract_id = (select id from partner_contract where partner_id = transfer_valuation.partner_id) where transfer_id = $1`,
    );
    expect(contract).toContainEqual({
      invariant: 'VALUATIONS_REFERENCE_THEIR_TRANSFER',
      subject: `valuation ${transferId}`,
      detail: `contract ${missing} missing`,
    });
    const transfer = await violationsWhile(
      `update transfer_valuation set transfer_id = '${missing}' where transfer_id = $1`,
      `update transfer_valuation set transfer_id = $1 where transfer_id = '${missing}'`,
    );
    expect(transfer).toContainEqual({
      invariant: 'VALUATIONS_REFERENCE_THEIR_TRANSFER',
      subject: `valuation ${missing}`,
      detail: 'transfer missing',
    });
  });
});

describe('entries', () => {
  it("are each transfer's debit and credit, read from the transfer", async () => {
    const rows = await app.hub.db.sql.query<{ kind: string; amount: string }>(
      `select a.kind, e.amount::text as amount from entry e join account a on a.id = e.account_id where e.transfer_id = $1 order by e.amount`,
      [transferId],
    );
    expect(rows).toEqual([
      { kind: 'PARTNER_ISSUANCE', amount: '-300' },
      { kind: 'MEMBER_WALLET', amount: '300' },
    ]);
  });
});
