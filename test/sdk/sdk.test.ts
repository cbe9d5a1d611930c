/**
 * The typed SDK (clients/typescript, issue 19 item 3) against a live hub: client-credentials tokens and their
 * refresh, automatic idempotency keys with safe retries (a lost answer, SERVICE_UNAVAILABLE), pagination, the
 * POS simulator (examples/) that uses only the SDK, and the webhook verifier — on the Standard Webhooks
 * specification's test vectors and on a real delivery from the hub.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HubError, LoyaltyHub, signWebhook, verifyWebhook, WebhookVerificationError } from '@coalition-hub/client';
import { simulate } from '../../examples/pos-simulator/simulate.js';
import { initTestApp, type TestApp, type TestPartner } from '../support/test-app.js';
import { createEndpoint, deliver, startReceiver, WEBHOOK_TEST_CONFIG, type Receiver } from '../support/webhooks.js';

// The specification's own vectors (standard-webhooks/standard-webhooks, libraries/javascript/src/webhook.test.ts).
const VECTOR = {
  secret: 'MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  payload: '{"test": 2432232314}',
  timestamp: 1614265330,
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};

describe('webhook verifier: the Standard Webhooks test vectors', () => {
  const at = new Date(VECTOR.timestamp * 1000);
  const headers = (overrides: Record<string, string | undefined> = {}) =>
    Object.fromEntries(
      Object.entries({
        'webhook-id': VECTOR.id,
        'webhook-timestamp': String(VECTOR.timestamp),
        'webhook-signature': VECTOR.signature,
        ...overrides,
      }).filter(([, v]) => v !== undefined),
    ) as Record<string, string>;
  const verify = (h: Record<string, string>, options: { now?: Date; secret?: string; body?: string } = {}) =>
    verifyWebhook(options.body ?? VECTOR.payload, h, {
      secret: options.secret ?? VECTOR.secret,
      now: options.now ?? at,
    });

  it('signs the vector exactly, with and without the whsec_ prefix', () => {
    expect(signWebhook(`whsec_${VECTOR.secret}`, VECTOR.id, VECTOR.timestamp, VECTOR.payload)).toBe(VECTOR.signature);
    expect(signWebhook(VECTOR.secret, VECTOR.id, VECTOR.timestamp, VECTOR.payload)).toBe(VECTOR.signature);
  });

  it('accepts the valid signature (and returns the body), also among several and under either secret form', () => {
    expect(verify(headers())).toEqual({ test: 2432232314 });
    expect(verify(headers(), { secret: `whsec_${VECTOR.secret}` })).toEqual({ test: 2432232314 });
    const bogus = 'v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=';
    const several = [bogus, bogus.replace('v1', 'v2'), VECTOR.signature, bogus].join(' ');
    expect(verify(headers({ 'webhook-signature': several }))).toEqual({ test: 2432232314 });
  });

  it('refuses missing headers, a bad timestamp, bad, partial or empty signatures, a changed body, a wrong key', () => {
    const refused = [
      headers({ 'webhook-id': undefined }),
      headers({ 'webhook-timestamp': undefined }),
      headers({ 'webhook-signature': undefined }),
      headers({ 'webhook-timestamp': 'hello' }),
      headers({ 'webhook-signature': 'v1,dawfeoifkpqwoekfpqoekf' }),
      headers({ 'webhook-signature': VECTOR.signature.slice(0, 8) }),
      headers({ 'webhook-signature': 'v1,' }),
      headers({ 'webhook-signature': VECTOR.signature.replace('v1', 'v2') }),
    ];
    for (const h of refused) expect(() => verify(h), JSON.stringify(h)).toThrow(WebhookVerificationError);
    expect(() => verify(headers(), { body: '{"test": 2432232315}' })).toThrow(WebhookVerificationError);
    expect(() => verify(headers(), { secret: 'whsec_' + Buffer.from('another key').toString('base64') })).toThrow(
      WebhookVerificationError,
    );
    expect(() => verify(headers(), { secret: 'whsec_' })).toThrow(WebhookVerificationError);
  });

  it('refuses a timestamp more than 5 minutes old or ahead', () => {
    expect(() => verify(headers(), { now: new Date(at.getTime() + 301_000) })).toThrow('too old');
    expect(() => verify(headers(), { now: new Date(at.getTime() - 301_000) })).toThrow('too new');
    expect(verify(headers(), { now: new Date(at.getTime() + 299_000) })).toBeDefined();
  });

  it('an empty body verifies to undefined', () => {
    const sig = signWebhook(VECTOR.secret, VECTOR.id, VECTOR.timestamp, '');
    expect(verify(headers({ 'webhook-signature': sig }), { body: '' })).toBeUndefined();
  });
});

describe('against a live hub', () => {
  let app: TestApp;
  let partner: TestPartner;
  let receiver: Receiver;
  beforeAll(async () => {
    app = await initTestApp({ config: WEBHOOK_TEST_CONFIG });
    partner = await app.createPartner();
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await app?.close();
    await receiver?.close();
  });

  /** An SDK client of the partner; `faults` may replace the fetch of some calls. */
  const client = (wrap?: (real: typeof fetch) => typeof fetch) =>
    new LoyaltyHub({
      url: app.url,
      clientId: partner.clientId,
      clientSecret: partner.clientSecret,
      retryDelayMs: 5,
      fetch: wrap ? wrap(fetch) : fetch,
    });

  it('gets a token with the client credentials, and a new one when the hub refuses the old', async () => {
    const hub = client();
    const first = await hub.accessToken();
    expect(first.split('.')).toHaveLength(3);
    (hub as unknown as { token: { value: string; until: number } }).token = {
      value: 'x.y.z',
      until: Date.now() + 60_000,
    };
    const member = await hub.enroll({ customerId: `sdk-${Date.now()}` });
    expect(member.id).toEqual(expect.any(String));
  });

  it('an answer lost on the way back is retried with the same key: the points move once', async () => {
    let lost = 0;
    const hub = client((real) => async (url, init) => {
      const res = await real(url, init);
      if (String(url).endsWith('/graphql') && String(init?.body).includes('SdkEarnPoints') && lost === 0) {
        lost++;
        throw new TypeError('fetch failed (the answer was lost)');
      }
      return res;
    });
    const customerId = `sdk-lost-${Date.now()}`;
    await hub.enroll({ customerId });
    const earned = await hub.earn({ member: { customerId }, amount: '300' });
    expect(lost).toBe(1);
    expect(earned.replayed).toBe(true);
    expect(earned.balance!.available).toBe('300');
    let n = 0;
    for await (const t of hub.transactions({ customerId })) n += t.kind === 'EARN' ? 1 : 0;
    expect(n).toBe(1);
  });

  it('SERVICE_UNAVAILABLE is retried; a business refusal is not, and keeps its code', async () => {
    let calls = 0;
    const hub = client((real) => async (url, init) => {
      if (String(url).endsWith('/graphql') && String(init?.body).includes('SdkEarnPoints') && calls++ === 0)
        return new Response(
          JSON.stringify({ errors: [{ message: 'down', extensions: { code: 'SERVICE_UNAVAILABLE' } }] }),
          {
            status: 200,
          },
        );
      return real(url, init);
    });
    const customerId = `sdk-503-${Date.now()}`;
    await hub.enroll({ customerId });
    expect((await hub.earn({ member: { customerId }, amount: '5' })).replayed).toBe(false);
    expect(calls).toBe(2);
    const refused = await hub.authorize({ member: { customerId }, amount: '6' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(HubError);
    expect((refused as HubError).code).toBe('INSUFFICIENT_POINTS');
  });

  it('pages through every transaction', async () => {
    const hub = client();
    const customerId = `sdk-pages-${Date.now()}`;
    await hub.enroll({ customerId });
    for (let i = 1; i <= 12; i++) await hub.earn({ member: { customerId }, amount: String(i) });
    const amounts: string[] = [];
    for await (const t of hub.transactions({ customerId }, 5)) amounts.push(t.amount);
    expect(amounts).toHaveLength(12);
    expect(new Set(amounts).size).toBe(12);
  });

  it('the POS simulator (SDK only) runs its sales and statements', async () => {
    const report = await simulate(client(), { customers: 3, sales: 18, prefix: `pos-${Date.now()}` });
    expect(report.sales).toBe(18);
    expect(report.voided).toBe(2);
    expect(report.refusals).toEqual({});
    expect(report.redeemed).toBe(60n * 4n);
    // Each customer: 6 earns, 2 payments in points (4 transfers for a capture: hold, capture, rest; 2 for a void).
    for (const s of report.statements) expect(s.transactions).toBeGreaterThanOrEqual(6);
  });

  it("verifies the hub's own deliveries", async () => {
    const { secret } = await createEndpoint(app, partner.token, receiver.url('/sdk'), {
      eventTypes: ['points.earned'],
    });
    const hub = client();
    const customerId = `sdk-hook-${Date.now()}`;
    await hub.enroll({ customerId });
    await hub.earn({ member: { customerId }, amount: '42' });
    await deliver(app);
    const [got] = receiver.on('/sdk');
    const event = verifyWebhook<{ amount: string }>(got!.body, got!.headers as Record<string, string>, { secret });
    expect(event).toMatchObject({ type: 'points.earned', partnerId: partner.id, data: { amount: '42' } });
    expect(() =>
      verifyWebhook(got!.body, got!.headers as Record<string, string>, {
        secret: 'whsec_' + Buffer.from('nope').toString('base64'),
      }),
    ).toThrow(WebhookVerificationError);
  });
});
