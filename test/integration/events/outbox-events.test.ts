/**
 * The transactional outbox (issue 19, item 1): every change writes its event in its own transaction, a refused
 * change writes none, and no payload carries personal data. Read straight from `outbox_event` (what delivery
 * reads); delivery itself is webhooks.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '../../support/graphql-client.js';
import { checkLedgerInvariantsAfterEach, ledgerHelpers, type LedgerHelpers } from '../../support/ledger.js';
import { EraseMember, MergeMembers, memberHelpers, type MemberHelpers } from '../../support/members.js';
import { initTestApp, type TestApp, type TestPartner } from '../../support/test-app.js';
import { WEBHOOK_TEST_CONFIG } from '../../support/webhooks.js';

let app: TestApp;
let ledger: LedgerHelpers;
let members: MemberHelpers;
let shop: TestPartner;
let airline: TestPartner;
beforeAll(async () => {
  app = await initTestApp({ config: WEBHOOK_TEST_CONFIG });
  ledger = ledgerHelpers(app);
  members = memberHelpers(app);
  shop = await app.createPartner();
  airline = await app.createPartner();
});
afterAll(() => app?.close());
checkLedgerInvariantsAfterEach(() => app);

interface EventRow {
  type: string;
  version: number;
  partner_id: string;
  member_id: string | null;
  payload: Record<string, unknown>;
}

/** The events about a member, in outbox order. */
const eventsOf = (memberId: string) =>
  app.hub.db.sql.query<EventRow>(
    `select type, version, partner_id, member_id, payload from outbox_event where member_id = $1 order by seq`,
    [memberId],
  );

describe('ledger events, written by the posting statement', () => {
  it('an earn writes points.earned with the operation, amount and transfer; nothing personal', async () => {
    const member = await ledger.enroll(shop);
    const earn = await ledger.earnOk(shop, member, 500, { orderRef: 'R-1' });
    const events = await eventsOf(member);
    expect(events.map((e) => e.type)).toEqual(['member.linked', 'points.earned']);
    expect(events[1]).toMatchObject({
      version: 1,
      partner_id: shop.id,
      payload: { currency: 'PTS', amount: '500', orderRef: 'R-1', transferIds: [earn.transfer!.id] },
    });
    expect(events[1]!.payload.operationId).toEqual(expect.any(String));
  });

  it('a refused operation writes no event', async () => {
    const member = await ledger.enroll(shop);
    const before = await app.count('outbox_event');
    expect(errorCodes(await ledger.redeem(shop, member, 1))).toEqual(['INSUFFICIENT_POINTS']);
    expect(await app.count('outbox_event')).toBe(before);
  });

  it('a replayed idempotency key writes no second event', async () => {
    const member = await ledger.enroll(shop);
    await ledger.earnOk(shop, member, 10, { idempotencyKey: `replay-${member}` });
    await ledger.earnOk(shop, member, 10, { idempotencyKey: `replay-${member}` });
    expect((await eventsOf(member)).filter((e) => e.type === 'points.earned')).toHaveLength(1);
  });

  it('redeem, hold authorised / captured / voided / expired, reversal: one event each, named apart', async () => {
    const member = await ledger.enroll(shop);
    const earned = await ledger.earnOk(shop, member, 1000);
    await ledger.redeem(shop, member, 100);
    const h1 = (await ledger.authorize(shop, member, 50)).data!.authorizeRedemption.hold!;
    await ledger.capture(shop, h1.id, 20);
    const h2 = (await ledger.authorize(shop, member, 30)).data!.authorizeRedemption.hold!;
    await ledger.voidHold(shop, h2.id);
    await ledger.reverse(shop, earned.transfer!.id, 100);
    const types = (await eventsOf(member)).map((e) => e.type);
    expect(types).toEqual([
      'member.linked',
      'points.earned',
      'points.redeemed',
      'hold.authorized',
      'hold.captured',
      'hold.authorized',
      'hold.voided',
      'points.reversed',
    ]);
    const events = await eventsOf(member);
    // A partial capture is ONE event (the captured amount; the rest returned with it), carrying the hold.
    expect(events[4]!.payload).toMatchObject({ holdId: h1.id, amount: '20' });
    expect(events[7]!.payload).toMatchObject({ reverses: earned.transfer!.id, amount: '100' });
  });

  it('a hold the hub expires writes hold.expired; expired lots write points.expired', async () => {
    const member = await ledger.enroll(shop);
    await ledger.earnOk(shop, member, 100);
    await ledger.authorize(shop, member, 40, { expiresInSeconds: 60 });
    await app.advanceClock('2 minutes');
    await ledger.runExpiry();
    expect((await eventsOf(member)).map((e) => e.type)).toContain('hold.expired');
  });
});

describe('member events', () => {
  it('linking, consent, merge and erasure are events of the partners concerned, without personal data', async () => {
    const a = await members.enroll(shop, { email: 'dup@example.com', displayName: 'Dee Dupont' });
    const b = await members.enroll(airline, { email: 'dup2@example.com', displayName: 'Dee D' });
    await members.consent(await members.signIn(a), shop, 'contact', true);
    await app.gqlOk(MergeMembers, { input: { sourceMemberId: b, targetMemberId: a } }, await app.operatorToken());
    const merged = await eventsOf(a);
    expect(merged.slice(0, 2).map((e) => [e.type, e.partner_id])).toEqual([
      ['member.linked', shop.id],
      ['consent.changed', shop.id],
    ]);
    expect(merged[1]!.payload).toEqual({ scope: 'contact', granted: true });
    // Both partners linked to the survivor hear of the merge.
    const mergedEvents = merged.filter((e) => e.type === 'member.merged');
    expect(mergedEvents.map((e) => e.partner_id).sort()).toEqual([shop.id, airline.id].sort());
    for (const e of mergedEvents) expect(e.payload).toEqual({ mergedMemberId: b });

    await app.gqlOk(EraseMember, { memberId: a }, await app.operatorToken());
    const erased = (await eventsOf(a)).filter((e) => e.type === 'member.erased');
    expect(erased.map((e) => e.partner_id).sort()).toEqual([shop.id, airline.id].sort());

    const all = JSON.stringify([...(await eventsOf(a)), ...(await eventsOf(b))]);
    for (const personal of ['dup@example.com', 'dup2@example.com', 'Dee']) expect(all).not.toContain(personal);
  });
});

describe('the outbox off (OUTBOX_ENABLED=false, for the bench)', () => {
  it('writes nothing, and the ledger still posts', async () => {
    const off = await initTestApp({
      config: { ...WEBHOOK_TEST_CONFIG, events: { ...WEBHOOK_TEST_CONFIG.events, outboxEnabled: false } },
    });
    try {
      const p = await off.createPartner();
      const member = await ledgerHelpers(off).enroll(p);
      await ledgerHelpers(off).earnOk(p, member, 5);
      expect(await off.count('outbox_event')).toBe(0);
    } finally {
      await off.close();
    }
  });
});
