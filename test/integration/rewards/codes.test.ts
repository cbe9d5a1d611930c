/**
 * Voucher code pools: uploads (GraphQL, and the streamed POST /rewards/codes for 100,000 codes) all or nothing,
 * duplicates refused with a stable code, generated codes of the stated alphabet and length, pool levels, and
 * codes kept out of the logs and the audit trail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, errorCodes } from '../../support/graphql-client.js';
import { checkLedgerInvariantsAfterEach, newKey } from '../../support/ledger.js';
import { initTestApp, type TestApp, type TestPartner } from '../../support/test-app.js';
import {
  GenerateRewardCodes,
  GetReward,
  rewardHelpers,
  UploadRewardCodes,
  type RewardHelpers,
} from '../../support/rewards.js';

let app: TestApp;
let rw: RewardHelpers;
let shop: TestPartner;
let other: TestPartner;
beforeAll(async () => {
  app = await initTestApp();
  rw = rewardHelpers(app);
  [shop, other] = [await app.createPartner(), await app.createPartner()];
});
afterAll(() => app?.close());
checkLedgerInvariantsAfterEach(() => app);

const voucher = async (partner = shop) =>
  dataOf(await rw.create(partner, { kind: 'VOUCHER', price: '10' })).createReward;

/** POST /rewards/codes with a text body, as a partner's script would. */
async function uploadText(token: string, rewardId: string, body: string | Buffer) {
  const res = await fetch(`${app.url}/rewards/codes?rewardId=${rewardId}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' },
    body,
  });
  return {
    status: res.status,
    body: (await res.json()) as { batch?: { count: number }; errors?: { extensions: { code: string } }[] },
  };
}

const codesIn = async (rewardId: string) =>
  (
    await app.hub.db.sql.query<{ n: number }>(`select count(*)::int as n from reward_code where reward_id = $1`, [
      rewardId,
    ])
  )[0]!.n;

describe('voucher code pools', () => {
  it('a GraphQL upload: duplicates (in the upload or against the pool) refused, nothing written', async () => {
    const reward = await voucher();
    const ok = await app.gqlOk(
      UploadRewardCodes,
      { input: { rewardId: reward.id, codes: ['AAAA-1', 'AAAA-2'] } },
      shop.token,
    );
    expect(ok.uploadRewardCodes.count).toBe(2);
    const twice = await app.gql(
      UploadRewardCodes,
      { input: { rewardId: reward.id, codes: ['BBBB-1', 'BBBB-1'] } },
      shop.token,
    );
    expect(errorCodes(twice)).toEqual(['DUPLICATE_REWARD_CODE']);
    expect(twice.errors![0]!.extensions!.line).toBe(2);
    const again = await app.gql(
      UploadRewardCodes,
      { input: { rewardId: reward.id, codes: ['CCCC-1', 'AAAA-2'] } },
      shop.token,
    );
    expect(errorCodes(again)).toEqual(['DUPLICATE_REWARD_CODE']);
    expect(await codesIn(reward.id)).toBe(2);
    expect(
      errorCodes(
        await app.gql(UploadRewardCodes, { input: { rewardId: reward.id, codes: ['no spaces'] } }, shop.token),
      ),
    ).toEqual(['BAD_USER_INPUT']);
    expect(
      errorCodes(await app.gql(UploadRewardCodes, { input: { rewardId: reward.id, codes: [] } }, shop.token)),
    ).toEqual(['BAD_USER_INPUT']);
    // Not a voucher, or another partner's reward.
    const product = dataOf(await rw.create(shop)).createReward;
    expect(
      errorCodes(await app.gql(UploadRewardCodes, { input: { rewardId: product.id, codes: ['DDDD-1'] } }, shop.token)),
    ).toEqual(['BAD_USER_INPUT']);
    expect(
      errorCodes(await app.gql(UploadRewardCodes, { input: { rewardId: reward.id, codes: ['DDDD-1'] } }, other.token)),
    ).toEqual(['NOT_FOUND']);
    expect(await codesIn(reward.id)).toBe(2);
  });

  it('100,000 codes streamed to POST /rewards/codes in one upload; a duplicate at the end leaves nothing', async () => {
    const reward = await voucher();
    const prefix = newKey('U').replace(/[^A-Za-z0-9-]/g, '-');
    const lines = Array.from({ length: 100_000 }, (_, i) => `${prefix}-${i}`);
    const bad = await uploadText(shop.token, reward.id, [...lines, lines[12_345]].join('\n'));
    expect(bad.status).toBe(400);
    expect(bad.body.errors![0]!.extensions.code).toBe('DUPLICATE_REWARD_CODE');
    expect(await codesIn(reward.id)).toBe(0);
    const started = performance.now();
    const ok = await uploadText(shop.token, reward.id, lines.join('\r\n') + '\r\n');
    const ms = performance.now() - started;
    expect(ok).toEqual({ status: 200, body: { batch: expect.objectContaining({ count: 100_000 }) } });
    expect(await codesIn(reward.id)).toBe(100_000);
    console.log(`100,000-code upload: ${Math.round(ms)} ms`);
    expect(ms).toBeLessThan(60_000);
    const pool = (await app.gqlOk(GetReward, { id: reward.id }, shop.token)).reward.codePool;
    expect(pool).toEqual({ free: 100_000, total: 100_000, low: false });
    // Another partner, no token, a wrong method.
    expect((await uploadText(other.token, reward.id, 'EEEE-1')).status).toBe(404);
    expect((await uploadText('nope', reward.id, 'EEEE-1')).status).toBe(401);
    // No code reaches the logs or the audit trail.
    const logs = app.logs.join('\n');
    expect(logs).not.toContain(lines[12_345]);
    const [audit] = await app.hub.db.sql.query<{ n: number }>(
      `select count(*)::int as n from audit_record where target_table = 'reward_code' or after::text like $1`,
      [`%${prefix}%`],
    );
    expect(audit!.n).toBe(0);
  });

  it('generated codes: the alphabet and length asked for, distinct; the pool runs low visibly', async () => {
    const reward = await voucher();
    const res = await app.gqlOk(
      GenerateRewardCodes,
      { input: { rewardId: reward.id, count: 50, length: 14 } },
      shop.token,
    );
    expect(res.generateRewardCodes.count).toBe(50);
    const rows = await app.hub.db.sql.query<{ code: string }>(`select code from reward_code where reward_id = $1`, [
      reward.id,
    ]);
    expect(new Set(rows.map((r) => r.code)).size).toBe(50);
    expect(rows.every((r) => /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{14}$/.test(r.code))).toBe(true);
    // Too short for 64 random bits, a bad alphabet, too many.
    for (const input of [
      { count: 5, length: 8 },
      { count: 5, length: 20, alphabet: 'AB' },
      { count: 5, length: 20, alphabet: 'AAAAAAAAAAAA' },
      { count: 0, length: 14 },
      { count: 300_000, length: 14 },
    ])
      expect(
        errorCodes(await app.gql(GenerateRewardCodes, { input: { rewardId: reward.id, ...input } }, shop.token)),
      ).toEqual(['BAD_USER_INPUT']);
    expect((await app.gqlOk(GetReward, { id: reward.id }, shop.token)).reward.codePool).toEqual({
      free: 50,
      total: 50,
      low: false,
    });
    // Spend 41 of 50: 9 left, at most 10 → low.
    await app.hub.db.sql.query(
      `update reward_code set redemption_id = gen_random_uuid() where id in (select id from reward_code where reward_id = $1 limit 41)`,
      [reward.id],
    );
    expect((await app.gqlOk(GetReward, { id: reward.id }, shop.token)).reward.codePool).toEqual({
      free: 9,
      total: 50,
      low: true,
    });
  });
});
