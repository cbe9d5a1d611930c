/**
 * Privacy: a member exports everything the hub holds on them as JSON
 * (profile, links, consents, balances, transfers across every brand); erasure
 * removes personal fields, identifiers and links from every table while every
 * ledger record stays as it was and all ledger invariants still hold.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '../../support/graphql-client.js';
import { checkLedgerInvariantsAfterEach, ledgerHelpers } from '../../support/ledger.js';
import {
  EraseMember,
  EraseMyData,
  ExportMyData,
  Me,
  MemberDataExport,
  MemberFull,
  MergeMembers,
  memberHelpers,
} from '../../support/members.js';
import { initTestApp, type TestApp, type TestPartner } from '../../support/test-app.js';

let app: TestApp;
let a: TestPartner;
let b: TestPartner;
let members: ReturnType<typeof memberHelpers>;
let ledger: ReturnType<typeof ledgerHelpers>;
beforeAll(async () => {
  app = await initTestApp();
  [a, b] = [await app.createPartner(), await app.createPartner()];
  members = memberHelpers(app);
  ledger = ledgerHelpers(app);
});
afterAll(() => app?.close());
checkLedgerInvariantsAfterEach(() => app);

let n = 0;
/** A member known to A and B, with points at both, consents, and a member token. */
async function richMember() {
  const tag = `${process.pid}x${++n}`;
  const pii = {
    displayName: `Fajar ${tag}`,
    email: `fajar.${tag}@privacy.example`,
    phone: `+6281377${String(n).padStart(6, '0')}`,
    birthDate: new Date(Date.UTC(1950, 0, 1 + 97 * n)).toISOString().slice(0, 10),
    locale: 'id-ID',
    preferences: { diet: `veg-${tag}` },
  };
  const id = await members.enroll(a, { customerId: `PA-${tag}`, ...pii, emailVerified: true, phoneVerified: true });
  expect(await members.enroll(b, { customerId: `PB-${tag}`, email: pii.email, emailVerified: true })).toBe(id);
  const earnA = await ledger.earnOk(a, id, 120, { orderRef: `ORD-A-${tag}` });
  const earnB = await ledger.earnOk(b, id, 30);
  const redeemB = (await ledger.redeem(b, id, 50)).data!.redeemPoints;
  const token = await members.signIn(id);
  await members.consent(token, a, 'contact');
  await members.consent(token, b, 'marketing');
  await members.consent(token, b, 'marketing', false);
  return { id, tag, pii, token, transferIds: [earnA.transfer.id, earnB.transfer.id, redeemB.transfer.id] };
}

/** Every row of every table in the schema, as text, that contains `needle`. */
async function rowsContaining(needle: string): Promise<string[]> {
  const tables = await app.hub.db.sql.query<{ t: string }>(
    `select table_name as t from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`,
  );
  const found: string[] = [];
  for (const { t } of tables) {
    const rows = await app.hub.db.sql.query<{ r: string }>(
      `select x::text as r from "${t}" x where strpos(lower(x::text), lower($1)) > 0`,
      [needle],
    );
    found.push(...rows.map((r) => `${t}: ${r.r}`));
  }
  return found;
}

async function ledgerSnapshot() {
  const q = (sql: string) => app.hub.db.sql.query(sql).then((rows) => rows.map((r) => JSON.stringify(r)));
  return {
    transfers: await q(`select * from transfer order by id`),
    entries: await q(`select * from entry order by 1`),
    lots: await q(`select * from lot order by id`),
    operations: await q(`select id, scope, idempotency_key, kind, status from operation order by id`),
    accounts: await q(`select id, kind, currency, member_id, balance from account order by id`),
  };
}

type Export = {
  format: string;
  member: { id: string; profile: Record<string, unknown>; erasedAt: string | null };
  links: { partnerId: string; customerId: string }[];
  consentHistory: { partnerId: string; scope: string; granted: boolean; at: string }[];
  balances: { currency: string; available: string; held: string; owed: string }[];
  transfers: { id: string; kind: string; amount: string; partnerId: string; orderRef: string | null }[];
};

