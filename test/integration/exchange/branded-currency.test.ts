/**
 * Branded currencies: the operator creates one issued by a partner (code,
 * name, scale, expiry policy); that partner earns, redeems, holds and reverses
 * in it exactly like PTS; other partners cannot touch it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../generated/index.js';
import { errorCodes } from '../../support/graphql-client.js';
import { checkLedgerInvariantsAfterEach, ledgerHelpers, type LedgerHelpers } from '../../support/ledger.js';
import { exchangeHelpers, type ExchangeHelpers } from '../../support/exchange.js';
import { initTestApp, type TestApp, type TestPartner } from '../../support/test-app.js';

const CreateBrandedCurrency = graphql(`
  mutation CreateBrandedCurrency($input: CreateCurrencyInput!) {
    createCurrency(input: $input) {
      code
      name
      kind
      scale
      issuerPartnerId
      expiryPolicy
      expiryPeriod
    }
  }
`);

const Currencies = graphql(`
  query BrandedCurrencies {
    currencies {
      code
      name
      kind
      scale
      issuerPartnerId
      expiryPolicy
      expiryPeriod
    }
  }
`);

let app: TestApp;
let ledger: LedgerHelpers;
let ex: ExchangeHelpers;
let airline: TestPartner;
let hotel: TestPartner;
let miles: string;
beforeAll(async () => {
  app = await initTestApp();
  ledger = ledgerHelpers(app);
  ex = exchangeHelpers(app, ledger);
  [airline, hotel] = [await app.createPartner(), await app.createPartner()];
  miles = await ex.brand(airline, 'MILES');
});
afterAll(() => app?.close());
checkLedgerInvariantsAfterEach(() => app);

describe('creating a branded currency', () => {
  it('the operator creates it with code, name, scale, issuer and expiry policy; it is listed', async () => {
    const input = {
      code: 'NIGHTS',
      name: 'Hotel nights',
      scale: 0,
      issuerPartnerId: hotel.id,
      expiryPolicy: 'FIXED' as const,
      expiryPeriod: 'P36M',
    };
    const { createCurrency } = await app.gqlOk(CreateBrandedCurrency, { input }, await ledger.operatorToken());
    expect(createCurrency).toEqual({
      code: 'NIGHTS',
      name: 'Hotel nights',
      kind: 'BRANDED',
      scale: 0,
      issuerPartnerId: hotel.id,
      expiryPolicy: 'FIXED',
      expiryPeriod: '3 years',
    });
    const { currencies } = await app.gqlOk(Currencies, {}, await ledger.operatorToken());
    expect(currencies).toContainEqual(createCurrency);
    expect((await app.gqlOk(Currencies, {}, hotel.token)).currencies.map((c) => c.code)).toContain('NIGHTS');
  });

  it('only the operator creates currencies; a code exists once', async () => {
    const input = { code: 'GEMS', name: 'Gems', issuerPartnerId: airline.id, expiryPolicy: 'NONE' as const };
    await ex.refused('FORBIDDEN', () => app.gql(CreateBrandedCurrency, { input }, airline.token));
    await app.gqlOk(CreateBrandedCurrency, { input }, await ledger.operatorToken());
    const again = await app.gql(
      CreateBrandedCurrency,
      { input: { ...input, issuerPartnerId: hotel.id } },
      await ledger.operatorToken(),
    );
    expect(errorCodes(again)).toEqual(['CURRENCY_EXISTS']);
  });
});

/**
 * The same partner-side life of a member's points in any currency: earn,
 * redeem, authorise + partial capture, authorise + void, partial reversal of
 * the redemption, partial reversal of the earn. Returns what the partner sees
 * at each step, with ids and the currency code taken out.
 */
