/**
 * Model-based property test: random sequences of earn, redeem, authorise,
 * capture, void, reverse, batch earn and replays, run against the hub and
 * against a simple in-memory model of each member's balances (available,
 * held, owed); after every step the hub's balances must equal the model's,
 * and every answer (success or error code) must be the one the model expects.
 *
 * Seeded PRNG, random by default: `SEED=<n> npx vitest run <this file>` (or
 * LEDGER_MODEL_SEED) replays a failing run; the seed is in every failure
 * message and printed with the replay command when the test fails.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../../generated/index.js';
import { errorCodes, type GraphQLResponse } from '../../../support/graphql-client.js';
import {
  checkLedgerInvariantsAfterEach,
  EarnPointsBatch,
  expectLedgerInvariants,
  ledgerHelpers,
  newKey,
  type LedgerHelpers,
} from '../../../support/ledger.js';
import { initTestApp, type TestApp, type TestPartner } from '../../../support/test-app.js';
import { testSeed } from '../../../support/seed.js';

const STEPS = 200;
const SEED = testSeed({ variable: 'LEDGER_MODEL_SEED' });

const ModelBalances = graphql(`
  query ModelBalances($a: MemberRefInput!, $b: MemberRefInput!, $c: MemberRefInput!) {
    a: member(ref: $a) {
      balances {
        currency
        available
        held
        owed
      }
    }
    b: member(ref: $b) {
      balances {
        currency
        available
        held
        owed
      }
    }
    c: member(ref: $c) {
      balances {
        currency
        available
        held
        owed
      }
    }
  }
`);

/** mulberry32 */
function prng(seed: number) {
  let t = seed >>> 0;
  const next = () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!,
  };
}

interface Wallet {
  available: bigint;
  held: bigint;
  owed: bigint;
}
interface Hold {
  id: string;
  partner: number;
  member: number;
  amount: bigint;
  active: boolean;
}
interface Reversible {
  id: string;
  partner: number;
  member: number;
  kind: 'EARN' | 'REDEEM';
  amount: bigint;
  reversed: bigint;
}
interface Replay {
  run: () => Promise<GraphQLResponse<unknown>>;
  expected: { code?: string; transferId?: string };
}

let app: TestApp;
let ledger: LedgerHelpers;
let partners: TestPartner[];
let members: string[];
beforeAll(async () => {
  app = await initTestApp();
  ledger = ledgerHelpers(app);
  partners = [await app.createPartner(), await app.createPartner()];
  members = [];
  for (let i = 0; i < 3; i++) {
    const m = await ledger.enroll(partners[0]!);
    await ledger.link(partners[1]!, m);
    members.push(m);
  }
});
afterAll(() => app?.close());
checkLedgerInvariantsAfterEach(() => app);

