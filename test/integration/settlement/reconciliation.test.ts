/**
 * reconcileSettlements recomputes every closed statement from the valuations
 * of the transfers it covers and checks every valuation against its transfer
 * and its contract version's price. Normally there is no difference; after a
 * statement, a statement_transfer or a valuation is deliberately corrupted in
 * the test database (through hub.db.sql), it reports exactly what differs —
 * and is clean again once the row is put back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLedgerInvariantsAfterEach, ledgerHelpers, type LedgerHelpers } from '../../support/ledger.js';
import { ReconcileSettlements, settlementHelpers, type SettlementHelpers } from '../../support/settlement.js';
import { initTestApp, LONG_LIVED_TOKENS, type TestApp, type TestPartner } from '../../support/test-app.js';

let app: TestApp;
let ledger: LedgerHelpers;
let st: SettlementHelpers;
let shop: TestPartner;
let closed: Awaited<ReturnType<SettlementHelpers['closeOk']>>;
let earnId: string;
let draftEarnId: string;
beforeAll(async () => {
  app = await initTestApp({ config: LONG_LIVED_TOKENS }); // periods are closed by moving hub time
  ledger = ledgerHelpers(app);
  st = settlementHelpers(app);
  shop = await app.createPartner();
  await st.contractOk(shop, { issuePrice: '0.0125', redemptionPrice: '0.0071' });
  const member = await ledger.enroll(shop);
  earnId = (await ledger.earnOk(shop, member, 1000)).transfer.id;
  await ledger.earnOk(shop, member, 7);
  await ledger.redeem(shop, member, 300);
  closed = await st.closeCurrent(shop);
  draftEarnId = (await ledger.earnOk(shop, member, 40)).transfer.id; // in the open period
});
afterAll(() => app?.close());
checkLedgerInvariantsAfterEach(() => app);

const sql = (text: string, params: unknown[] = []) => app.hub.db.sql.query(text, params);
const reconcile = async (token?: string) =>
  (await app.gqlOk(ReconcileSettlements, {}, token ?? (await app.financeToken()))).reconcileSettlements;

/** Corrupts, reconciles, restores, and proves the report is clean again; returns the differences seen. */
async function whileCorrupted(corrupt: () => Promise<unknown>, restore: () => Promise<unknown>) {
  await corrupt();
  let report;
  try {
    report = await reconcile();
  } finally {
    await restore();
  }
  const again = await reconcile();
  expect(again.differences).toEqual([]);
  expect(again.ok).toBe(true);
  expect(report.ok).toBe(false);
  return report.differences;
}

