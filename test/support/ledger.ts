/**
 * Ledger test helpers: the partner operations as typed GraphQL documents,
 * small wrappers that call them over HTTP with a partner token, and the
 * invariant check every ledger test file runs after each test.
 *
 *   const app = await initTestApp();
 *   const ledger = ledgerHelpers(app);
 *   checkLedgerInvariantsAfterEach(() => app);
 */
import { randomBytes } from 'node:crypto';
import { afterEach, expect } from 'vitest';
import { graphql } from '../generated/index.js';
import { errorCodes, type GraphQLResponse, dataOf } from './graphql-client.js';
import { EnrollMember } from './operations.js';
import { reusableToken, type TestApp, type TestPartner } from './test-app.js';

export const EarnPoints = graphql(`
  mutation EarnPoints($input: EarnPointsInput!) {
    earnPoints(input: $input) {
      operationId
      replayed
      transfer {
        id
        kind
        amount
        walletDelta
        currency
        partnerId
        memberId
        orderRef
      }
      transfers {
        id
        kind
        amount
      }
      balance {
        available
        held
        owed
      }
    }
  }
`);

export const RedeemPoints = graphql(`
  mutation RedeemPoints($input: RedeemPointsInput!) {
    redeemPoints(input: $input) {
      operationId
      replayed
      transfer {
        id
        kind
        amount
        walletDelta
        partnerId
        memberId
        orderRef
      }
      balance {
        available
        held
        owed
      }
    }
  }
`);

export const AuthorizeRedemption = graphql(`
  mutation AuthorizeRedemption($input: AuthorizeRedemptionInput!) {
    authorizeRedemption(input: $input) {
      operationId
      replayed
      transfer {
        id
        kind
        amount
        walletDelta
      }
      hold {
        id
        status
        amount
        capturedAmount
        expiresAt
        createdAt
        resolvedAt
        orderRef
      }
      balance {
        available
        held
        owed
      }
    }
  }
`);

export const CaptureRedemption = graphql(`
  mutation CaptureRedemption($input: CaptureRedemptionInput!) {
    captureRedemption(input: $input) {
      operationId
      replayed
      transfer {
        id
        kind
        amount
      }
      transfers {
        id
        kind
        amount
        walletDelta
      }
      hold {
        id
        status
        amount
        capturedAmount
        resolvedAt
      }
      balance {
        available
        held
        owed
      }
    }
  }
`);

export const VoidRedemption = graphql(`
  mutation VoidRedemption($input: VoidRedemptionInput!) {
    voidRedemption(input: $input) {
      operationId
      replayed
      transfer {
        id
        kind
        amount
        walletDelta
      }
      hold {
        id
        status
        capturedAmount
      }
      balance {
        available
        held
        owed
      }
    }
  }
`);

export const ReverseTransfer = graphql(`
  mutation ReverseTransfer($input: ReverseTransferInput!) {
    reverseTransfer(input: $input) {
      operationId
      replayed
      transfer {
        id
        kind
        amount
        walletDelta
        reversesTransferId
        reverses {
          id
          reversedAmount
        }
      }
      transfers {
        id
        kind
        amount
        walletDelta
      }
      balance {
        available
        held
        owed
      }
    }
  }
`);

export const EarnPointsBatch = graphql(`
  mutation EarnPointsBatch($input: EarnPointsBatchInput!) {
    earnPointsBatch(input: $input) {
      succeeded
      failed
      items {
        index
        idempotencyKey
        result {
          operationId
          replayed
          transfer {
            id
            amount
            memberId
          }
        }
        error {
          code
          message
        }
      }
    }
  }
`);

export const MemberBalances = graphql(`
  query MemberBalances($ref: MemberRefInput!) {
    member(ref: $ref) {
      id
      balances {
        currency
        available
        held
        owed
      }
    }
  }
`);

/** The full check (what every test file runs after each test). */
export const LedgerInvariants = graphql(`
  query LedgerInvariants {
    ledgerInvariants(mode: FULL) {
      ok
      violations {
        invariant
        subject
        detail
      }
    }
  }
`);

