/**
 * Partner contracts are versions with an effective-from time, never edited:
 * exact decimal prices, the settlement currency's ISO 4217 minor unit, a
 * scheduled price change listed at once and in effect from its instant. A
 * version never starts before the moment it is written, so the contract in
 * effect at a past instant stays the one that priced what happened then.
 * Bad input (negative prices, unknown currencies, the same instant twice,
 * backdating, changing fixed terms) gets a stable code and writes nothing.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '../../support/graphql-client.js';
import { checkLedgerInvariantsAfterEach, ledgerHelpers, type LedgerHelpers } from '../../support/ledger.js';
import { expectValuation, settlementHelpers, type SettlementHelpers } from '../../support/settlement.js';
import { initTestApp, LONG_LIVED_TOKENS, type TestApp, type TestPartner } from '../../support/test-app.js';

let app: TestApp;
let ledger: LedgerHelpers;
let st: SettlementHelpers;
beforeAll(async () => {
  app = await initTestApp({ config: LONG_LIVED_TOKENS }); // periods are closed by moving hub time
  ledger = ledgerHelpers(app);
  st = settlementHelpers(app);
});
afterAll(() => app?.close());
checkLedgerInvariantsAfterEach(() => app);

const ms = (iso: string | Date) => new Date(iso).getTime();

describe('versions', () => {
  it('the first version keeps exact decimals and the currency minor unit, starts now, and is version 1', async () => {
    const cases = [
      { currency: 'USD', scale: 2 },
      { currency: 'JPY', scale: 0 },
      { currency: 'KWD', scale: 3 },
      { currency: 'EUR', scale: 2 },
    ];
    for (const c of cases) {
      const partner = await app.createPartner();
      const before = app.now().getTime();
      const v1 = await st.contractOk(partner, {
        settlementCurrency: c.currency,
        issuePrice: '0.012345678901',
        redemptionPrice: '1234567.000000000001',
        billingMode: 'POSTPAID',
        creditLimit: c.scale ? `2500.${'5'.repeat(c.scale)}` : '2500',
        period: 'MONTHLY',
        periodSeconds: null,
      });
      expect(v1).toEqual({
        id: expect.any(String),
        partnerId: partner.id,
        version: 1,
        effectiveFrom: expect.any(String),
        settlementCurrency: c.currency,
        fiatScale: c.scale,
        issuePrice: '0.012345678901',
        redemptionPrice: '1234567.000000000001',
        billingMode: 'POSTPAID',
        creditLimit: c.scale ? `2500.${'5'.repeat(c.scale)}` : '2500',
        period: 'MONTHLY',
        periodSeconds: null,
      });
      expect(ms(v1.effectiveFrom)).toBeGreaterThanOrEqual(before - 5);
      expect(ms(v1.effectiveFrom)).toBeLessThanOrEqual(app.now().getTime() + 5);
      expect(await st.contracts(partner)).toEqual([v1]);
    }
  });

  it('trailing zeros are not significant: "1.50" is stored and shown as 1.5', async () => {
    const partner = await app.createPartner();
    const v1 = await st.contractOk(partner, { issuePrice: '1.50', redemptionPrice: '0.000' });
    expect([v1.issuePrice, v1.redemptionPrice]).toEqual(['1.5', '0']);
  });

  it('a scheduled price change is listed at once (newest first, next version number) and prices transfers only from its instant', async () => {
    const partner = await app.createPartner();
    const member = await ledger.enroll(partner);
    const v1 = await st.contractOk(partner, { issuePrice: '0.01', redemptionPrice: '0.008' });
    const switchAt = new Date(app.now().getTime() + 1200);
    const v2 = await st.contractOk(partner, {
      issuePrice: '0.0125',
      redemptionPrice: '0.009',
      effectiveFrom: switchAt.toISOString(),
    });
    expect(v2).toMatchObject({
      version: 2,
      effectiveFrom: switchAt.toISOString(),
      issuePrice: '0.0125',
      redemptionPrice: '0.009',
    });
    expect(await st.contracts(partner)).toEqual([v2, v1]);

    const before = await ledger.earnOk(partner, member, 100);
    await st.advanceTo(switchAt, 20);
    const after = await ledger.earnOk(partner, member, 100);
    const [vb, va] = await st.valuations([before.transfer.id, after.transfer.id]);
    expectValuation(vb, { kind: 'ISSUANCE', points: 100, unitPrice: '0.01', contractId: v1.id, partnerId: partner.id });
    expectValuation(va, {
      kind: 'ISSUANCE',
      points: 100,
      unitPrice: '0.0125',
      contractId: v2.id,
      partnerId: partner.id,
    });
    // Versions are never edited: both read back exactly as written.
    expect(await st.contracts(partner)).toEqual([v2, v1]);
  });

  it('a version never starts before it is written: the contract in effect at each past transfer stays the one that priced it', async () => {
    const partner = await app.createPartner();
    const member = await ledger.enroll(partner);
    const v1 = await st.contractOk(partner, { issuePrice: '0.01' });
    await app.advanceClock(50);
    const earn = await ledger.earnOk(partner, member, 10);
    const [valuation] = await st.valuations([earn.transfer.id]);
    await app.advanceClock(50);
    // A start a little in the past (within any clock-skew tolerance) must not re-price what already happened.
    const written = app.now().getTime();
    const res = await st.setContract(partner, {
      issuePrice: '0.02',
      effectiveFrom: new Date(written - 1000).toISOString(),
    });
    const versions = await st.contracts(partner);
    if (res.errors?.length) {
      expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
      expect(versions).toEqual([v1]);
    } else {
      expect(ms(res.data!.setPartnerContract.effectiveFrom)).toBeGreaterThanOrEqual(written - 5);
    }
    const inEffectAt = (t: Date) =>
      versions
        .filter((v) => ms(v.effectiveFrom) <= t.getTime())
        .sort((a, b) => ms(b.effectiveFrom) - ms(a.effectiveFrom))[0];
    expect(inEffectAt(valuation!.created_at)?.id).toBe(valuation!.contract_id);
  });
});

describe('bad input: stable codes, nothing written', () => {
  // A partner without a contract: every refused first version must leave it without one.
  let blank: TestPartner;
  beforeAll(async () => {
    blank = await app.createPartner();
  });

  async function refused(
    code: string,
    field: string | undefined,
    input: Parameters<SettlementHelpers['setContract']>[1],
    partner?: TestPartner,
  ) {
    const p = partner ?? blank;
    const versions = await st.contracts(p);
    const before = await st.counts();
    const res = await st.setContract(p.id, input);
    expect(errorCodes(res), JSON.stringify(res.errors)).toEqual([code]);
    if (field) expect(res.errors![0]!.extensions?.field).toBe(field);
    expect(res.data ?? null).toBeNull();
    expect(await st.counts()).toEqual(before);
    expect(await st.contracts(p)).toEqual(versions);
  }

  it('negative, malformed or over-precise prices → BAD_USER_INPUT on the field', async () => {
    await refused('BAD_USER_INPUT', 'issuePrice', { issuePrice: '-0.01' });
    await refused('BAD_USER_INPUT', 'redemptionPrice', { redemptionPrice: '-1' });
    await refused('BAD_USER_INPUT', 'issuePrice', { issuePrice: '1e-3' });
    await refused('BAD_USER_INPUT', 'issuePrice', { issuePrice: '' });
    await refused('BAD_USER_INPUT', 'issuePrice', { issuePrice: '0.1234567890123' }); // 13 decimals: more than a price carries
    await refused('BAD_USER_INPUT', 'redemptionPrice', { redemptionPrice: 'NaN' });
  });

  it('unknown settlement currencies → UNKNOWN_FIAT_CURRENCY', async () => {
    for (const code of ['XYZ', 'usd', 'PTS', 'EURO', ''])
      await refused('UNKNOWN_FIAT_CURRENCY', 'settlementCurrency', { settlementCurrency: code });
  });

  it('inconsistent billing and period terms → BAD_USER_INPUT', async () => {
    await refused('BAD_USER_INPUT', 'creditLimit', { billingMode: 'PREPAID', creditLimit: '100' });
    await refused('BAD_USER_INPUT', 'creditLimit', { creditLimit: '-5' });
    await refused('BAD_USER_INPUT', 'creditLimit', { creditLimit: '10.001' }); // USD has 2 decimals
    await refused('BAD_USER_INPUT', 'periodSeconds', { period: 'CUSTOM', periodSeconds: null });
    await refused('BAD_USER_INPUT', 'periodSeconds', { period: 'DAILY', periodSeconds: 60 });
    await refused('BAD_USER_INPUT', 'periodSeconds', { period: 'CUSTOM', periodSeconds: 0 });
  });

  it('the same instant twice → CONTRACT_VERSION_EXISTS', async () => {
    const partner = await app.createPartner();
    await st.contractOk(partner);
    const at = new Date(app.now().getTime() + 60_000).toISOString();
    await st.contractOk(partner, { issuePrice: '0.02', effectiveFrom: at });
    await refused('CONTRACT_VERSION_EXISTS', 'effectiveFrom', { issuePrice: '0.03', effectiveFrom: at }, partner);
  });

  it('backdating → CONTRACT_BACKDATED on effectiveFrom', async () => {
    const partner = await app.createPartner();
    await st.contractOk(partner);
    await refused(
      'CONTRACT_BACKDATED',
      'effectiveFrom',
      { issuePrice: '0.02', effectiveFrom: new Date(app.now().getTime() - 3_600_000).toISOString() },
      partner,
    );
    // Also for a partner's very first version.
    await refused('CONTRACT_BACKDATED', 'effectiveFrom', {
      effectiveFrom: new Date(app.now().getTime() - 60_000).toISOString(),
    });
  });

  it('settlement currency and period are fixed by the first version → CONTRACT_TERMS_FIXED', async () => {
    const partner = await app.createPartner();
    await st.contractOk(partner, { settlementCurrency: 'EUR', period: 'CUSTOM', periodSeconds: 2 });
    await refused(
      'CONTRACT_TERMS_FIXED',
      'settlementCurrency',
      { settlementCurrency: 'USD', period: 'CUSTOM', periodSeconds: 2 },
      partner,
    );
    await refused(
      'CONTRACT_TERMS_FIXED',
      'period',
      { settlementCurrency: 'EUR', period: 'CUSTOM', periodSeconds: 3 },
      partner,
    );
    await refused(
      'CONTRACT_TERMS_FIXED',
      'period',
      { settlementCurrency: 'EUR', period: 'DAILY', periodSeconds: null },
      partner,
    );
  });

  it('a billing change takes effect at once: scheduling one ahead → BILLING_CHANGE_NOT_IMMEDIATE on effectiveFrom', async () => {
    const partner = await app.createPartner();
    await st.contractOk(partner, { billingMode: 'POSTPAID' });
    await refused(
      'BILLING_CHANGE_NOT_IMMEDIATE',
      'effectiveFrom',
      { billingMode: 'PREPAID', effectiveFrom: new Date(app.now().getTime() + 60_000).toISOString() },
      partner,
    );
    await refused(
      'BILLING_CHANGE_NOT_IMMEDIATE',
      'effectiveFrom',
      {
        billingMode: 'POSTPAID',
        creditLimit: '10',
        effectiveFrom: new Date(app.now().getTime() + 60_000).toISOString(),
      },
      partner,
    );
  });

  it('a billing change while a later version is scheduled → BILLING_CHANGE_WHILE_SCHEDULED (that version would undo it when it takes effect)', async () => {
    const partner = await app.createPartner();
    const member = await ledger.enroll(partner);
    await st.contractOk(partner, { billingMode: 'POSTPAID', creditLimit: '10' });
    const at = new Date(app.now().getTime() + 1500);
    await st.contractOk(partner, {
      billingMode: 'POSTPAID',
      creditLimit: '10',
      issuePrice: '0.02',
      effectiveFrom: at.toISOString(),
    });
    await refused('BILLING_CHANGE_WHILE_SCHEDULED', 'billingMode', { billingMode: 'PREPAID' }, partner);
    await refused(
      'BILLING_CHANGE_WHILE_SCHEDULED',
      'billingMode',
      { billingMode: 'POSTPAID', creditLimit: '20' },
      partner,
    );
    // A price change alone is fine; once the scheduled version is in effect, billing can change again — and stays changed.
    await st.contractOk(partner, { billingMode: 'POSTPAID', creditLimit: '10', issuePrice: '0.015' });
    await st.advanceTo(at, 20);
    await st.contractOk(partner, { billingMode: 'PREPAID', issuePrice: '0.02' });
    await st.topUpOk(partner, '5');
    expect(errorCodes(await ledger.earn(partner, member, 400))).toEqual(['PREPAID_FUNDS_EXHAUSTED']); // 400 × 0.02 = 8 > 5
    await ledger.earnOk(partner, member, 250);
    expect(await st.budget(partner)).toBe('0');
  });

  it('a partner that does not exist → refused, nothing written', async () => {
    const before = await st.counts();
    expect(errorCodes(await st.setContract(randomUUID()))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await st.setContract('not-a-partner'))).toEqual(['NOT_FOUND']);
    expect(await st.counts()).toEqual(before);
  });
});