describe('reconcileSettlements', () => {
  it('no differences normally: every statement and valuation checked', async () => {
    const report = await reconcile();
    expect(report).toMatchObject({
      ok: true,
      differences: [],
      statementsChecked: 1,
      valuationsChecked: 4,
      unpricedTransfers: 0,
    });
  });

  it('a statement total changed in the database is reported with the stored and the recomputed value', async () => {
    const diffs = await whileCorrupted(
      () =>
        sql(
          `update settlement_statement set due_to_hub = due_to_hub + 0.01, net_exact = net_exact + 0.01 where id = $1`,
          [closed.id],
        ),
      () =>
        sql(
          `update settlement_statement set due_to_hub = due_to_hub - 0.01, net_exact = net_exact - 0.01 where id = $1`,
          [closed.id],
        ),
    );
    expect(diffs).toEqual([
      { statementId: closed.id, partnerId: shop.id, field: 'dueToHub', stored: '12.5975', recomputed: '12.5875' },
      { statementId: closed.id, partnerId: shop.id, field: 'netExact', stored: '10.4675', recomputed: '10.4575' },
      // and the statements no longer add up, with what no statement covers, to the partner's valuations
      {
        statementId: null,
        partnerId: shop.id,
        field: 'statements + uncovered = ledger valuations',
        stored: expect.any(String),
        recomputed: expect.any(String),
      },
    ]);
  });

  it('a statement line, the rounded net, the transfer count or the digest changed: each reported', async () => {
    const [{ lines }] = (await sql(`select lines from settlement_statement where id = $1`, [closed.id])) as [
      { lines: { kind: string; amount: string; points: string }[] },
    ];
    const tampered = lines.map((l) => (l.kind === 'REDEMPTION' ? { ...l, amount: '-2.1', points: '299' } : l));
    const diffs = await whileCorrupted(
      () =>
        sql(
          `update settlement_statement set lines = $2::jsonb, net_rounded = 10.45, transfer_count = 4, digest = 'x' || digest where id = $1`,
          [closed.id, JSON.stringify(tampered)],
        ),
      () =>
        sql(
          `update settlement_statement set lines = $2::jsonb, net_rounded = 10.46, transfer_count = 3, digest = substr(digest, 2) where id = $1`,
          [closed.id, JSON.stringify(lines)],
        ),
    );
    expect(diffs.map((d) => [d.field, d.stored, d.recomputed])).toEqual([
      ['REDEMPTION.amount', '-2.1', '-2.13'],
      ['REDEMPTION.points', '299', '300'],
      ['netRounded', '10.45', '10.46'],
      ['transferCount', '4', '3'],
      ['digest', `x${closed.digest}`, closed.digest],
    ]);
  });

  it('a transfer taken out of the statement (statement_transfer deleted) is reported', async () => {
    const diffs = await whileCorrupted(
      () => sql(`delete from statement_transfer where statement_id = $1 and transfer_id = $2`, [closed.id, earnId]),
      () => sql(`insert into statement_transfer (statement_id, transfer_id) values ($1, $2)`, [closed.id, earnId]),
    );
    expect(diffs.map((d) => d.field)).toEqual([
      'ISSUANCE.amount',
      'ISSUANCE.points',
      'dueToHub',
      'netExact',
      'netRounded',
      'transferCount',
      'digest',
      // the transfer now counts as uncovered while the statement still counts it: the books exceed the ledger
      'statements + uncovered = ledger valuations',
    ]);
    expect(diffs.find((d) => d.field === 'ISSUANCE.points')).toMatchObject({ stored: '1007', recomputed: '7' });
  });

  it('a valuation whose amount no longer is points × price is reported, and so is the statement that covers it', async () => {
    const diffs = await whileCorrupted(
      () => sql(`update transfer_valuation set amount = amount + 1 where transfer_id = $1`, [earnId]),
      () => sql(`update transfer_valuation set amount = amount - 1 where transfer_id = $1`, [earnId]),
    );
    expect(diffs).toContainEqual({
      statementId: null,
      partnerId: shop.id,
      field: `valuation ${earnId}`,
      stored: '13.500000000000',
      recomputed: '12.500000000000',
    });
    expect(diffs.filter((d) => d.statementId === closed.id).map((d) => d.field)).toEqual([
      'ISSUANCE.amount',
      'dueToHub',
      'netExact',
      'netRounded',
      'digest',
    ]);
  });

  it('a valuation re-priced consistently (price and amount) away from its contract version is reported, even before any statement covers it', async () => {
    const diffs = await whileCorrupted(
      () =>
        sql(`update transfer_valuation set unit_price = 0.01, amount = points * 0.01 where transfer_id = $1`, [
          draftEarnId,
        ]),
      () =>
        sql(`update transfer_valuation set unit_price = 0.0125, amount = points * 0.0125 where transfer_id = $1`, [
          draftEarnId,
        ]),
    );
    expect(diffs).toEqual([
      {
        statementId: null,
        partnerId: shop.id,
        field: `valuation ${draftEarnId}`,
        stored: '0.400000000000',
        recomputed: '0.500000000000',
      },
    ]);
  });

  it('a valuation whose points no longer match its transfer is reported', async () => {
    const diffs = await whileCorrupted(
      () =>
        sql(
          `update transfer_valuation set points = points + 1, amount = (points + 1) * unit_price where transfer_id = $1`,
          [draftEarnId],
        ),
      () =>
        sql(
          `update transfer_valuation set points = points - 1, amount = (points - 1) * unit_price where transfer_id = $1`,
          [draftEarnId],
        ),
    );
    expect(diffs.map((d) => d.field)).toEqual([`valuation ${draftEarnId}`]);
  });

  it('settled transfers of a partner without a contract are counted as unpriced; finance scoped to a partner reconciles only its own', async () => {
    const free = await app.createPartner();
    const member = await ledger.enroll(free);
    await ledger.earnOk(free, member, 10);
    const hub = await reconcile();
    expect(hub).toMatchObject({ ok: true, unpricedTransfers: 1, statementsChecked: 1 });
    expect(await reconcile(await app.financeToken(shop.id))).toMatchObject({
      ok: true,
      unpricedTransfers: 0,
      statementsChecked: 1,
      valuationsChecked: 4,
    });
    expect(await reconcile(await app.financeToken(free.id))).toMatchObject({
      ok: true,
      unpricedTransfers: 1,
      statementsChecked: 0,
      valuationsChecked: 0,
    });

    // A scoped report does not show another partner's corruption.
    const other = await whileCorruptedScoped(free);
    expect(other).toEqual([]);
  });
});

async function whileCorruptedScoped(scope: TestPartner) {
  await sql(`update settlement_statement set due_to_hub = due_to_hub + 1 where id = $1`, [closed.id]);
  try {
    return (await reconcile(await app.financeToken(scope.id))).differences;
  } finally {
    await sql(`update settlement_statement set due_to_hub = due_to_hub - 1 where id = $1`, [closed.id]);
  }
}