/** The incremental check (the default mode): what changed since the last clean incremental check. */
export const LedgerInvariantsIncremental = graphql(`
  query LedgerInvariantsIncremental {
    ledgerInvariants {
      ok
      mode
      transfersChecked
      accountsChecked
      violations {
        invariant
        subject
        detail
      }
    }
  }
`);

export const StartInvariantCheckJob = graphql(`
  mutation StartInvariantCheckJob($pageSize: Int) {
    startInvariantCheckJob(pageSize: $pageSize) {
      id
      state
      pageSize
      processed
      total
    }
  }
`);

export const InvariantCheckJobProgress = graphql(`
  query InvariantCheckJobProgress($id: ID!) {
    invariantCheckJob(id: $id) {
      id
      state
      pageSize
      processed
      total
      violationCount
      violations {
        invariant
        subject
        detail
      }
      startedBy
      finishedAt
    }
  }
`);

export const CreateCurrency = graphql(`
  mutation CreateCurrency($input: CreateCurrencyInput!) {
    createCurrency(input: $input) {
      code
      kind
      issuerPartnerId
      expiryPolicy
      expiryPeriod
    }
  }
`);

export const RunLedgerExpiry = graphql(`
  mutation RunLedgerExpiry {
    runLedgerExpiry {
      holdsExpired
      walletsExpired
      pointsExpired
    }
  }
`);

export const GetTransfer = graphql(`
  query GetTransfer($id: ID!) {
    transfer(id: $id) {
      id
      kind
      amount
      partnerId
      memberId
      reversedAmount
      holdId
    }
  }
`);

export const GetHold = graphql(`
  query GetHold($id: ID!) {
    hold(id: $id) {
      id
      status
      amount
      capturedAmount
      partnerId
      memberId
      expiresAt
      resolvedAt
    }
  }
`);

let keyCounter = 0;
/** A fresh idempotency key. */
export const newKey = (prefix = 'k') => `${prefix}-${process.pid}-${++keyCounter}-${randomBytes(4).toString('hex')}`;

/** The `extensions.code` of the first error, or undefined when the call succeeded. */
export const firstCode = (response: GraphQLResponse<unknown>): string | undefined => errorCodes(response)[0];

export interface Balance {
  available: string;
  held: string;
  owed: string;
}