describe('ledger vs. an in-memory model', () => {
  it(`${STEPS} random operations agree with the model after every step (seed ${SEED})`, async () => {
    const rnd = prng(SEED);
    const wallets: Wallet[] = members.map(() => ({ available: 0n, held: 0n, owed: 0n }));
    const holds: Hold[] = [];
    const reversibles: Reversible[] = [];
    const replays: Replay[] = [];
    const log: string[] = [];
    const ctx = () => `seed ${SEED}, step ${log.length}: ${log.slice(-5).join(' | ')}`;

    /** Checks an answer against the expected error code (or success) and returns the main transfer id. */
    const check = (res: GraphQLResponse<unknown>, code: string | undefined, pick: (d: never) => string) => {
      expect(errorCodes(res)[0], ctx()).toBe(code);
      return code ? undefined : pick(res.data as never);
    };

    const earnItem = (m: number, amt: bigint) => {
      const w = wallets[m]!;
      const settle = w.owed < amt ? w.owed : amt;
      w.owed -= settle;
      w.available += amt - settle;
    };

    for (let step = 0; step < STEPS; step++) {
      const p = rnd.int(0, 1);
      const partner = partners[p]!;
      const m = rnd.int(0, 2);
      const w = wallets[m]!;
      const op = rnd.pick([
        'earn',
        'earn',
        'redeem',
        'authorize',
        'capture',
        'void',
        'reverse',
        'reverse',
        'batch',
        'replay',
      ] as const);
      // Amounts around the balance, so refusals happen too.
      const amt = BigInt(rnd.int(1, 60));
      log.push(`${op} p${p} m${m} ${amt}`);
      switch (op) {
        case 'earn': {
          const key = newKey();
          const run = () => ledger.earn(partner, members[m]!, amt, { idempotencyKey: key });
          const id = check(
            await run(),
            undefined,
            (d: { earnPoints: { transfer: { id: string } } }) => d.earnPoints.transfer.id,
          )!;
          earnItem(m, amt);
          reversibles.push({ id, partner: p, member: m, kind: 'EARN', amount: amt, reversed: 0n });
          replays.push({ run, expected: { transferId: id } });
          break;
        }
        case 'redeem': {
          const key = newKey();
          const run = () => ledger.redeem(partner, members[m]!, amt, { idempotencyKey: key });
          const code = amt > w.available ? 'INSUFFICIENT_POINTS' : undefined;
          const id = check(
            await run(),
            code,
            (d: { redeemPoints: { transfer: { id: string } } }) => d.redeemPoints.transfer.id,
          );
          if (id) {
            w.available -= amt;
            reversibles.push({ id, partner: p, member: m, kind: 'REDEEM', amount: amt, reversed: 0n });
          }
          replays.push({ run, expected: { code, transferId: id } });
          break;
        }
        case 'authorize': {
          const res = await ledger.authorize(partner, members[m]!, amt);
          const code = amt > w.available ? 'INSUFFICIENT_POINTS' : undefined;
          check(res, code, () => '');
          if (!code) {
            w.available -= amt;
            w.held += amt;
            holds.push({
              id: res.data!.authorizeRedemption.hold!.id,
              partner: p,
              member: m,
              amount: amt,
              active: true,
            });
          }
          break;
        }
        case 'capture':
        case 'void': {
          if (holds.length === 0) break;
          const hold = rnd.pick(holds);
          const hw = wallets[hold.member]!;
          const owner = partners[hold.partner]!;
          if (rnd.next() < 0.1 && hold.partner !== p) {
            // Another partner's hold is invisible.
            check(
              op === 'void' ? await ledger.voidHold(partner, hold.id) : await ledger.capture(partner, hold.id),
              'NOT_FOUND',
              () => '',
            );
            break;
          }
          const capture =
            op === 'capture' ? (rnd.next() < 0.3 ? undefined : BigInt(rnd.int(1, Number(hold.amount) + 5))) : 0n;
          const res =
            op === 'void' ? await ledger.voidHold(owner, hold.id) : await ledger.capture(owner, hold.id, capture);
          const captured = capture ?? hold.amount;
          const code = !hold.active ? 'HOLD_NOT_ACTIVE' : captured > hold.amount ? 'CAPTURE_EXCEEDS_HOLD' : undefined;
          const id = check(
            res,
            code,
            (d: { captureRedemption?: { transfer: { id: string } } }) => d.captureRedemption?.transfer.id ?? '',
          );
          if (!code) {
            hold.active = false;
            hw.held -= hold.amount;
            hw.available += hold.amount - captured;
            if (op === 'capture' && captured > 0n)
              reversibles.push({
                id: id!,
                partner: hold.partner,
                member: hold.member,
                kind: 'REDEEM',
                amount: captured,
                reversed: 0n,
              });
          }
          break;
        }
        case 'reverse': {
          if (reversibles.length === 0) break;
          const t = rnd.pick(reversibles);
          const tw = wallets[t.member]!;
          if (rnd.next() < 0.1 && t.partner !== p) {
            check(await ledger.reverse(partner, t.id, 1), 'NOT_FOUND', () => '');
            break;
          }
          const left = t.amount - t.reversed;
          const want = rnd.next() < 0.3 ? undefined : BigInt(rnd.int(1, Number(t.amount)));
          const amount = want ?? left;
          const code = amount <= 0n || amount > left ? 'REVERSAL_EXCEEDS_ORIGINAL' : undefined;
          check(await ledger.reverse(partners[t.partner]!, t.id, want), code, () => '');
          if (!code) {
            t.reversed += amount;
            if (t.kind === 'REDEEM') tw.available += amount;
            else {
              const taken = tw.available < amount ? tw.available : amount;
              tw.available -= taken;
              tw.owed += amount - taken;
            }
          }
          break;
        }
        case 'batch': {
          const n = rnd.int(1, 6);
          const items = Array.from({ length: n }, () => ({ m: rnd.int(0, 2), amt: BigInt(rnd.int(0, 40)) }));
          const res = await app.gqlOk(
            EarnPointsBatch,
            {
              input: {
                items: items.map((i) => ({
                  member: { memberId: members[i.m]! },
                  amount: String(i.amt),
                  idempotencyKey: newKey(),
                })),
              },
            },
            partner.token,
          );
          res.earnPointsBatch.items.forEach((r, i) => {
            const item = items[i]!;
            expect(r.error?.code, ctx()).toBe(item.amt === 0n ? 'BAD_USER_INPUT' : undefined);
            if (item.amt > 0n) {
              earnItem(item.m, item.amt);
              reversibles.push({
                id: r.result!.transfer.id,
                partner: p,
                member: item.m,
                kind: 'EARN',
                amount: item.amt,
                reversed: 0n,
              });
            }
          });
          break;
        }
        case 'replay': {
          if (replays.length === 0) break;
          const r = rnd.pick(replays);
          const res = await r.run();
          expect(errorCodes(res)[0], ctx()).toBe(r.expected.code);
          if (!r.expected.code) {
            const data = res.data as {
              earnPoints?: { replayed: boolean; transfer: { id: string } };
              redeemPoints?: { replayed: boolean; transfer: { id: string } };
            };
            const result = data.earnPoints ?? data.redeemPoints!;
            expect(result, ctx()).toMatchObject({ replayed: true, transfer: { id: r.expected.transferId } });
          }
          break;
        }
      }

      const answer = await app.gqlOk(
        ModelBalances,
        { a: { memberId: members[0]! }, b: { memberId: members[1]! }, c: { memberId: members[2]! } },
        await ledger.operatorToken(),
      );
      const actual = [answer.a, answer.b, answer.c].map((x) => {
        const b = x.balances.find((y) => y.currency === 'PTS');
        return { available: b?.available ?? '0', held: b?.held ?? '0', owed: b?.owed ?? '0' };
      });
      expect(actual, ctx()).toEqual(
        wallets.map((x) => ({ available: String(x.available), held: String(x.held), owed: String(x.owed) })),
      );
      if (step % 50 === 49) await expectLedgerInvariants(app);
    }
  }, 60_000);
});
