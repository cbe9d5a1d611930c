/**
 * Webhooks (issue 19, item 2) against a real local receiver: endpoints and their secrets, Standard Webhooks
 * signatures, order per member, retries with backoff on hub time, a receiver down then up, dead letters and
 * replay, rotation with two signatures, SSRF refusals, hostile endpoints, and one partner never seeing another's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { errorCodes } from '../../support/graphql-client.js';
import { ledgerHelpers, type LedgerHelpers } from '../../support/ledger.js';
import { initTestApp, LONG_LIVED_TOKENS, type TestApp, type TestPartner } from '../../support/test-app.js';
import {
  CreateWebhookEndpoint,
  createEndpoint,
  DeleteWebhookEndpoint,
  deliver,
  ReplayWebhookDelivery,
  RotateWebhookSecret,
  signedWith,
  startReceiver,
  UpdateWebhookEndpoint,
  WEBHOOK_TEST_CONFIG,
  WebhookDeliveries,
  WebhookEndpoints,
  WebhookEventTypes,
  type Receiver,
} from '../../support/webhooks.js';

let app: TestApp;
let ledger: LedgerHelpers;
let receiver: Receiver;
beforeAll(async () => {
  app = await initTestApp({ config: { ...WEBHOOK_TEST_CONFIG, ...LONG_LIVED_TOKENS } });
  ledger = ledgerHelpers(app);
  receiver = await startReceiver();
});
afterAll(async () => {
  await app?.close();
  await receiver?.close();
});

let paths = 0;
/** A partner with an endpoint on its own receiver path. */
async function partnerWithEndpoint(eventTypes?: string[]) {
  const partner = await app.createPartner();
  const path = `/hook-${++paths}`;
  const endpoint = await createEndpoint(app, partner.token, receiver.url(path), { eventTypes });
  return { partner, path, endpoint };
}

const deliveries = async (partner: TestPartner, endpointId: string) =>
  (await app.gqlOk(WebhookDeliveries, { endpointId, first: 200 }, partner.token)).webhookDeliveries.nodes;

describe('endpoints', () => {
  it('a partner creates its endpoint; the secret is shown once (whsec_), never in listings', async () => {
    const partner = await app.createPartner();
    const { createWebhookEndpoint } = await app.gqlOk(
      CreateWebhookEndpoint,
      { input: { url: receiver.url('/x'), eventTypes: ['points.earned'], description: 'POS' } },
      partner.token,
    );
    expect(createWebhookEndpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(createWebhookEndpoint.endpoint).toMatchObject({
      partnerId: partner.id,
      eventTypes: ['points.earned'],
      enabled: true,
    });
    const listed = await app.gqlOk(WebhookEndpoints, {}, partner.token);
    expect(JSON.stringify(listed)).not.toContain(createWebhookEndpoint.secret);
    expect(listed.webhookEndpoints).toHaveLength(1);
  });

  it('lists the event types it emits', async () => {
    const partner = await app.createPartner();
    const types = (await app.gqlOk(WebhookEventTypes, {}, partner.token)).webhookEventTypes.map((t) => t.type);
    for (const t of [
      'points.earned',
      'hold.expired',
      'member.erased',
      'consent.changed',
      'statement.closed',
      'purchase.recorded',
    ])
      expect(types).toContain(t);
  });

  it('refuses bad URLs, private addresses and unknown event types, writing nothing', async () => {
    const partner = await app.createPartner();
    const before = await app.count('webhook_endpoint');
    const create = (url: string, eventTypes?: string[]) =>
      app.gql(CreateWebhookEndpoint, { input: { url, eventTypes } }, partner.token);
    for (const url of ['not a url', 'ftp://example.com/x', 'https://user:pw@example.com/', 'x'.repeat(3000)])
      expect(errorCodes(await create(url))).toEqual(['WEBHOOK_URL_INVALID']);
    for (const url of [
      'http://10.0.0.1/x',
      'http://169.254.169.254/latest/meta-data',
      'http://[::1]/x',
      'http://[::ffff:127.0.0.2]/x',
      'http://192.168.1.1/',
      'http://127.0.0.2/x',
    ])
      expect(errorCodes(await create(url)), url).toEqual(['WEBHOOK_URL_REFUSED']);
    expect(errorCodes(await create('https://example.com/', ['points.minted']))).toEqual(['WEBHOOK_EVENT_TYPE_UNKNOWN']);
    expect(await app.count('webhook_endpoint')).toBe(before);
  });

  it("a partner never sees or changes another partner's endpoints or deliveries", async () => {
    const { partner, endpoint } = await partnerWithEndpoint();
    const other = await app.createPartner();
    expect(errorCodes(await app.gql(WebhookDeliveries, { endpointId: endpoint.id }, other.token))).toEqual([
      'NOT_FOUND',
    ]);
    expect(
      errorCodes(await app.gql(UpdateWebhookEndpoint, { input: { id: endpoint.id, enabled: false } }, other.token)),
    ).toEqual(['NOT_FOUND']);
    expect(errorCodes(await app.gql(RotateWebhookSecret, { id: endpoint.id }, other.token))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await app.gql(DeleteWebhookEndpoint, { id: endpoint.id }, other.token))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await app.gql(WebhookEndpoints, { partnerId: partner.id }, other.token))).toEqual(['FORBIDDEN']);
    // Its deliveries: a delivery id of the first partner is not found for the other.
    const member = await ledger.enroll(partner);
    await ledger.earnOk(partner, member, 1);
    await deliver(app);
    const [d] = await deliveries(partner, endpoint.id);
    expect(errorCodes(await app.gql(ReplayWebhookDelivery, { id: d!.id }, other.token))).toEqual(['NOT_FOUND']);
  });
});