async function lifecycle(currency: string) {
  const member = await ledger.enroll(airline);
  const steps: unknown[] = [];
  const seen = async (label: string, res: { errors?: unknown; data?: unknown }) => {
    expect(res.errors, `${currency} ${label}: ${JSON.stringify(res.errors)}`).toBeUndefined();
    const data = Object.values(
      res.data as Record<string, { transfer: { kind: string; amount: string; walletDelta: string }; balance: unknown }>,
    )[0]!;
    steps.push({
      label,
      kind: data.transfer.kind,
      amount: data.transfer.amount,
      walletDelta: data.transfer.walletDelta,
      balance: data.balance,
    });
    return data as unknown as { transfer: { id: string }; hold?: { id: string } };
  };
  const earn = await seen('earn', await ledger.earn(airline, member, 1000, { currency }));
  const redeem = await seen('redeem', await ledger.redeem(airline, member, 200, { currency }));
  const hold = await seen('authorize', await ledger.authorize(airline, member, 300, { currency }));
  await seen('capture', await ledger.capture(airline, hold.hold!.id, 100));
  const hold2 = await seen('authorize', await ledger.authorize(airline, member, 50, { currency }));
  await seen('void', await ledger.voidHold(airline, hold2.hold!.id));
  await seen('reverse redemption', await ledger.reverse(airline, redeem.transfer.id, 50));
  await seen('reverse earn', await ledger.reverse(airline, earn.transfer.id, 300));
  const other = currency === 'PTS' ? miles : 'PTS';
  return { member, steps, final: await ledger.balance(member, currency), other: await ledger.balance(member, other) };
}

describe('the issuing partner', () => {
  it('earns, redeems, holds, captures, voids and reverses in its currency exactly like in PTS', async () => {
    const pts = await lifecycle('PTS');
    const branded = await lifecycle(miles);
    expect(branded.steps).toEqual(pts.steps);
    expect(branded.final).toEqual({ available: '450', held: '0', owed: '0' }); // 1000 − 200 − 100 + 50 − 300
    expect(branded.final).toEqual(pts.final);
    // Each stayed in its own currency.
    expect(pts.other).toEqual({ available: '0', held: '0', owed: '0' });
    expect(branded.other).toEqual({ available: '0', held: '0', owed: '0' });
    const transfers = (member: string) =>
      app.hub.db.sql.query<{ currency: string; kind: string; amount: string; partner_id: string }>(
        `select currency, kind, amount::text as amount, partner_id from transfer where member_id = $1 order by created_at, kind`,
        [member],
      );
    const [p, b] = [await transfers(pts.member), await transfers(branded.member)];
    expect(b.map((t) => ({ ...t, currency: t.currency === miles ? 'X' : t.currency }))).toEqual(
      p.map((t) => ({ ...t, currency: t.currency === 'PTS' ? 'X' : t.currency })),
    );
    expect(new Set(b.map((t) => t.currency))).toEqual(new Set([miles]));
  });
});

describe('other partners', () => {
  it('cannot earn, redeem or hold in it, nor capture, void or reverse what the issuer did in it; nothing is written', async () => {
    const member = await ledger.enroll(airline);
    await ledger.link(hotel, member);
    const earn = await ledger.earnOk(airline, member, 500, { currency: miles });
    const hold = (await ledger.authorize(airline, member, 100, { currency: miles })).data!.authorizeRedemption.hold!;

    await ex.refused('CURRENCY_NOT_ISSUABLE', () => ledger.earn(hotel, member, 10, { currency: miles }));
    await ex.refused('CURRENCY_NOT_ISSUABLE', () => ledger.redeem(hotel, member, 10, { currency: miles }));
    await ex.refused('CURRENCY_NOT_ISSUABLE', () => ledger.authorize(hotel, member, 10, { currency: miles }));
    await ex.refused('NOT_FOUND', () => ledger.capture(hotel, hold.id, 10));
    await ex.refused('NOT_FOUND', () => ledger.voidHold(hotel, hold.id));
    await ex.refused('NOT_FOUND', () => ledger.reverse(hotel, earn.transfer.id, 10));
    expect(await ledger.balance(member, miles)).toEqual({ available: '400', held: '100', owed: '0' });
    await ledger.voidHold(airline, hold.id);
  });
});
