/**
 * Rates against PTS are dated versions: never edited, a newer one supersedes,
 * the history is queryable and the rate in effect at any past instant is
 * answerable (exchangeRateAt(at:)) — and stays the same answer forever, so
 * backdating and a second version at the same instant are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../generated/index.js';
import { errorCodes } from '../../support/graphql-client.js';
import { checkLedgerInvariantsAfterEach, ledgerHelpers, type LedgerHelpers } from '../../support/ledger.js';
import { memberHelpers } from '../../support/members.js';
import { ExchangeRates, exchangeHelpers, type ExchangeHelpers } from '../../support/exchange.js';
import { initTestApp, type TestApp, type TestPartner } from '../../support/test-app.js';

const MutationFields = graphql(`
  query ExchangeMutationFields {
    __type(name: "Mutation") {
      fields {
        name
      }
    }
  }
`);

let app: TestApp;
let ledger: LedgerHelpers;
let ex: ExchangeHelpers;
let airline: TestPartner;
beforeAll(async () => {
  app = await initTestApp();
  ledger = ledgerHelpers(app);
  ex = exchangeHelpers(app, ledger);
  airline = await app.createPartner();
});
afterAll(() => app?.close());
checkLedgerInvariantsAfterEach(() => app);

const ms = (iso: string) => new Date(iso).getTime();

describe('rate versions', () => {
  it('a newer version supersedes; the older one is kept unchanged; history lists both, newest first', async () => {
    const miles = await ex.brand(airline);
    const v1 = await ex.setRateOk(miles, 'TO_PTS', '0.5', '0.02', 100, 100);
    expect(v1).toMatchObject({
      currency: miles,
      direction: 'TO_PTS',
      rate: '0.5',
      spread: '0.02',
      minimumAmount: '100',
      increment: '100',
    });
    expect((await ex.rateAt(miles, 'TO_PTS')).data?.exchangeRateAt).toEqual(v1);

    await app.advanceClock(20);
    const v2 = await ex.setRateOk(miles, 'TO_PTS', '0.45', '0.01', 1000, 1000);
    expect(v2.id).not.toBe(v1.id);
    expect(ms(v2.effectiveFrom)).toBeGreaterThan(ms(v1.effectiveFrom));
    expect((await ex.rateAt(miles, 'TO_PTS')).data?.exchangeRateAt).toEqual(v2);
    expect(await ex.rates(miles)).toEqual([v2, v1]);
    expect(await ex.rates(miles, 'FROM_PTS')).toEqual([]);
  });

  it('the rate in effect at a past instant is answerable: the version that started at or before it', async () => {
    const miles = await ex.brand(airline);
    const v1 = await ex.setRateOk(miles, 'FROM_PTS', '1.9', '0.01', 1, 1);
    await app.advanceClock(30);
    const between = app.now();
    await app.advanceClock(30);
    const v2 = await ex.setRateOk(miles, 'FROM_PTS', '1.8', '0.01', 1, 1);

    const at = async (instant: string | Date) => (await ex.rateAt(miles, 'FROM_PTS', instant)).data?.exchangeRateAt?.id;
    expect(await at(v1.effectiveFrom)).toBe(v1.id); // the instant the hub reports as a version's start is in that version
    expect(await at(between)).toBe(v1.id);
    expect(await at(new Date(ms(v2.effectiveFrom) - 1))).toBe(v1.id);
    expect(await at(v2.effectiveFrom)).toBe(v2.id);
    expect(await at(app.now())).toBe(v2.id);
    // Before the first version, no rate was in effect.
    const before = await ex.rateAt(miles, 'FROM_PTS', new Date(ms(v1.effectiveFrom) - 1));
    expect(errorCodes(before)).toEqual(['RATE_UNAVAILABLE']);
  });

  it('a future-dated version is listed at once but takes effect only at its instant; quotes now use the current one', async () => {
    const miles = await ex.brand(airline);
    const member = await ledger.enroll(airline);
    const memberToken = await memberHelpers(app).signIn(member);
    const now = await ex.setRateOk(miles, 'FROM_PTS', '2', '0', 1, 1);
    const inAnHour = new Date(app.now().getTime() + 3_600_000);
    const later = await ex.setRateOk(miles, 'FROM_PTS', '1.5', '0', 1, 1, inAnHour);
    expect(ms(later.effectiveFrom)).toBe(inAnHour.getTime());

    expect(await ex.rates(miles, 'FROM_PTS')).toEqual([later, now]);
    expect((await ex.rateAt(miles, 'FROM_PTS')).data?.exchangeRateAt.id).toBe(now.id);
    expect((await ex.rateAt(miles, 'FROM_PTS', new Date(inAnHour.getTime() - 1))).data?.exchangeRateAt.id).toBe(now.id);
    expect((await ex.rateAt(miles, 'FROM_PTS', inAnHour)).data?.exchangeRateAt.id).toBe(later.id);
    const q = await ex.quoteOk(memberToken, 'PTS', miles, 10);
    expect(q).toMatchObject({ inRateId: now.id, amountOut: '20' });
  });

  it('the two directions are separate version chains', async () => {
    const miles = await ex.brand(airline);
    const to = await ex.setRateOk(miles, 'TO_PTS', '0.5', '0', 1, 1);
    const from = await ex.setRateOk(miles, 'FROM_PTS', '1.5', '0', 1, 1);
    expect((await ex.rateAt(miles, 'TO_PTS')).data?.exchangeRateAt.id).toBe(to.id);
    expect((await ex.rateAt(miles, 'FROM_PTS')).data?.exchangeRateAt.id).toBe(from.id);
    expect((await ex.rates(miles)).map((r) => r.id).sort()).toEqual([to.id, from.id].sort());
    expect(await ex.rates(miles, 'TO_PTS')).toEqual([to]);
  });

  it('backdating is refused and writes nothing; the answer for a past instant never changes', async () => {
    const miles = await ex.brand(airline);
    const v1 = await ex.setRateOk(miles, 'TO_PTS', '0.5', '0', 1, 1);
    await app.advanceClock(30);
    const past = app.now();
    await app.advanceClock(30);
    const res = await ex.refused('RATE_BACKDATED', () =>
      ex.setRate(miles, 'TO_PTS', '0.4', '0', 1, 1, new Date(app.now().getTime() - 3_600_000)),
    );
    expect(res.errors?.[0]?.extensions?.field).toBe('effectiveFrom');
    // Even a start just a moment ago (the kind a client whose clock is a little behind sends) must not rewrite what was in effect.
    const v2 = await ex.setRate(miles, 'TO_PTS', '0.3', '0', 1, 1, new Date(past.getTime() - 10));
    if (!v2.errors) expect(ms(v2.data!.setExchangeRate.effectiveFrom)).toBeGreaterThan(past.getTime());
    expect((await ex.rateAt(miles, 'TO_PTS', past)).data?.exchangeRateAt.id).toBe(v1.id);
    expect((await ex.rateAt(miles, 'TO_PTS', v1.effectiveFrom)).data?.exchangeRateAt).toEqual(v1);
  });

  it('a second version at the same instant is refused (RATE_VERSION_EXISTS); the first stays as it was', async () => {
    const miles = await ex.brand(airline);
    const at = new Date(app.now().getTime() + 60_000);
    const first = await ex.setRateOk(miles, 'TO_PTS', '0.5', '0.02', 100, 100, at);
    await ex.refused('RATE_VERSION_EXISTS', () => ex.setRate(miles, 'TO_PTS', '0.25', '0', 100, 100, at));
    expect(await ex.rates(miles)).toEqual([first]);
    // The same instant in the other direction is a different chain.
    await ex.setRateOk(miles, 'FROM_PTS', '1', '0', 1, 1, at);
  });

  it('versions cannot be edited or deleted: setExchangeRate is the only rate mutation, and only the operator may call it', async () => {
    const { __type } = await app.gqlOk(MutationFields, {}, await ledger.operatorToken());
    // Names with "rate" in them that are not about rates: redemptions, and generateRewardCodes (issue 20).
    const rateMutations = __type!
      .fields!.map((f) => f.name)
      .filter((n) => /rate/i.test(n) && !/redemption|generate/i.test(n));
    expect(rateMutations).toEqual(['setExchangeRate']);

    const miles = await ex.brand(airline);
    const member = await ledger.enroll(airline);
    const memberToken = await memberHelpers(app).signIn(member);
    await ex.refused('FORBIDDEN', () => ex.setRate(miles, 'TO_PTS', '0.5', '0', 1, 1, undefined, airline.token));
    await ex.refused('FORBIDDEN', () => ex.setRate(miles, 'TO_PTS', '0.5', '0', 1, 1, undefined, memberToken));
    // Anyone signed in may read rates.
    await ex.setRateOk(miles, 'TO_PTS', '0.5', '0', 1, 1);
    expect((await app.gqlOk(ExchangeRates, { currency: miles }, memberToken)).exchangeRates).toHaveLength(1);
  });
});