describe('delivery', () => {
  it('delivers signed events (Standard Webhooks) that verify with the standardwebhooks package', async () => {
    const { partner, path, endpoint } = await partnerWithEndpoint();
    const member = await ledger.enroll(partner);
    await ledger.earnOk(partner, member, 250);
    await deliver(app);
    const got = receiver.on(path);
    expect(got.map((r) => r.event.type)).toEqual(['member.linked', 'points.earned']);
    for (const r of got) {
      expect(signedWith(r, endpoint.secret)).toBe(true);
      expect(r.headers['webhook-id']).toBe(r.event.id);
      expect(r.headers['content-type']).toBe('application/json');
    }
    const earned = got[1]!;
    expect(earned.event).toMatchObject({
      partnerId: partner.id,
      memberId: member,
      version: 1,
      data: { amount: '250', currency: 'PTS' },
    });
    // The package's own verifier accepts it (hub time has not moved yet in this file), and refuses a changed body.
    const wh = new Webhook(endpoint.secret);
    const headers = earned.headers as Record<string, string>;
    expect(() => wh.verify(earned.body, headers)).not.toThrow();
    expect(() => wh.verify(earned.body.replace('250', '251'), headers)).toThrow();
    const log = await deliveries(partner, endpoint.id);
    expect(log.every((d) => d.status === 'SUCCEEDED' && d.attempts === 1 && d.attemptLog[0]!.statusCode === 200)).toBe(
      true,
    );
  });

  it('filters by event type', async () => {
    const { partner, path } = await partnerWithEndpoint(['points.redeemed']);
    const member = await ledger.enroll(partner);
    await ledger.earnOk(partner, member, 10);
    await ledger.redeem(partner, member, 4);
    await deliver(app);
    expect(receiver.on(path).map((r) => r.event.type)).toEqual(['points.redeemed']);
  });

  it('keeps each member in order, through failures and retries with backoff on hub time', async () => {
    const { partner, path, endpoint } = await partnerWithEndpoint(['points.earned']);
    const [m1, m2] = [await ledger.enroll(partner), await ledger.enroll(partner)];
    receiver.behave(path, { status: 500 });
    for (let i = 1; i <= 5; i++) {
      await ledger.earnOk(partner, m1, i);
      await ledger.earnOk(partner, m2, 100 + i);
    }
    await deliver(app);
    expect(receiver.on(path)).toHaveLength(0);
    // Only the first event of each member was tried; the rest wait behind it.
    const waiting = await deliveries(partner, endpoint.id);
    expect(waiting.filter((d) => d.attempts > 0)).toHaveLength(2);
    expect(waiting.find((d) => d.attempts > 0)!.attemptLog[0]).toMatchObject({ statusCode: 500, error: 'HTTP 500' });
    // Not before the backoff: still nothing due.
    await deliver(app);
    expect((await deliveries(partner, endpoint.id)).filter((d) => d.attempts > 1)).toHaveLength(0);
    // Down for a while: several retries, each later than the one before.
    for (let i = 0; i < 3; i++) {
      await app.advanceClock('1 minute');
      await deliver(app);
    }
    receiver.behave(path, { status: 204 });
    await app.advanceClock('10 minutes');
    await deliver(app);
    const got = receiver.on(path);
    expect(got).toHaveLength(10);
    const amountsOf = (m: string) => got.filter((r) => r.event.memberId === m).map((r) => r.event.data.amount);
    expect(amountsOf(m1)).toEqual(['1', '2', '3', '4', '5']);
    expect(amountsOf(m2)).toEqual(['101', '102', '103', '104', '105']);
    const first = (await deliveries(partner, endpoint.id)).find((d) => d.attempts > 1)!;
    expect(first.status).toBe('SUCCEEDED');
    expect(first.attemptLog.length).toBeGreaterThanOrEqual(4);
  });

  it('dead-letters after 3 days; later events go on; a replay delivers it with the same webhook-id', async () => {
    const { partner, path, endpoint } = await partnerWithEndpoint(['points.earned']);
    const member = await ledger.enroll(partner);
    receiver.behave(path, { status: 503 });
    await ledger.earnOk(partner, member, 7);
    await deliver(app);
    for (let i = 0; i < 20; i++) {
      await app.advanceClock('6 hours');
      await deliver(app);
    }
    const [dead] = await deliveries(partner, endpoint.id);
    expect(dead!.status).toBe('DEAD');
    receiver.behave(path, { status: 200 });
    await ledger.earnOk(partner, member, 8);
    await deliver(app);
    expect(receiver.on(path).map((r) => r.event.data.amount)).toEqual(['8']);
    const replayed = await app.gqlOk(ReplayWebhookDelivery, { id: dead!.id }, partner.token);
    expect(replayed.replayWebhookDelivery.status).toBe('PENDING');
    await deliver(app);
    const got = receiver.on(path);
    expect(got.map((r) => r.event.data.amount)).toEqual(['8', '7']);
    expect(got[1]!.headers['webhook-id']).toBe(dead!.eventId);
  });

  it('during a rotation signs with both secrets, then with the new one only', async () => {
    const { partner, path, endpoint } = await partnerWithEndpoint(['points.earned']);
    const member = await ledger.enroll(partner);
    const { rotateWebhookSecret } = await app.gqlOk(
      RotateWebhookSecret,
      { id: endpoint.id, overlapSeconds: 3600 },
      partner.token,
    );
    expect(rotateWebhookSecret.secret).not.toBe(endpoint.secret);
    await ledger.earnOk(partner, member, 1);
    await deliver(app);
    const during = receiver.on(path)[0]!;
    expect(String(during.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(signedWith(during, endpoint.secret) && signedWith(during, rotateWebhookSecret.secret)).toBe(true);
    await app.advanceClock('2 hours');
    await ledger.earnOk(partner, member, 2);
    await deliver(app);
    const after = receiver.on(path)[1]!;
    expect(String(after.headers['webhook-signature']).split(' ')).toHaveLength(1);
    expect(signedWith(after, rotateWebhookSecret.secret)).toBe(true);
    expect(signedWith(after, endpoint.secret)).toBe(false);
  });

  it('a disabled endpoint gets nothing new; enabled again, what came later is delivered', async () => {
    const { partner, path, endpoint } = await partnerWithEndpoint(['points.earned']);
    const member = await ledger.enroll(partner);
    await app.gqlOk(UpdateWebhookEndpoint, { input: { id: endpoint.id, enabled: false } }, partner.token);
    await ledger.earnOk(partner, member, 1);
    await deliver(app);
    await app.gqlOk(UpdateWebhookEndpoint, { input: { id: endpoint.id, enabled: true } }, partner.token);
    await ledger.earnOk(partner, member, 2);
    await deliver(app);
    expect(receiver.on(path).map((r) => r.event.data.amount)).toEqual(['2']);
  });
});

describe('hostile endpoints', () => {
  it('slow, huge and redirecting endpoints never stall another partner; none is followed or stored in full', async () => {
    const slow = await partnerWithEndpoint(['points.earned']);
    const huge = await partnerWithEndpoint(['points.earned']);
    const redirect = await partnerWithEndpoint(['points.earned']);
    const fine = await partnerWithEndpoint(['points.earned']);
    receiver.behave(slow.path, { delayMs: 5_000 });
    receiver.behave(huge.path, { bodyBytes: 50 * 1024 * 1024 });
    receiver.behave(redirect.path, { status: 302, location: 'http://169.254.169.254/latest/meta-data' });
    for (const p of [slow, huge, redirect, fine]) {
      const member = await ledger.enroll(p.partner);
      for (let i = 1; i <= 3; i++) await ledger.earnOk(p.partner, member, i);
    }
    await deliver(app);
    // The slow endpoint held one slot for one deadline (1 s in tests), not the others: all three went out.
    expect(receiver.on(fine.path).map((r) => r.event.data.amount)).toEqual(['1', '2', '3']);

    const slowD = (await deliveries(slow.partner, slow.endpoint.id)).find((d) => d.attempts > 0)!;
    expect(slowD.attemptLog[0]!.error).toMatch(/no answer within/);
    const hugeD = (await deliveries(huge.partner, huge.endpoint.id)).find((d) => d.attempts > 0)!;
    expect(hugeD.attemptLog[0]!.responseExcerpt!.length).toBeLessThanOrEqual(1024);
    const redirectD = (await deliveries(redirect.partner, redirect.endpoint.id)).find((d) => d.attempts > 0)!;
    expect(redirectD).toMatchObject({ status: 'PENDING', lastStatusCode: 302, lastError: 'HTTP 302' });
  });
});