/** Ledger operations over HTTP for one test app. */
export function ledgerHelpers(app: TestApp) {
  const operatorToken = reusableToken(app, (ttl) => app.operatorToken(ttl));

  /** Enrols a new member at `partner`; returns its hub id. */
  async function enroll(partner: TestPartner, customerId = newKey('cust')): Promise<string> {
    return (await app.gqlOk(EnrollMember, { input: { customerId } }, partner.token)).enrollMember.id;
  }

  /** Links an existing member to another partner (a link row, as verified-identity enrolment would write it). */
  async function link(partner: TestPartner, memberId: string, customerId = newKey('cust')): Promise<void> {
    await app.hub.db.sql.query(`insert into member_link (partner_id, customer_id, member_id) values ($1, $2, $3)`, [
      partner.id,
      customerId,
      memberId,
    ]);
  }

  const earn = (
    partner: TestPartner,
    memberId: string,
    amount: bigint | number | string,
    extra: { currency?: string; orderRef?: string; idempotencyKey?: string } = {},
  ) =>
    app.gql(
      EarnPoints,
      {
        input: {
          member: { memberId },
          amount: String(amount),
          idempotencyKey: extra.idempotencyKey ?? newKey('earn'),
          currency: extra.currency,
          orderRef: extra.orderRef,
        },
      },
      partner.token,
    );

  const earnOk = async (...args: Parameters<typeof earn>) => dataOf(await earn(...args)).earnPoints;

  const redeem = (
    partner: TestPartner,
    memberId: string,
    amount: bigint | number | string,
    extra: { currency?: string; orderRef?: string; idempotencyKey?: string } = {},
  ) =>
    app.gql(
      RedeemPoints,
      {
        input: {
          member: { memberId },
          amount: String(amount),
          idempotencyKey: extra.idempotencyKey ?? newKey('redeem'),
          currency: extra.currency,
          orderRef: extra.orderRef,
        },
      },
      partner.token,
    );

  const authorize = (
    partner: TestPartner,
    memberId: string,
    amount: bigint | number | string,
    extra: { expiresInSeconds?: number; idempotencyKey?: string; currency?: string } = {},
  ) =>
    app.gql(
      AuthorizeRedemption,
      {
        input: {
          member: { memberId },
          amount: String(amount),
          idempotencyKey: extra.idempotencyKey ?? newKey('auth'),
          expiresInSeconds: extra.expiresInSeconds,
          currency: extra.currency,
        },
      },
      partner.token,
    );

  const capture = (
    partner: TestPartner,
    holdId: string,
    amount?: bigint | number | string,
    idempotencyKey = newKey('capture'),
  ) =>
    app.gql(
      CaptureRedemption,
      { input: { holdId, amount: amount === undefined ? undefined : String(amount), idempotencyKey } },
      partner.token,
    );

  const voidHold = (partner: TestPartner, holdId: string, idempotencyKey = newKey('void')) =>
    app.gql(VoidRedemption, { input: { holdId, idempotencyKey } }, partner.token);

  const reverse = (
    partner: TestPartner,
    transferId: string,
    amount?: bigint | number | string,
    idempotencyKey = newKey('reverse'),
  ) =>
    app.gql(
      ReverseTransfer,
      { input: { transferId, amount: amount === undefined ? undefined : String(amount), idempotencyKey } },
      partner.token,
    );

  /** A member's balance in one currency, read by the operator (zeros when the member has no wallet yet). */
  async function balance(memberId: string, currency = 'PTS'): Promise<Balance> {
    const { member } = await app.gqlOk(MemberBalances, { ref: { memberId } }, await operatorToken());
    const b = member.balances.find((x) => x.currency === currency);
    return { available: b?.available ?? '0', held: b?.held ?? '0', owed: b?.owed ?? '0' };
  }

  /** A branded currency issued by `partner`. */
  async function createCurrency(
    partner: TestPartner,
    expiryPolicy: 'NONE' | 'FIXED' | 'INACTIVITY',
    expiryPeriod?: string,
    code = `B${randomBytes(4).toString('hex').toUpperCase()}`,
  ) {
    return (
      await app.gqlOk(
        CreateCurrency,
        { input: { code, name: `Brand ${code}`, issuerPartnerId: partner.id, expiryPolicy, expiryPeriod } },
        await operatorToken(),
      )
    ).createCurrency;
  }

  async function runExpiry() {
    return (await app.gqlOk(RunLedgerExpiry, {}, await operatorToken())).runLedgerExpiry;
  }

  /** Row counts of every ledger table, to prove a rejected request wrote nothing. */
  async function ledgerCounts(): Promise<Record<string, number>> {
    const tables = [
      'operation',
      'transfer',
      'entry',
      'lot',
      'lot_movement',
      'hold',
      'hold_allocation',
      'account_shard',
    ];
    const counts: Record<string, number> = {};
    for (const t of tables) counts[t] = await app.count(t);
    return counts;
  }

  return {
    operatorToken,
    enroll,
    link,
    earn,
    earnOk,
    redeem,
    authorize,
    capture,
    voidHold,
    reverse,
    balance,
    createCurrency,
    runExpiry,
    ledgerCounts,
  };
}

export type LedgerHelpers = ReturnType<typeof ledgerHelpers>;

/** Fails unless `ledgerInvariants` (as the operator) reports no violation. */
export async function expectLedgerInvariants(app: TestApp): Promise<void> {
  const { ledgerInvariants } = await app.gqlOk(LedgerInvariants, {}, await app.operatorToken());
  expect(ledgerInvariants.violations, 'ledger invariant violations').toEqual([]);
  expect(ledgerInvariants.ok).toBe(true);
}

/** Registers an afterEach that checks every ledger invariant on the file's hub. */
export function checkLedgerInvariantsAfterEach(getApp: () => TestApp | undefined): void {
  afterEach(async () => {
    const app = getApp();
    if (app) await expectLedgerInvariants(app);
  });
}

/** Sum of a list of BigInt strings. */
export const sum = (xs: readonly (string | bigint | number)[]): bigint =>
  xs.reduce<bigint>((s, x) => s + BigInt(x), 0n);
