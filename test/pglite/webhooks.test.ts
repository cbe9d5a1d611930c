/**
 * Events out on embedded PGlite (issue 19): the same outbox table and the same claim SQL, driven by the hub's own
 * in-process delivery loop (no queue, one connection): an earn's events reach a local receiver, signed and in
 * order, and a failure is retried on hub time.
 */
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { ledgerHelpers } from '../support/ledger.js';
import { initTestApp, type TestApp } from '../support/test-app.js';
import { createEndpoint, signedWith, startReceiver, WEBHOOK_TEST_CONFIG, type Receiver } from '../support/webhooks.js';

let app: TestApp;
let receiver: Receiver;
// PGlite starts and migrates in-process: slow on a loaded machine (see sign-in.test.ts).
beforeAll(async () => {
  receiver = await startReceiver();
  app = await initTestApp({
    driver: 'pglite',
    config: { events: { ...WEBHOOK_TEST_CONFIG.events, deliveryPollMs: 50 } },
  });
}, 240_000);
afterAll(async () => {
  await app?.close();
  await receiver?.close();
});

it('the in-process loop delivers, in order, and retries a failure on hub time', { timeout: 120_000 }, async () => {
  const partner = await app.createPartner();
  const { secret } = await createEndpoint(app, partner.token, receiver.url('/pglite'), {
    eventTypes: ['points.earned'],
  });
  const ledger = ledgerHelpers(app);
  const member = await ledger.enroll(partner);
  for (let i = 1; i <= 4; i++) await ledger.earnOk(partner, member, i);
  // The loop runs on its own (wall-clock poll); nothing here moves hub time or sleeps for it.
  await vi.waitFor(() => expect(receiver.on('/pglite')).toHaveLength(4), { timeout: 30_000, interval: 50 });
  expect(receiver.on('/pglite').map((r) => r.event.data.amount)).toEqual(['1', '2', '3', '4']);
  expect(receiver.on('/pglite').every((r) => signedWith(r, secret))).toBe(true);

  receiver.behave('/pglite', { status: 500 });
  await ledger.earnOk(partner, member, 5);
  await vi.waitFor(
    async () => {
      const [row] = await app.hub.db.sql.query<{ attempts: number }>(
        `select max(attempts)::int as attempts from webhook_delivery where status = 'PENDING'`,
      );
      expect(row!.attempts).toBeGreaterThanOrEqual(1);
    },
    { timeout: 30_000, interval: 50 },
  );
  receiver.behave('/pglite', { status: 200 });
  await app.advanceClock('1 minute');
  await vi.waitFor(() => expect(receiver.on('/pglite').map((r) => r.event.data.amount)).toContain('5'), {
    timeout: 30_000,
    interval: 50,
  });
  // At least once: a retry may repeat an event (same webhook-id), never skip or reorder one.
  const firsts = [...new Map(receiver.on('/pglite').map((r) => [r.event.id, r.event.data.amount])).values()];
  expect(firsts).toEqual(['1', '2', '3', '4', '5']);
});