describe('exportMyData', () => {
  it('holds the profile, every link, consent history, balances and every transfer across brands, as JSON', async () => {
    const m = await richMember();
    const data = (await app.gqlOk(ExportMyData, {}, m.token)).exportMyData as unknown as Export;
    // Plain JSON all the way down (no bigint, no Date objects lost in transit).
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
    expect(data.format).toBe('coalition-hub.member-export.v1');
    expect(data.member).toMatchObject({ id: m.id, erasedAt: null, profile: { ...m.pii, phone: m.pii.phone } });
    expect(data.links.map((l) => [l.partnerId, l.customerId])).toEqual([
      [a.id, `PA-${m.tag}`],
      [b.id, `PB-${m.tag}`],
    ]);
    expect(data.consentHistory.map((c) => [c.partnerId, c.scope, c.granted])).toEqual([
      [a.id, 'contact', true],
      [b.id, 'marketing', true],
      [b.id, 'marketing', false],
    ]);
    expect(data.consentHistory.every((c) => !Number.isNaN(Date.parse(c.at)))).toBe(true);
    expect(data.balances).toEqual([
      expect.objectContaining({ currency: 'PTS', available: '100', held: '0', owed: '0' }),
    ]);
    expect(data.transfers.map((t) => t.id).sort()).toEqual([...m.transferIds].sort());
    expect(data.transfers.find((t) => t.id === m.transferIds[0])).toMatchObject({
      kind: 'EARN',
      amount: '120',
      partnerId: a.id,
      orderRef: `ORD-A-${m.tag}`,
    });
  });

  it('the operator exports the same document for a member; partners and other members cannot', async () => {
    const m = await richMember();
    const mine = (await app.gqlOk(ExportMyData, {}, m.token)).exportMyData as unknown as Export;
    const byOperator = (await app.gqlOk(MemberDataExport, { memberId: m.id }, await app.operatorToken()))
      .memberDataExport as unknown as Export;
    expect({ ...byOperator, exportedAt: null }).toEqual({ ...mine, exportedAt: null });
    expect(errorCodes(await app.gql(MemberDataExport, { memberId: m.id }, a.token))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await app.gql(MemberDataExport, { memberId: m.id }, m.token))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await app.gql(ExportMyData, {}, a.token))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await app.gql(MemberDataExport, { memberId: 'nope' }, await app.operatorToken()))).toEqual([
      'NOT_FOUND',
    ]);
  });

  it("after a merge, the survivor's export includes the duplicate's transfers", async () => {
    const m = await richMember();
    const dup = await members.enroll(a);
    const dupEarn = await ledger.earnOk(a, dup, 7);
    await app.gqlOk(MergeMembers, { input: { sourceMemberId: dup, targetMemberId: m.id } }, await app.operatorToken());
    const data = (await app.gqlOk(ExportMyData, {}, m.token)).exportMyData as unknown as Export;
    expect(data.transfers.map((t) => t.id)).toContain(dupEarn.transfer.id);
    expect(data.transfers.map((t) => t.kind)).toContain('MERGE');
    expect(data.balances).toEqual([expect.objectContaining({ currency: 'PTS', available: '107' })]);
  });
});

describe('erasure', () => {
  it('eraseMyData removes personal fields, identifiers and links from every table; the ledger stays whole', async () => {
    const m = await richMember();
    for (const needle of [m.pii.email, m.pii.phone, m.pii.displayName, m.pii.preferences.diet, `PA-${m.tag}`])
      expect(await rowsContaining(needle), needle).not.toEqual([]);
    const before = await ledgerSnapshot();

    const erased = (await app.gqlOk(EraseMyData, {}, m.token)).eraseMyData;
    expect(erased.id).toBe(m.id);
    expect(erased.erasedAt).not.toBeNull();
    expect(erased.profile).toEqual({
      displayName: null,
      email: null,
      phone: null,
      birthDate: null,
      locale: null,
      preferences: {},
    });
    expect(erased.links).toEqual([]);

    // Personal data is gone from the whole database, not just hidden.
    for (const needle of [
      m.pii.email,
      m.pii.phone,
      m.pii.displayName,
      m.pii.preferences.diet,
      m.pii.birthDate,
      `PA-${m.tag}`,
      `PB-${m.tag}`,
    ]) {
      expect(await rowsContaining(needle), needle).toEqual([]);
    }
    // Every ledger record is exactly as it was.
    expect(await ledgerSnapshot()).toEqual(before);
    const seen = await members.view(m.id);
    expect(seen.balances).toEqual([{ currency: 'PTS', available: '100', held: '0', owed: '0' }]);
    expect(seen.transactions.nodes.map((t) => t.id).sort()).toEqual([...m.transferIds].sort());
  });

  it('after erasure: the token stops, partners no longer find the member, and the same verified email enrols a new member', async () => {
    const m = await richMember();
    await app.gqlOk(EraseMember, { memberId: m.id }, await app.operatorToken());
    expect(errorCodes(await app.gql(Me, {}, m.token))).toEqual(['UNAUTHENTICATED']);
    for (const partner of [a, b]) {
      expect(errorCodes(await app.gql(MemberFull, { ref: { memberId: m.id } }, partner.token))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await ledger.earn(partner, m.id, 1))).toEqual(['NOT_FOUND']);
    }
    const fresh = await members.enroll(a, { customerId: `PA-${m.tag}`, email: m.pii.email, emailVerified: true });
    expect(fresh).not.toBe(m.id);
    // The operator's export of the erased member holds no personal data, only ledger facts.
    const data = (await app.gqlOk(MemberDataExport, { memberId: m.id }, await app.operatorToken()))
      .memberDataExport as unknown as Export;
    expect(data.member.erasedAt).not.toBeNull();
    expect(data.links).toEqual([]);
    expect(data.transfers).toHaveLength(3);
    for (const needle of [m.pii.email, m.pii.phone, m.pii.displayName])
      expect(JSON.stringify(data)).not.toContain(needle);
  });

  it('an erased member cannot be edited back, and erasing again changes nothing', async () => {
    const m = await richMember();
    const first = (await app.gqlOk(EraseMember, { memberId: m.id }, await app.operatorToken())).eraseMember;
    const again = (await app.gqlOk(EraseMember, { memberId: m.id }, await app.operatorToken())).eraseMember;
    expect(again.erasedAt).toBe(first.erasedAt);
    expect(errorCodes(await app.gql(EraseMyData, {}, m.token))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await app.gql(EraseMember, { memberId: m.id }, a.token))).toEqual(['FORBIDDEN']);
  });

  it('erasure with a hold open keeps the hold; it still resolves and the invariants hold', async () => {
    const m = await richMember();
    const hold = (await ledger.authorize(a, m.id, 40, { expiresInSeconds: 3600 })).data!.authorizeRedemption.hold!;
    await app.gqlOk(EraseMember, { memberId: m.id }, await app.operatorToken());
    // The partner can still settle its open hold (it names the hold, not the person).
    expect((await ledger.capture(a, hold.id, 10)).errors).toBeUndefined();
    expect(await ledger.balance(m.id)).toEqual({ available: '90', held: '0', owed: '0' });
  });
});
