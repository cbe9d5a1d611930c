/**
 * The authorisation matrix: every query, mutation and entity path of the API
 * × every kind of caller, checked over HTTP with real (and forged) tokens.
 *
 * Each row is one operation (or one nested path); each cell says what that
 * caller must get: `ok` (data, no errors, plus the row's own check of what is
 * visible) or the error code (UNAUTHENTICATED, FORBIDDEN, or NOT_FOUND where a
 * foreign row must look exactly like a missing one). Every answer — allowed or
 * not — is scanned for the other party's data (ids, customer ids, codes, names,
 * e-mails, prices): zero leaks. A denied answer carries no data at all.
 *
 * The last test reads schema/schema.graphql and fails when a Query or Mutation
 * field has no row, so a new operation cannot skip the matrix.
 *
 * Console staff (issue 18): a staff session acts as the principal of its role. Every query row runs again
 * as each staff session (cookie and CSRF token instead of a bearer token) and must give exactly what the
 * token principal it maps onto gets (STAFF_AS).
 */
import { readFileSync } from 'node:fs';
import { Kind, parse, type ObjectTypeDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePrivateJwk } from '../../../src/platform/auth/key-store.js';
import { forgeToken, secondsFromNow, unsignedToken } from '../../support/forge-token.js';
import type { GraphQLResponse } from '../../support/graphql-client.js';
import { newKey } from '../../support/ledger.js';
import { oidcHelpers } from '../../support/oidc.js';
import { initTestApp, type TestApp, type TestPartner } from '../../support/test-app.js';
import { loadConfig } from '../../../src/config.js';
import { auditedMutations } from '../../../src/platform/graphql/audited.js';
import { staffSession } from '../../support/staff.js';

const PRINCIPALS = [
  'operator',
  'financeHub',
  'financeA',
  'partnerA',
  'partnerB',
  'partnerAReadOnly',
  'memberX',
  'memberY',
  'delegatedZ',
  'appZNone',
  'appZBalances',
  'appZHistory',
  'appZConvert',
  'appZRedeem',
  'suspended',
  'expired',
  'unknownKey',
  'algNone',
  'anonymous',
] as const;
type P = (typeof PRINCIPALS)[number];
/** Callers with a valid token; every other one must get UNAUTHENTICATED everywhere. */
const VALID: readonly P[] = [
  'operator',
  'financeHub',
  'financeA',
  'partnerA',
  'partnerB',
  'partnerAReadOnly',
  'memberX',
  'memberY',
  'delegatedZ',
  'appZNone',
  'appZBalances',
  'appZHistory',
  'appZConvert',
  'appZRedeem',
];
const DENIED_BEFORE_RESOLVERS: readonly P[] = ['suspended', 'expired', 'unknownKey', 'algNone', 'anonymous'];

/** Staff sessions and the token principal each acts as (src/modules/staff/staff.types.ts). */
const STAFF_AS = {
  staffOperator: 'operator',
  staffFinanceHub: 'financeHub',
  staffFinanceA: 'financeA',
  staffPartnerAdminA: 'partnerA',
} as const satisfies Record<string, P>;
type Staff = keyof typeof STAFF_AS;
const staffHeaders = {} as Record<Staff, Record<string, string>>;

type Outcome = 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | (string & {});

interface Row {
  name: string;
  query: string;
  /** Variables for one caller (may prepare throwaway data first, e.g. a fresh hold to capture). */
  vars?: (p: P) => Record<string, unknown> | Promise<Record<string, unknown>>;
  /** Outcome per valid caller; the invalid ones are UNAUTHENTICATED unless listed. */
  expect: Partial<Record<P, Outcome>> & Record<(typeof VALID)[number], Outcome>;
  /** Extra checks on an allowed answer (what exactly this caller may see). */
  check?: (p: P, data: any) => void;
  /** An administrative call that sets what is already there: it changes nothing, so it leaves no audit record. */
  changesNothing?: true;
  /** Fixture strings this row may show to anyone (e.g. the issuer of a public currency). */
  public?: () => string[];
}

// ---------------------------------------------------------------- fixture

/** A finished full invariant check job's id. */
let finishedJob: Promise<string> | undefined;
function finishedInvariantJob(): Promise<string> {
  return (finishedJob ??= (async () => {
    const job = await app.hub.services.ledger.invariantJobs.create(1000, 'operator:test');
    await app.hub.services.ledger.invariantJobs.runToEnd(job.id);
    return job.id;
  })());
}

let app: TestApp;
let A: TestPartner;
let B: TestPartner;
let S: TestPartner;
const tokens = {} as Record<P, string | undefined>;
const fx = {
  memberX: '',
  memberY: '',
  memberZ: '',
  memberW: '',
  custX: newKey('cust-ax'),
  custY: newKey('cust-by'),
  custZa: newKey('cust-za'),
  custZb: newKey('cust-zb'),
  custW: newKey('cust-aw'),
  emailX: `x-${newKey('m')}@example.org`,
  emailY: `y-${newKey('m')}@example.org`,
  emailZ: `z-${newKey('m')}@example.org`,
  nameX: 'Xavier Matrixson',
  nameY: 'Yolanda Matrixdottir',
  nameZ: 'Zed Shared',
  earnAX: '',
  earnBY: '',
  earnAZ: '',
  earnBZ: '',
  earnAW: '',
  holdA: '',
  holdB: '',
  brand: '',
  readOnlyClientId: '',
  appA: '',
  grantZ: '',
  closedDay: new Date(),
  campaignA: '',
  purchaseAX: '',
  endpointA: '',
  endpointSecretA: '',
  deliveryA: '',
  rewardA: '',
  soldOutA: '',
  voucherA: '',
  redemptionAX: '',
};
const A_PRICES = { issuePrice: '0.0137', redemptionPrice: '0.0091' };
const B_PRICES = { issuePrice: '0.0211', redemptionPrice: '0.0173' };
let operator = '';

let requestCounter = 0;
/** Each call's request id, so the audit check can find what an allowed administrative call recorded. */
async function call(
  query: string,
  variables: Record<string, unknown>,
  token?: string,
  requestId = `matrix-${++requestCounter}`,
): Promise<GraphQLResponse<any>> {
  return app.postJson({ query, variables }, { token, headers: { 'x-request-id': requestId } });
}

/** Allowed calls of `@Audited()` mutations: each must have left an audit record (checked at the end). */
const auditedCalls: { field: string; principal: string; requestId: string }[] = [];
const rootFieldOf = (query: string): string | undefined => {
  const op = parse(query).definitions[0];
  const first = op?.kind === Kind.OPERATION_DEFINITION ? op.selectionSet.selections[0] : undefined;
  return op?.kind === Kind.OPERATION_DEFINITION && op.operation === 'mutation' && first?.kind === Kind.FIELD
    ? first.name.value
    : undefined;
};
async function ok(query: string, variables: Record<string, unknown>, token: string): Promise<any> {
  const res = await call(query, variables, token);
  if (res.errors?.length || !res.data)
    throw new Error(`fixture call failed: ${JSON.stringify(res.errors)} for ${query.slice(0, 80)}`);
  return res.data;
}

const ENROLL = `mutation($input: EnrollMemberInput!) { enrollMember(input: $input) { id } }`;
const EARN = `mutation($input: EarnPointsInput!) { earnPoints(input: $input) { transfer { id } } }`;
const AUTHORIZE = `mutation($input: AuthorizeRedemptionInput!) { authorizeRedemption(input: $input) { hold { id } } }`;
const MEMBER_TOKEN = `mutation($m: MemberRefInput!) { issueMemberToken(member: $m) { accessToken } }`;
const CREDENTIALS = `mutation($input: CreatePartnerCredentialsInput!) { createPartnerCredentials(input: $input) { clientId clientSecret } }`;
const CONTRACT = `mutation($input: SetPartnerContractInput!) { setPartnerContract(input: $input) { id } }`;
const RATE = `mutation($input: SetExchangeRateInput!) { setExchangeRate(input: $input) { id } }`;
const CLOSE = `mutation($input: StatementRefInput!) { closeSettlementPeriod(input: $input) { id } }`;
const QUOTE = `mutation($input: QuoteExchangeInput!) { quoteExchange(input: $input) { id } }`;

const SET_RULES = `mutation($input: SetEarnRulesInput!) { setEarnRules(input: $input) { id partnerId version } }`;
const CREATE_CAMPAIGN = `mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id partnerId status } }`;
const RECORD_PURCHASE = `mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) { purchase { id memberId legs { points } } } }`;
const campaignInput = (partnerId: string) => ({
  partnerId,
  name: 'Matrix campaign',
  endsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
  stacking: 'STACK',
  definition: JSON.stringify({
    reward: { kind: 'BONUS', points: 1 },
    when: { '==': [{ var: 'purchase.channel' }, 'NEVER'] },
  }),
});
const PURCHASE_X = { member: { memberId: '' }, total: '1000', currency: 'USD' };

const CREATE_REWARD = `mutation($input: CreateRewardInput!) { createReward(input: $input) { id partnerId status } }`;
const PUBLISH_REWARD = `mutation($id: ID!) { publishReward(id: $id) { id status } }`;
const REDEEM_REWARD = `mutation($input: RedeemRewardInput!) { redeemReward(input: $input) { redemption { id status } } }`;
/** A fresh reward of A's (a DRAFT unless published), for a row that changes it. */
const freshReward = async (input: Record<string, unknown> = {}, publish = false) => {
  const id = (
    await ok(CREATE_REWARD, { input: { kind: 'PRODUCT', title: 'Matrix reward', price: '1', ...input } }, A.token)
  ).createReward.id as string;
  if (publish) await ok(PUBLISH_REWARD, { id }, A.token);
  return id;
};
/** A fresh pending redemption of A's reward (1 point held) for a member linked to A. */
const freshRedemption = async (memberId: string) =>
  (
    await ok(
      REDEEM_REWARD,
      { input: { rewardId: fx.rewardA, member: { memberId }, idempotencyKey: newKey('mx-rw') } },
      A.token,
    )
  ).redeemReward.redemption.id as string;

const enroll = async (p: TestPartner, input: Record<string, unknown>) =>
  (await ok(ENROLL, { input }, p.token)).enrollMember.id as string;
const earn = async (p: TestPartner, memberId: string, amount: number, currency?: string) =>
  (
    await ok(
      EARN,
      { input: { member: { memberId }, amount: String(amount), currency, idempotencyKey: newKey('earn') } },
      p.token,
    )
  ).earnPoints.transfer.id as string;
const authorize = async (p: TestPartner, memberId: string, amount = 1) =>
  (
    await ok(
      AUTHORIZE,
      { input: { member: { memberId }, amount: String(amount), idempotencyKey: newKey('auth') } },
      p.token,
    )
  ).authorizeRedemption.hold.id as string;
const dayStart = (daysAgo: number) => {
  const d = new Date();
  d.setUTCHours(0, 0, 0, 0);
  return new Date(d.getTime() - daysAgo * 86_400_000);
};

/** A's app, signed in by Z, granted one scope each (appZNone: none), on the hub's consent screen. */
const APP_SCOPES: Partial<Record<P, string[]>> = {
  appZNone: [],
  appZBalances: ['balances:read'],
  appZHistory: ['history:read'],
  appZConvert: ['points:convert'],
  appZRedeem: ['points:redeem'],
};
const APPS = Object.keys(APP_SCOPES) as P[];
const isApp = (p: P) => p in APP_SCOPES;

beforeAll(async () => {
  // Seven sign-ins of Z within the fixture: more codes per identifier than the default window allows.
  app = await initTestApp({
    config: {
      signIn: { ...loadConfig({ NODE_ENV: 'test' }).signIn, maxCodesPerWindow: 50 },
    },
  });
  operator = await app.operatorToken(3600);
  [A, B, S] = [await app.createPartner(), await app.createPartner(), await app.createPartner()];
  // A's webhook endpoint (issue 19), first, so A's events below become its deliveries.
  const hook = await app.hub.services.webhooks.endpoints.create(A.id, { url: 'https://a-hooks.example/matrix' });
  [fx.endpointA, fx.endpointSecretA] = [hook.endpoint.id, hook.secret];

  // Contracts first, so the earns are valued; distinctive prices, to catch them leaking.
  for (const [p, prices] of [
    [A, A_PRICES],
    [B, B_PRICES],
  ] as const) {
    await ok(
      CONTRACT,
      { input: { partnerId: p.id, settlementCurrency: 'USD', billingMode: 'POSTPAID', period: 'DAILY', ...prices } },
      operator,
    );
  }

  // A's branded currency with rates both ways (no profitable round trip).
  fx.brand = `AMX${Math.floor(Math.random() * 1e5)}`;
  await ok(
    `mutation($input: CreateCurrencyInput!) { createCurrency(input: $input) { code } }`,
    { input: { code: fx.brand, name: 'A miles', issuerPartnerId: A.id, expiryPolicy: 'NONE' } },
    operator,
  );
  await ok(
    RATE,
    {
      input: {
        currency: fx.brand,
        direction: 'TO_PTS',
        rate: '0.5',
        spread: '0.02',
        minimumAmount: '1',
        increment: '1',
      },
    },
    operator,
  );
  await ok(
    RATE,
    {
      input: {
        currency: fx.brand,
        direction: 'FROM_PTS',
        rate: '1.9',
        spread: '0.01',
        minimumAmount: '1',
        increment: '1',
      },
    },
    operator,
  );

  // X at A only, Y at B only, Z at both (verified e-mail), W at A (thrown away later).
  fx.memberX = await enroll(A, {
    customerId: fx.custX,
    displayName: fx.nameX,
    email: fx.emailX,
    emailVerified: true,
    phone: '+6281200000001',
    birthDate: '1980-01-02',
  });
  fx.memberY = await enroll(B, {
    customerId: fx.custY,
    displayName: fx.nameY,
    email: fx.emailY,
    emailVerified: true,
    phone: '+6281200000002',
    birthDate: '1981-03-04',
  });
  fx.memberZ = await enroll(A, { customerId: fx.custZa, displayName: fx.nameZ, email: fx.emailZ, emailVerified: true });
  expect(await enroll(B, { customerId: fx.custZb, email: fx.emailZ, emailVerified: true })).toBe(fx.memberZ);
  fx.memberW = await enroll(A, { customerId: fx.custW });

  fx.earnAX = await earn(A, fx.memberX, 1000);
  fx.earnBY = await earn(B, fx.memberY, 1000);
  fx.earnAZ = await earn(A, fx.memberZ, 500);
  fx.earnBZ = await earn(B, fx.memberZ, 700);
  await earn(A, fx.memberZ, 50, fx.brand);
  fx.earnAW = await earn(A, fx.memberW, 10);
  await ok(`mutation($c: String!) { unlinkMember(customerId: $c) }`, { c: fx.custW }, A.token);
  fx.holdA = await authorize(A, fx.memberX, 10);
  fx.holdB = await authorize(B, fx.memberY, 10);

  // A's program: rules that give nothing and a campaign that never applies (so X's points stay as they are),
  // and a purchase of X's at A (zero points) for the refund row.
  await ok(SET_RULES, { input: { rules: '{"rules":[]}' } }, A.token);
  fx.campaignA = (await ok(CREATE_CAMPAIGN, { input: campaignInput(A.id) }, A.token)).createCampaign.id;
  fx.purchaseAX = (
    await ok(
      RECORD_PURCHASE,
      { input: { member: { memberId: fx.memberX }, total: '100000', currency: 'USD', idempotencyKey: newKey('px') } },
      A.token,
    )
  ).recordPurchase.purchase.id;

  // A's rewards: a product any member may redeem (1 point, held until fulfilled), a voucher; X's pending redemption.
  fx.rewardA = await freshReward({}, true);
  fx.voucherA = await freshReward({ kind: 'VOUCHER' }, true);
  fx.soldOutA = await freshReward({ stock: '0' }, true);
  fx.redemptionAX = await freshRedemption(fx.memberX);

  // Z, signed in at the hub, lets A see its profile (not contact); B nothing.
  const tokenZ = await app.memberSessionToken(fx.memberZ);
  await ok(
    `mutation($input: SetConsentInput!) { setConsent(input: $input) { granted } }`,
    { input: { partnerId: A.id, scope: 'profile', granted: true } },
    tokenZ,
  );

  // Closed statements of earlier days (for markStatementPaid).
  fx.closedDay = dayStart(20);
  await ok(CLOSE, { input: { partnerId: A.id, periodStart: fx.closedDay.toISOString() } }, operator);
  await ok(CLOSE, { input: { partnerId: B.id, periodStart: fx.closedDay.toISOString() } }, operator);

  // The callers.
  const readOnly = (
    await ok(CREDENTIALS, { input: { partnerId: A.id, scopes: ['members:read'], label: 'matrix read-only' } }, operator)
  ).createPartnerCredentials;
  fx.readOnlyClientId = readOnly.clientId;
  tokens.operator = operator;
  tokens.financeHub = await app.financeToken();
  tokens.financeA = await app.financeToken(A.id);
  tokens.partnerA = A.token;
  tokens.partnerB = B.token;
  tokens.partnerAReadOnly = await app.partnerToken(readOnly.clientId, readOnly.clientSecret);
  staffHeaders.staffOperator = (await staffSession(app, 'OPERATOR')).headers;
  staffHeaders.staffFinanceHub = (await staffSession(app, 'FINANCE')).headers;
  staffHeaders.staffFinanceA = (await staffSession(app, 'FINANCE', A.id)).headers;
  staffHeaders.staffPartnerAdminA = (await staffSession(app, 'PARTNER_ADMIN', A.id)).headers;
  // Members signed in at the hub; and a token A mints on its own for Z (who is also B's): A's view of Z, read-only.
  tokens.memberX = await app.memberSessionToken(fx.memberX, 3600);
  tokens.memberY = await app.memberSessionToken(fx.memberY, 3600);
  tokens.delegatedZ = (await ok(MEMBER_TOKEN, { m: { memberId: fx.memberZ } }, A.token)).issueMemberToken.accessToken;
  const flow = oidcHelpers(app);
  fx.appA = (await flow.registerApp(A, ['https://a.example/callback'], 'A app')).clientId;
  for (const p of APPS) {
    const signedIn = await flow.signIn({
      clientId: fx.appA,
      redirectUri: 'https://a.example/callback',
      identifier: fx.emailZ,
      scope: APP_SCOPES[p],
    });
    tokens[p] = signedIn.access_token;
  }
  fx.grantZ = (await app.hub.services.memberGrants.list(fx.memberZ))[0]!.grantId;
  tokens.suspended = S.token;
  await ok(
    `mutation($input: UpdatePartnerInput!) { updatePartner(input: $input) { status } }`,
    { input: { id: S.id, status: 'SUSPENDED' } },
    operator,
  );
  const forged = { issuer: app.config.issuer, audience: app.config.audience };
  const partnerClaims = {
    sub: `partner:${A.id}`,
    role: 'PARTNER',
    pid: A.id,
    cid: A.clientId,
    scope: 'members:read members:write points:read points:write',
  };
  tokens.expired = await forgeToken({
    ...forged,
    key: app.signingKey,
    claims: { ...partnerClaims, iat: secondsFromNow(-1200), nbf: secondsFromNow(-1200), exp: secondsFromNow(-300) },
  });
  tokens.unknownKey = await forgeToken({ ...forged, key: await generatePrivateJwk(), claims: partnerClaims });
  tokens.algNone = unsignedToken({
    iss: app.config.issuer,
    aud: app.config.audience,
    sub: 'operator:none',
    role: 'OPERATOR',
    iat: secondsFromNow(0),
    nbf: secondsFromNow(0),
    exp: secondsFromNow(300),
  });
  tokens.anonymous = undefined;
  await app.hub.services.webhooks.dispatcher.fanOut();
  const [delivery] = await app.hub.db.sql.query<{ id: string }>(
    `select id::text as id from webhook_delivery where endpoint_id = $1 order by id limit 1`,
    [fx.endpointA],
  );
  fx.deliveryA = delivery!.id;
});
afterAll(() => app?.close());

// ---------------------------------------------------------------- leak scan

/** Strings a caller must never receive (unless it sent them itself). */
function foreignData(p: P): string[] {
  const aSide = [
    A.id,
    A.code,
    `Partner ${A.code}`,
    fx.memberX,
    fx.custX,
    fx.custZa,
    fx.emailX,
    fx.nameX,
    fx.earnAX,
    fx.earnAZ,
    fx.holdA,
    A_PRICES.issuePrice,
    A_PRICES.redemptionPrice,
  ];
  const bSide = [
    B.id,
    B.code,
    `Partner ${B.code}`,
    fx.memberY,
    fx.custY,
    fx.custZb,
    fx.emailY,
    fx.nameY,
    fx.earnBY,
    fx.earnBZ,
    fx.holdB,
    B_PRICES.issuePrice,
    B_PRICES.redemptionPrice,
  ];
  const secrets = [A.clientSecret, B.clientSecret, S.clientSecret, fx.endpointSecretA];
  const unlinked = [fx.memberW, fx.custW, fx.earnAW]; // W left A: A's view of the transfer keeps its id, nothing else
  switch (p) {
    case 'operator':
    case 'financeHub':
      return secrets;
    case 'financeA':
    case 'partnerA':
    case 'partnerAReadOnly':
      return [...bSide, ...secrets, fx.memberW, fx.custW];
    case 'partnerB':
      return [...aSide, ...secrets, ...unlinked];
    case 'memberX':
      return [...bSide, ...secrets, ...unlinked, fx.memberZ, fx.nameZ, fx.emailZ, fx.custZa, fx.earnAZ, fx.holdB];
    case 'memberY':
      return [...aSide, ...secrets, ...unlinked, fx.memberZ, fx.nameZ, fx.emailZ, fx.custZb, fx.earnBZ];
    case 'appZHistory':
      // Granted history:read: Z's transactions at every brand, B's included; still nothing else of B.
      return [
        ...bSide.filter((s) => ![B.id, B.code, `Partner ${B.code}`, fx.earnBZ].includes(s)),
        ...secrets,
        ...unlinked,
        fx.emailZ,
        fx.memberX,
        fx.custX,
        fx.emailX,
        fx.nameX,
        fx.earnAX,
        fx.holdA,
      ];
    case 'appZNone':
    case 'appZBalances':
    case 'appZConvert':
    case 'appZRedeem':
    case 'delegatedZ':
      // A's view of Z (profile consent only: the name, not the e-mail), nothing of B, nothing of A's other members.
      return [
        ...bSide,
        ...secrets,
        ...unlinked,
        fx.emailZ,
        fx.memberX,
        fx.custX,
        fx.emailX,
        fx.nameX,
        fx.earnAX,
        fx.holdA,
      ];
    default:
      return [...aSide, ...bSide, ...secrets, ...unlinked, fx.memberZ, fx.nameZ, fx.emailZ];
  }
}

/** True when any leaf of an answer's data is not null (a denied answer must have none). */
function hasData(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (Array.isArray(value)) return value.some(hasData);
  if (typeof value === 'object') return Object.values(value as object).some(hasData);
  return true;
}

// ---------------------------------------------------------------- the rows

/** Shorthand: these callers get `allowed`, every other valid caller `denied`. */
function only(allowed: P[], denied: Outcome, overrides: Partial<Record<P, Outcome>> = {}): Row['expect'] {
  return Object.fromEntries(
    VALID.map((p) => [p, overrides[p] ?? (allowed.includes(p) ? 'ok' : denied)]),
  ) as Row['expect'];
}
const HUB: P[] = ['operator', 'financeHub'];
/** These callers get `outcome` (overrides for `only`). */
const each = (ps: P[], outcome: Outcome): Partial<Record<P, Outcome>> =>
  Object.fromEntries(ps.map((p) => [p, outcome])) as Partial<Record<P, Outcome>>;
/** Apps not granted `scope`. */
const appsWithout = (scope: P) => APPS.filter((p) => p !== scope);
const ALL_VALID = [...VALID];
const memberOf = (p: P) =>
  p === 'delegatedZ' || isApp(p) ? fx.memberZ : p === 'partnerB' || p === 'memberY' ? fx.memberY : fx.memberX;
const expectPartnersOnly = (rows: { partnerId: string | null }[], p: P) => {
  const own = p === 'partnerB' ? B.id : A.id;
  if (!HUB.includes(p)) for (const r of rows) expect(r.partnerId, `${p} sees only its own rows`).toBe(own);
};

const rows: Row[] = [
  // ---- partners
  {
    name: 'query partner(A)',
    query: `query($id: ID!) { partner(id: $id) { id code name status settlementCurrency } }`,
    vars: () => ({ id: A.id }),
    expect: only([...HUB, 'financeA', 'partnerA', 'partnerAReadOnly', 'memberX', 'delegatedZ', ...APPS], 'FORBIDDEN'),
    check: (_p, d) => expect(d.partner.id).toBe(A.id),
  },
  {
    name: 'query partners (connection)',
    query: `query { partners(first: 200) { edges { cursor node { id code } } nodes { id name } pageInfo { hasNextPage endCursor } } }`,
    expect: only(HUB, 'FORBIDDEN'),
    check: (_p, d) =>
      expect(d.partners.nodes.map((n: { id: string }) => n.id)).toEqual(expect.arrayContaining([A.id, B.id, S.id])),
  },
  {
    name: '_entities Partner(A)',
    query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Partner { id code name } } }`,
    vars: () => ({ r: [{ __typename: 'Partner', id: A.id }] }),
    expect: only([...HUB, 'financeA', 'partnerA', 'partnerAReadOnly', 'memberX', 'delegatedZ', ...APPS], 'FORBIDDEN'),
    check: (_p, d) => expect(d._entities).toEqual([expect.objectContaining({ id: A.id })]),
  },
  {
    name: 'mutation createPartner',
    query: `mutation($input: CreatePartnerInput!) { createPartner(input: $input) { id code } }`,
    vars: () => ({
      input: { code: newKey('mx').toLowerCase().slice(0, 60), name: 'Matrix Brand', settlementCurrency: 'USD' },
    }),
    expect: only(['operator'], 'FORBIDDEN'),
  },
  {
    name: 'mutation updatePartner(A) (rename to the same name)',
    query: `mutation($input: UpdatePartnerInput!) { updatePartner(input: $input) { id name status } }`,
    vars: () => ({ input: { id: A.id, name: `Partner ${A.code}` } }),
    expect: only(['operator'], 'FORBIDDEN'),
    changesNothing: true,
    check: (_p, d) => expect(d.updatePartner.status).toBe('ACTIVE'),
  },
  {
    name: 'mutation createPartnerCredentials(A)',
    query: `mutation($input: CreatePartnerCredentialsInput!) { createPartnerCredentials(input: $input) { clientId clientSecret partnerId scopes } }`,
    vars: () => ({ input: { partnerId: A.id, scopes: ['points:read'], label: 'matrix' } }),
    expect: only(['operator'], 'FORBIDDEN'),
  },
  {
    name: "mutation revokePartnerCredentials (A's own credentials, throwaway ones for the operator)",
    query: `mutation($c: String!) { revokePartnerCredentials(clientId: $c) }`,
    vars: async (p) =>
      p === 'operator'
        ? {
            c: (
              await ok(
                CREDENTIALS,
                { input: { partnerId: A.id, scopes: ['points:read'], label: 'throwaway' } },
                operator,
              )
            ).createPartnerCredentials.clientId,
          }
        : { c: p === 'partnerAReadOnly' ? fx.readOnlyClientId : A.clientId },
    expect: only(['operator'], 'FORBIDDEN'),
    check: (_p, d) => expect(d.revokePartnerCredentials).toBe(true),
  },

  // ---- members: root reads
  {
    name: 'query member(memberId X)',
    query: `query($id: ID!) { member(ref: { memberId: $id }) { id createdAt tier { name } } }`,
    vars: () => ({ id: fx.memberX }),
    expect: only([...HUB, 'financeA', 'partnerA', 'partnerAReadOnly', 'memberX'], 'FORBIDDEN', {
      partnerB: 'NOT_FOUND',
    }),
    check: (_p, d) => expect(d.member.id).toBe(fx.memberX),
  },
  {
    name: "query member(customerId of X at A) — each partner's own namespace",
    query: `query($c: String!) { member(ref: { customerId: $c }) { id partnerLink { customerId } } }`,
    vars: () => ({ c: fx.custX }),
    expect: only(['partnerA', 'partnerAReadOnly'], 'FORBIDDEN', { partnerB: 'NOT_FOUND' }),
    check: (_p, d) => expect(d.member).toEqual({ id: fx.memberX, partnerLink: { customerId: fx.custX } }),
  },
  {
    name: '_entities Member(X)',
    query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Member { id profile { email } } } }`,
    vars: () => ({ r: [{ __typename: 'Member', id: fx.memberX }] }),
    expect: only([...HUB, 'financeA', 'partnerA', 'partnerAReadOnly', 'memberX'], 'FORBIDDEN', {
      partnerB: 'NOT_FOUND',
    }),
    check: (p, d) => expect(d._entities[0].profile.email).toBe(HUB.includes(p) || p === 'memberX' ? fx.emailX : null),
  },
  {
    name: '_entities Member(missing id) — like a foreign one',
    query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Member { id } } }`,
    vars: () => ({ r: [{ __typename: 'Member', id: '01900000-0000-7000-8000-00000000abcd' }] }),
    expect: only([], 'NOT_FOUND', {
      memberX: 'FORBIDDEN',
      memberY: 'FORBIDDEN',
      delegatedZ: 'FORBIDDEN',
      ...each(APPS, 'FORBIDDEN'),
    }),
  },
  {
    name: 'query me',
    query: `query { me { id profile { email displayName } } }`,
    expect: only(['memberX', 'memberY', 'delegatedZ', ...APPS], 'FORBIDDEN'),
    check: (p, d) =>
      expect(d.me).toEqual({
        id: memberOf(p),
        profile: {
          memberX: { email: fx.emailX, displayName: fx.nameX },
          memberY: { email: fx.emailY, displayName: fx.nameY },
          // A's view: Z gave A the profile scope, not contact.
          delegatedZ: { email: null, displayName: fx.nameZ },
        }[p as string] ?? { email: null, displayName: fx.nameZ }, // A's apps: A's view of Z, whatever they were granted
      }),
  },
  {
    name: 'query exportMyData',
    query: `query { exportMyData }`,
    expect: only(['memberX', 'memberY'], 'FORBIDDEN'),
    check: (p, d) => expect(JSON.stringify(d.exportMyData)).toContain(memberOf(p)),
  },
  {
    name: 'query memberDataExport(X)',
    query: `query($id: String!) { memberDataExport(memberId: $id) }`,
    vars: () => ({ id: fx.memberX }),
    expect: only(['operator'], 'FORBIDDEN'),
    check: (_p, d) => expect(JSON.stringify(d.memberDataExport)).toContain(fx.emailX),
  },
  {
    // X gave A no contact scope: A must not find X by the address (member-search.test.ts shows the grant).
    name: 'query membersByEmail(X) — a partner finds only its members who grant it contact',
    query: `query($e: String!) { membersByEmail(email: $e) { id } }`,
    vars: () => ({ e: fx.emailX }),
    expect: only(['operator', 'partnerA', 'partnerB', 'partnerAReadOnly'], 'FORBIDDEN'),
    check: (p, d) => expect(d.membersByEmail).toEqual(p === 'operator' ? [{ id: fx.memberX }] : []),
  },
  {
    name: 'query viewer (with partner and member)',
    query: `query { viewer { role scopes partner { id code } member { id } } }`,
    expect: only(ALL_VALID, 'FORBIDDEN'),
    check: (p, d) => {
      const role =
        {
          operator: 'OPERATOR',
          financeHub: 'FINANCE',
          financeA: 'FINANCE',
          memberX: 'MEMBER',
          memberY: 'MEMBER',
          delegatedZ: 'MEMBER',
          ...each(APPS, 'MEMBER'),
        }[p as string] ?? 'PARTNER';
      expect(d.viewer.role).toBe(role);
      expect(d.viewer.member?.id ?? null).toBe(role === 'MEMBER' ? memberOf(p) : null);
      // A member signed in at the hub acts for no partner; a partner-minted token for its partner.
      if (p.startsWith('member')) expect(d.viewer.partner).toBeNull();
      if (p === 'delegatedZ')
        expect(d.viewer).toMatchObject({ partner: { id: A.id }, scopes: ['members:read', 'points:read'] });
      if (isApp(p)) expect(d.viewer).toMatchObject({ partner: { id: A.id }, scopes: APP_SCOPES[p] });
      if (p === 'partnerAReadOnly') expect(d.viewer.scopes).toEqual(['members:read']);
    },
  },

  // ---- members: nested fields of a member both A and B know (Z), and of oneself
  {
    name: 'Member.profile of Z (consent: A profile only)',
    query: `query($id: ID!) { member(ref: { memberId: $id }) { profile { displayName email phone birthDate locale preferences visibleScopes } } }`,
    vars: () => ({ id: fx.memberZ }),
    expect: only([...HUB, 'financeA', 'partnerA', 'partnerAReadOnly', 'partnerB', 'delegatedZ', ...APPS], 'FORBIDDEN'),
    check: (p, d) => {
      const { profile } = d.member;
      if (HUB.includes(p)) expect(profile).toMatchObject({ displayName: fx.nameZ, email: fx.emailZ });
      else if (p === 'partnerB')
        expect(profile).toEqual({
          displayName: null,
          email: null,
          phone: null,
          birthDate: null,
          locale: null,
          preferences: null,
          visibleScopes: [],
        });
      else
        expect(profile).toMatchObject({
          displayName: fx.nameZ,
          email: null,
          phone: null,
          preferences: null,
          visibleScopes: ['profile'],
        });
    },
  },
  {
    name: 'Member.consents and consentHistory of Z',
    query: `query($id: ID!) { member(ref: { memberId: $id }) { consents { partnerId scope granted } consentHistory { partnerId scope granted } } }`,
    vars: () => ({ id: fx.memberZ }),
    expect: only([...HUB, 'financeA', 'partnerA', 'partnerAReadOnly', 'partnerB', 'delegatedZ', ...APPS], 'FORBIDDEN'),
    check: (p, d) => {
      const want = p === 'partnerB' ? [] : [{ partnerId: A.id, scope: 'profile', granted: true }];
      expect(d.member.consents).toEqual(want);
      expect(d.member.consentHistory).toEqual(want);
    },
  },
  {
    name: 'Member.links and partnerLink of Z',
    query: `query($id: ID!) { member(ref: { memberId: $id }) { links { partnerId customerId } partnerLink { partnerId customerId } } }`,
    vars: () => ({ id: fx.memberZ }),
    expect: only([...HUB, 'financeA', 'partnerA', 'partnerAReadOnly', 'partnerB', 'delegatedZ', ...APPS], 'FORBIDDEN'),
    check: (p, d) => {
      if (HUB.includes(p)) return expect(d.member.links).toHaveLength(2);
      const own =
        p === 'partnerB' ? { partnerId: B.id, customerId: fx.custZb } : { partnerId: A.id, customerId: fx.custZa };
      expect(d.member.links).toEqual([own]);
      expect(d.member.partnerLink).toEqual(p === 'financeA' || p === 'delegatedZ' || isApp(p) ? null : own);
    },
  },
  {
    name: 'Member.balances of Z (points:read; branded currency only to its issuer)',
    query: `query($id: ID!) { member(ref: { memberId: $id }) { balances { currency available held owed } } }`,
    vars: () => ({ id: fx.memberZ }),
    expect: only([...HUB, 'financeA', 'partnerA', 'partnerB', 'delegatedZ', 'appZBalances'], 'FORBIDDEN'),
    check: (p, d) => {
      const currencies = d.member.balances.map((b: { currency: string }) => b.currency).sort();
      expect(currencies).toEqual(p === 'partnerB' ? ['PTS'] : [fx.brand, 'PTS'].sort());
    },
  },
  {
    name: 'Member.transactions of Z (connection; points:read; own rows only) with nested member, partner, hold, reverses',
    query: `query($id: ID!) { member(ref: { memberId: $id }) { transactions(first: 50) { edges { cursor node { id partnerId memberId amount partner { id code } member { id } hold { id } reverses { id } } } nodes { id } pageInfo { hasNextPage endCursor } } } }`,
    vars: () => ({ id: fx.memberZ }),
    expect: only([...HUB, 'financeA', 'partnerA', 'partnerB', 'delegatedZ', 'appZHistory'], 'FORBIDDEN'),
    check: (p, d) => {
      const nodes = d.member.transactions.edges.map((e: { node: { partnerId: string } }) => e.node);
      // An app granted history:read sees Z's rows at every brand, like the member.
      expect(nodes.length).toBe(HUB.includes(p) || p === 'appZHistory' ? 3 : p === 'partnerB' ? 1 : 2);
      if (p !== 'appZHistory') expectPartnersOnly(nodes, p);
    },
  },
  {
    name: 'Member.transactions filtered by the other partner',
    query: `query($id: ID!, $pid: ID!) { member(ref: { memberId: $id }) { transactions(filter: { partnerId: $pid }) { nodes { id } } } }`,
    vars: (p) => ({ id: fx.memberZ, pid: p === 'partnerB' ? A.id : B.id }),
    expect: only([...HUB, 'appZHistory'], 'FORBIDDEN'),
  },
  {
    name: 'me { balances transactions consents links } — a member sees only itself',
    query: `query { me { id balances { currency available } transactions(first: 50) { nodes { id partnerId memberId member { id } } } consents { partnerId } links { partnerId customerId } } }`,
    expect: only(['memberX', 'memberY', 'delegatedZ'], 'FORBIDDEN'),
    check: (p, d) => {
      expect(d.me.transactions.nodes.length).toBeGreaterThan(0);
      for (const t of d.me.transactions.nodes) expect(t.memberId).toBe(memberOf(p));
      expectPartnersOnly(p === 'delegatedZ' ? d.me.transactions.nodes : [], p);
      expect(d.me.links).toEqual([
        {
          memberX: { partnerId: A.id, customerId: fx.custX },
          memberY: { partnerId: B.id, customerId: fx.custY },
          delegatedZ: { partnerId: A.id, customerId: fx.custZa },
        }[p as string],
      ]);
    },
  },

  // ---- ledger reads
  {
    name: "query transfer(A's earn to X) with nested member, partner, hold",
    query: `query($id: ID!) { transfer(id: $id) { id amount partnerId partner { code } member { id profile { email } } reversedAmount hold { id } } }`,
    vars: () => ({ id: fx.earnAX }),
    expect: only([...HUB, 'financeA', 'partnerA', 'memberX'], 'NOT_FOUND', {
      partnerAReadOnly: 'FORBIDDEN',
      ...each(appsWithout('appZHistory'), 'FORBIDDEN'),
    }),
    check: (p, d) => {
      expect(d.transfer.member.id).toBe(fx.memberX);
      expect(d.transfer.member.profile.email).toBe(p === 'partnerA' || p === 'financeA' ? null : fx.emailX);
    },
  },
  {
    name: 'LedgerTransfer.member of a member unlinked from A is null',
    query: `query($id: ID!) { transfer(id: $id) { id member { id } } }`,
    vars: () => ({ id: fx.earnAW }),
    expect: only([...HUB, 'financeA', 'partnerA'], 'NOT_FOUND', {
      partnerAReadOnly: 'FORBIDDEN',
      ...each(appsWithout('appZHistory'), 'FORBIDDEN'),
    }),
    check: (p, d) => expect(d.transfer.member).toEqual(HUB.includes(p) ? { id: fx.memberW } : null),
  },
  {
    name: "query hold(A's hold on X)",
    query: `query($id: ID!) { hold(id: $id) { id status amount memberId partnerId } }`,
    vars: () => ({ id: fx.holdA }),
    expect: only([...HUB, 'financeA', 'partnerA', 'memberX'], 'NOT_FOUND', {
      partnerAReadOnly: 'FORBIDDEN',
      ...each(appsWithout('appZHistory'), 'FORBIDDEN'),
    }),
  },
  {
    name: 'query currencies (the catalogue is public, issuers included)',
    query: `query { currencies { code kind issuerPartnerId } }`,
    expect: only(ALL_VALID, 'FORBIDDEN'),
    public: () => [A.id],
    check: (_p, d) => expect(d.currencies).toContainEqual({ code: fx.brand, kind: 'BRANDED', issuerPartnerId: A.id }),
  },
  {
    name: 'query ledgerInvariants',
    query: `query { ledgerInvariants { ok violations { invariant } } }`,
    expect: only(HUB, 'FORBIDDEN'),
    check: (_p, d) => expect(d.ledgerInvariants.ok).toBe(true),
  },
  {
    name: 'query ledgerInvariants(mode: FULL)',
    query: `query { ledgerInvariants(mode: FULL) { ok mode violations { invariant } } }`,
    expect: only(HUB, 'FORBIDDEN'),
    check: (_p, d) => expect(d.ledgerInvariants).toMatchObject({ ok: true, mode: 'FULL' }),
  },
  {
    name: 'query invariantCheckJob',
    query: `query($id: ID!) { invariantCheckJob(id: $id) { id state violationCount } }`,
    vars: async () => ({ id: await finishedInvariantJob() }),
    expect: only(HUB, 'FORBIDDEN'),
    check: (_p, d) => expect(d.invariantCheckJob).toMatchObject({ state: 'DONE', violationCount: 0 }),
  },
  {
    name: "query exchangeRates(A's currency) — public to every caller",
    query: `query($c: String!) { exchangeRates(currency: $c) { id rate spread } }`,
    vars: () => ({ c: fx.brand }),
    expect: only(ALL_VALID, 'FORBIDDEN'),
  },
  {
    name: "query exchangeRateAt(A's currency)",
    query: `query($c: String!) { exchangeRateAt(currency: $c, direction: TO_PTS) { id rate } }`,
    vars: () => ({ c: fx.brand }),
    expect: only(ALL_VALID, 'FORBIDDEN'),
  },

  // ---- settlement reads, for A's and for B's data
  ...(['A', 'B'] as const).flatMap((side): Row[] => {
    const id = () => (side === 'A' ? A.id : B.id);
    const readers: P[] = side === 'A' ? [...HUB, 'financeA', 'partnerA', 'partnerAReadOnly'] : [...HUB, 'partnerB'];
    const prices = () => (side === 'A' ? A_PRICES : B_PRICES);
    return [
      {
        name: `query partnerContracts(${side})`,
        query: `query($id: ID!) { partnerContracts(partnerId: $id) { partnerId issuePrice redemptionPrice } }`,
        vars: () => ({ id: id() }),
        expect: only(readers, 'FORBIDDEN'),
        check: (_p, d) => expect(d.partnerContracts[0]).toMatchObject(prices()),
      },
      {
        name: `query partnerBudget(${side})`,
        query: `query($id: ID!) { partnerBudget(partnerId: $id) { partnerId remaining } }`,
        vars: () => ({ id: id() }),
        expect: only(readers, 'FORBIDDEN'),
      },
      {
        name: `query settlementStatement(${side}) (live draft)`,
        query: `query($id: ID!) { settlementStatement(partnerId: $id) { id partnerId status lines { kind points amount } net digest } }`,
        vars: () => ({ id: id() }),
        expect: only(readers, 'FORBIDDEN'),
        check: (_p, d) => expect(d.settlementStatement).toMatchObject({ id: null, partnerId: id(), status: 'DRAFT' }),
      },
      {
        name: `query settlementStatements(${side})`,
        query: `query($id: ID!) { settlementStatements(partnerId: $id) { id partnerId status } }`,
        vars: () => ({ id: id() }),
        expect: only(readers, 'FORBIDDEN'),
      },
    ];
  }),
  {
    name: 'query reconcileSettlements',
    query: `query { reconcileSettlements { ok statementsChecked differences { partnerId } } }`,
    expect: only([...HUB, 'financeA'], 'FORBIDDEN'),
    check: (_p, d) => expect(d.reconcileSettlements.ok).toBe(true),
  },
  ...(['A', 'B'] as const).map((side) => ({
    name: `query settlementReconciliations(${side})`,
    query: `query($id: ID!) { settlementReconciliations(partnerId: $id) { partnerId periodStart ok reconciledAt } }`,
    vars: () => ({ id: side === 'A' ? A.id : B.id }),
    expect: only(side === 'A' ? [...HUB, 'financeA'] : HUB, 'FORBIDDEN'),
  })),
  {
    name: "query auditRecords (A's own; hub-wide readers: all)",
    query: `query { auditRecords(first: 50) { nodes { partnerId operation actorSubject } } }`,
    expect: only([...HUB, 'financeA', 'partnerA', 'partnerAReadOnly', 'partnerB'], 'FORBIDDEN'),
    check: (p, d) => expectPartnersOnly(d.auditRecords.nodes, p),
    // Hub-wide readers see every partner's administrative changes: the fixture names are public to them.
    public: () => [A.id, B.id],
  },
  {
    name: "query auditRecords(partnerId: B) (another partner's trail)",
    query: `query($id: ID!) { auditRecords(filter: { partnerId: $id }) { nodes { partnerId } } }`,
    vars: () => ({ id: B.id }),
    expect: only([...HUB, 'partnerB'], 'FORBIDDEN'),
  },
  {
    name: 'query interPartnerFlows',
    query: `query($from: DateTime!, $to: DateTime!) { interPartnerFlows(from: $from, to: $to) { issuerPartnerId redeemerPartnerId points issuerFiat redeemerFiat } }`,
    vars: () => ({ from: dayStart(30).toISOString(), to: dayStart(-2).toISOString() }),
    expect: only([...HUB, 'financeA'], 'FORBIDDEN'),
  },
  {
    name: 'query _service (the SDL; open outside production, see graphql-limits for production)',
    query: `query { _service { sdl } }`,
    expect: only(ALL_VALID, 'FORBIDDEN'),
    // Before resolvers: an invalid token is refused; no token at all is a gateway asking for the SDL.
  },

  // ---- programs (A's rules, campaign and purchase; X is A's member)
  ...[
    ['earnRuleSets', 'earnRuleSets(partnerId: $id) { id partnerId version rules }'],
    ['campaigns', 'campaigns(partnerId: $id) { id partnerId name definition funders { partnerId } }'],
  ].map(([name, field]) => ({
    name: `query ${name}(A) (A, finance for A, hub-wide roles; never another partner)`,
    query: `query($id: ID!) { ${field} }`,
    vars: () => ({ id: A.id }),
    expect: only([...HUB, 'financeA', 'partnerA'], 'FORBIDDEN'),
  })),
  {
    name: "query campaignCost(A's campaign)",
    query: `query($id: ID!) { campaignCost(id: $id) { partnerId points awards } }`,
    vars: () => ({ id: fx.campaignA }),
    expect: only([...HUB, 'financeA', 'partnerA'], 'FORBIDDEN', { partnerB: 'NOT_FOUND' }),
  },
  {
    name: 'query simulatePurchase(X) (a partner for its own linked member)',
    query: `query($input: PurchaseInput!) { simulatePurchase(input: $input) { ruleSetVersion breakdown { ref points } legs { partnerId points } } }`,
    vars: () => ({ input: { ...PURCHASE_X, member: { memberId: fx.memberX } } }),
    expect: only(['partnerA'], 'FORBIDDEN', { partnerB: 'NOT_FOUND' }),
  },
  {
    name: 'mutation setEarnRules(A) (A itself or the operator; never another partner)',
    query: SET_RULES,
    vars: () => ({ input: { partnerId: A.id, rules: '{"rules":[]}' } }),
    expect: only(['operator', 'partnerA'], 'FORBIDDEN'),
  },
  {
    name: 'mutation createCampaign(A) (A itself or the operator)',
    query: CREATE_CAMPAIGN,
    vars: () => ({ input: campaignInput(A.id) }),
    expect: only(['operator', 'partnerA'], 'FORBIDDEN'),
  },
  ...(['pauseCampaign', 'resumeCampaign', 'endCampaign'] as const).map((op) => ({
    name: `mutation ${op}(A's campaign) (a fresh one per caller)`,
    query: `mutation($id: ID!) { ${op}(id: $id) { id status } }`,
    vars: async () => ({
      id: (await ok(CREATE_CAMPAIGN, { input: campaignInput(A.id) }, A.token)).createCampaign.id as string,
    }),
    expect: only(['operator', 'partnerA'], 'FORBIDDEN', { partnerB: 'NOT_FOUND' }),
  })),
  {
    name: 'mutation recordPurchase(X)',
    query: RECORD_PURCHASE,
    vars: () => ({ input: { ...PURCHASE_X, member: { memberId: fx.memberX }, idempotencyKey: newKey('mx-purchase') } }),
    expect: only(['partnerA'], 'FORBIDDEN', { partnerB: 'NOT_FOUND' }),
  },
  {
    name: "mutation refundPurchase(A's purchase of X, 1 cent)",
    query: `mutation($input: RefundPurchaseInput!) { refundPurchase(input: $input) { id purchaseId amount reversals { points } } }`,
    vars: () => ({ input: { purchaseId: fx.purchaseAX, amount: '1', idempotencyKey: newKey('mx-refund') } }),
    expect: only(['partnerA'], 'FORBIDDEN', { partnerB: 'NOT_FOUND' }),
  },

  // ---- rewards (A's product and voucher; X's pending redemption at A)
  {
    name: "query reward(A's) (A with points:read, finance for A, hub-wide; every member token once published)",
    query: `query($id: ID!) { reward(id: $id) { id partnerId title price stock } }`,
    vars: () => ({ id: fx.rewardA }),
    expect: only([...HUB, 'financeA', 'partnerA', 'memberX', 'memberY', 'delegatedZ', ...APPS], 'FORBIDDEN', {
      partnerB: 'NOT_FOUND',
    }),
    // A published reward names its partner to every member of the coalition.
    public: () => [A.id],
  },
  {
    name: 'query rewards(A) (A, finance for A, hub-wide roles)',
    query: `query($id: ID!) { rewards(partnerId: $id) { nodes { id partnerId stock codePool { free total low } } } }`,
    vars: () => ({ id: A.id }),
    expect: only([...HUB, 'financeA', 'partnerA'], 'FORBIDDEN'),
  },
  {
    name: 'query rewardCatalog (every member token; a partner-bound one sees its partner only)',
    query: `query { rewardCatalog(first: 50) { nodes { reward { id partnerId } redeemable pointsNeeded } } }`,
    expect: only(['memberX', 'memberY', 'delegatedZ', ...APPS], 'FORBIDDEN'),
    check: (_p, d) => expect(d.rewardCatalog.nodes.map((n: any) => n.reward.id)).toContain(fx.rewardA),
    public: () => [A.id],
  },
  {
    name: 'query myRewardWishlist (member tokens)',
    query: `query { myRewardWishlist { reward { id } pointsNeeded } }`,
    expect: only(['memberX', 'memberY', 'delegatedZ', ...APPS], 'FORBIDDEN'),
  },
  {
    name: 'query myRewardRedemptions (member tokens: their own)',
    query: `query { myRewardRedemptions(first: 50) { nodes { id memberId partnerId code } } }`,
    expect: only(['memberX', 'memberY', 'delegatedZ', ...APPS], 'FORBIDDEN'),
    check: (p, d) => {
      for (const n of d.myRewardRedemptions.nodes) expect(n.memberId).toBe(memberOf(p));
    },
    public: () => [A.id],
  },
  {
    name: 'query rewardRedemptions(A) (A, finance for A, hub-wide roles)',
    query: `query($id: ID!) { rewardRedemptions(partnerId: $id, status: PENDING) { nodes { id partnerId memberId } } }`,
    vars: () => ({ id: A.id }),
    expect: only([...HUB, 'financeA', 'partnerA'], 'FORBIDDEN'),
  },
  {
    name: "query rewardRedemption(X's at A) (its member, A, finance for A, hub-wide)",
    query: `query($id: ID!) { rewardRedemption(id: $id) { id memberId partnerId status } }`,
    vars: () => ({ id: fx.redemptionAX }),
    expect: only([...HUB, 'financeA', 'partnerA', 'memberX'], 'NOT_FOUND', { partnerAReadOnly: 'FORBIDDEN' }),
  },
  {
    name: 'mutation createReward (each partner its own)',
    query: CREATE_REWARD,
    vars: () => ({ input: { kind: 'PRODUCT', title: 'Matrix new', price: '5' } }),
    expect: only(['partnerA', 'partnerB'], 'FORBIDDEN'),
  },
  {
    name: "mutation updateReward(A's, fresh per caller)",
    query: `mutation($input: UpdateRewardInput!) { updateReward(input: $input) { id title } }`,
    vars: async () => ({ input: { id: await freshReward(), title: 'Matrix renamed' } }),
    expect: only(['partnerA'], 'FORBIDDEN', { partnerB: 'NOT_FOUND' }),
  },
  {
    name: "mutation setRewardPrice(A's, fresh per caller)",
    query: `mutation($id: ID!) { setRewardPrice(id: $id, price: "7") { id price priceVersion } }`,
    vars: async () => ({ id: await freshReward() }),
    expect: only(['partnerA'], 'FORBIDDEN', { partnerB: 'NOT_FOUND' }),
  },
  ...(
    [
      ['publishReward', false],
      ['pauseReward', true],
      ['retireReward', false],
    ] as const
  ).map(([op, published]) => ({
    name: `mutation ${op}(A's, fresh per caller)`,
    query: `mutation($id: ID!) { ${op}(id: $id) { id status } }`,
    vars: async () => ({ id: await freshReward({}, published) }),
    expect: only(['partnerA'], 'FORBIDDEN', { partnerB: 'NOT_FOUND' }),
  })),
  {
    name: "mutation addRewardStock(A's counted reward, fresh per caller)",
    query: `mutation($id: ID!) { addRewardStock(id: $id, quantity: "3") { id stock } }`,
    vars: async () => ({ id: await freshReward({ stock: '1' }) }),
    expect: only(['partnerA'], 'FORBIDDEN', { partnerB: 'NOT_FOUND' }),
  },
  {
    name: "mutation uploadRewardCodes(A's voucher)",
    query: `mutation($input: UploadRewardCodesInput!) { uploadRewardCodes(input: $input) { id count } }`,
    vars: () => ({ input: { rewardId: fx.voucherA, codes: [newKey('MX').replace(/[^A-Za-z0-9-]/g, '-')] } }),
    expect: only(['partnerA'], 'FORBIDDEN', { partnerB: 'NOT_FOUND' }),
  },
  {
    name: "mutation generateRewardCodes(A's voucher)",
    query: `mutation($input: GenerateRewardCodesInput!) { generateRewardCodes(input: $input) { id count } }`,
    vars: () => ({ input: { rewardId: fx.voucherA, count: 2, length: 16 } }),
    expect: only(['partnerA'], 'FORBIDDEN', { partnerB: 'NOT_FOUND' }),
  },
  {
    // Sold out, so an allowed caller gets OUT_OF_STOCK having moved nothing: Y's and Z's histories stay as the
    // other rows expect (test/integration/rewards proves the successful paths).
    name: "mutation redeemReward(A's sold-out product): A for its member, members signed in, A's app granted points:redeem",
    query: REDEEM_REWARD,
    vars: (p) => ({
      input: {
        rewardId: fx.soldOutA,
        member: p.startsWith('partner') ? { memberId: fx.memberX } : undefined,
        idempotencyKey: newKey('mx-redeem'),
      },
    }),
    expect: only([], 'FORBIDDEN', {
      ...each(['partnerA', 'memberX', 'memberY', 'appZRedeem'], 'OUT_OF_STOCK'),
      partnerB: 'NOT_FOUND',
    }),
  },
  {
    name: "mutation fulfilRewardRedemption(a fresh one of X's at A)",
    query: `mutation($input: ResolveRewardRedemptionInput!) { fulfilRewardRedemption(input: $input) { redemption { id status } } }`,
    vars: async () => ({ input: { redemptionId: await freshRedemption(fx.memberX), idempotencyKey: newKey('mx-f') } }),
    expect: only(['partnerA'], 'FORBIDDEN', { partnerB: 'NOT_FOUND' }),
  },
  {
    name: "mutation cancelRewardRedemption(a fresh one of X's at A; every other member's token: not theirs)",
    query: `mutation($input: ResolveRewardRedemptionInput!) { cancelRewardRedemption(input: $input) { redemption { id status } } }`,
    vars: async () => ({
      input: { redemptionId: await freshRedemption(fx.memberX), idempotencyKey: newKey('mx-c') },
    }),
    expect: only(['partnerA', 'memberX'], 'FORBIDDEN', {
      ...each(['partnerB', 'memberY', 'delegatedZ', ...APPS], 'NOT_FOUND'),
    }),
  },
  ...(['addRewardToWishlist', 'removeRewardFromWishlist'] as const).map((op) => ({
    name: `mutation ${op}(A's product) (members signed in and apps; never a delegated token)`,
    query: `mutation($id: ID!) { ${op}(rewardId: $id) }`,
    vars: () => ({ id: fx.rewardA }),
    expect: only(['memberX', 'memberY', ...APPS], 'FORBIDDEN'),
  })),

  // ---- member mutations
  {
    name: 'mutation enrollMember (each partner into its own namespace)',
    query: `mutation($input: EnrollMemberInput!) { enrollMember(input: $input) { id partnerLink { partnerId } } }`,
    vars: () => ({ input: { customerId: newKey('new') } }),
    expect: only(['partnerA', 'partnerB'], 'FORBIDDEN'),
  },
  {
    name: "mutation unlinkMember (a throwaway customer of A; B names A's customer id)",
    query: `mutation($c: String!) { unlinkMember(customerId: $c) }`,
    vars: async (p) => {
      if (p !== 'partnerA') return { c: fx.custX };
      const c = newKey('gone');
      await enroll(A, { customerId: c });
      return { c };
    },
    expect: only(['partnerA'], 'FORBIDDEN', { partnerB: 'NOT_FOUND' }),
  },
  {
    name: 'mutation issueMemberToken(X)',
    query: `mutation($id: ID!) { issueMemberToken(member: { memberId: $id }) { accessToken memberId expiresIn } }`,
    vars: () => ({ id: fx.memberX }),
    expect: only(['partnerA'], 'FORBIDDEN', { partnerB: 'NOT_FOUND' }),
  },
  {
    name: 'mutation updateMyProfile',
    query: `mutation($input: UpdateProfileInput!) { updateMyProfile(input: $input) { locale email } }`,
    vars: () => ({ input: { locale: 'en-GB' } }),
    expect: only(['memberX', 'memberY'], 'FORBIDDEN'),
    check: (p, d) => expect(d.updateMyProfile.email).toBe(p === 'memberX' ? fx.emailX : fx.emailY),
  },
  {
    name: 'mutation setConsent for partner A (only a member linked to A)',
    query: `mutation($input: SetConsentInput!) { setConsent(input: $input) { partnerId scope granted } }`,
    vars: () => ({ input: { partnerId: A.id, scope: 'marketing', granted: false } }),
    expect: only(['memberX'], 'FORBIDDEN', { memberY: 'NOT_FOUND' }),
  },
  {
    name: 'mutation eraseMember (a throwaway member for the operator; X for the rest)',
    query: `mutation($id: String!) { eraseMember(memberId: $id) { id erasedAt } }`,
    vars: async (p) => ({ id: p === 'operator' ? await enroll(A, { customerId: newKey('erase') }) : fx.memberX }),
    expect: only(['operator'], 'FORBIDDEN'),
  },
  {
    name: 'mutation mergeMembers (throwaways for the operator; Y into X for the rest)',
    query: `mutation($input: MergeMembersInput!) { mergeMembers(input: $input) { id } }`,
    vars: async (p) =>
      p === 'operator'
        ? {
            input: {
              sourceMemberId: await enroll(A, { customerId: newKey('m1') }),
              targetMemberId: await enroll(A, { customerId: newKey('m2') }),
            },
          }
        : { input: { sourceMemberId: fx.memberY, targetMemberId: fx.memberX } },
    expect: only(['operator'], 'FORBIDDEN'),
  },

  // ---- ledger mutations (on X, A's member)
  {
    name: 'mutation earnPoints(X)',
    query: `mutation($input: EarnPointsInput!) { earnPoints(input: $input) { transfer { id partnerId } transfers { id } balance { available } hold { id } } }`,
    vars: () => ({ input: { member: { memberId: fx.memberX }, amount: '5', idempotencyKey: newKey('mx-earn') } }),
    expect: only(['partnerA'], 'FORBIDDEN', { partnerB: 'NOT_FOUND' }),
  },
  {
    name: 'mutation earnPointsBatch(X) — a foreign member fails per item with NOT_FOUND',
    query: `mutation($input: EarnPointsBatchInput!) { earnPointsBatch(input: $input) { succeeded failed items { error { code } result { transfer { id } balance { available } } } } }`,
    vars: () => ({
      input: { items: [{ member: { memberId: fx.memberX }, amount: '5', idempotencyKey: newKey('mx-batch') }] },
    }),
    expect: only(['partnerA', 'partnerB'], 'FORBIDDEN'),
    check: (p, d) =>
      expect(d.earnPointsBatch).toEqual(
        p === 'partnerA'
          ? { succeeded: 1, failed: 0, items: [{ error: null, result: expect.anything() }] }
          : { succeeded: 0, failed: 1, items: [{ error: { code: 'NOT_FOUND' }, result: null }] },
      ),
  },
  {
    name: 'mutation redeemPoints(X)',
    query: `mutation($input: RedeemPointsInput!) { redeemPoints(input: $input) { transfer { id } balance { available } } }`,
    vars: () => ({ input: { member: { memberId: fx.memberX }, amount: '1', idempotencyKey: newKey('mx-redeem') } }),
    expect: only(['partnerA'], 'FORBIDDEN', { partnerB: 'NOT_FOUND' }),
  },
  {
    name: 'mutation authorizeRedemption(X)',
    query: `mutation($input: AuthorizeRedemptionInput!) { authorizeRedemption(input: $input) { hold { id memberId } } }`,
    vars: () => ({ input: { member: { memberId: fx.memberX }, amount: '1', idempotencyKey: newKey('mx-auth') } }),
    expect: only(['partnerA'], 'FORBIDDEN', { partnerB: 'NOT_FOUND' }),
  },
  {
    name: "mutation captureRedemption (a fresh hold of A's for A; A's hold for the rest)",
    query: `mutation($input: CaptureRedemptionInput!) { captureRedemption(input: $input) { transfer { id } hold { status } } }`,
    vars: async (p) => ({
      input: { holdId: p === 'partnerA' ? await authorize(A, fx.memberX) : fx.holdA, idempotencyKey: newKey('mx-cap') },
    }),
    expect: only(['partnerA'], 'FORBIDDEN', { partnerB: 'NOT_FOUND' }),
  },
  {
    name: 'mutation voidRedemption',
    query: `mutation($input: VoidRedemptionInput!) { voidRedemption(input: $input) { transfer { id } hold { status } } }`,
    vars: async (p) => ({
      input: {
        holdId: p === 'partnerA' ? await authorize(A, fx.memberX) : fx.holdA,
        idempotencyKey: newKey('mx-void'),
      },
    }),
    expect: only(['partnerA'], 'FORBIDDEN', { partnerB: 'NOT_FOUND' }),
  },
  {
    name: "mutation reverseTransfer(A's earn to X, 1 point)",
    query: `mutation($input: ReverseTransferInput!) { reverseTransfer(input: $input) { transfer { id reverses { id } } } }`,
    vars: () => ({ input: { transferId: fx.earnAX, amount: '1', idempotencyKey: newKey('mx-rev') } }),
    expect: only(['partnerA'], 'FORBIDDEN', { partnerB: 'NOT_FOUND' }),
  },
  {
    name: 'mutation redeemPoints(Z) — its partners, and A’s app granted points:redeem for Z itself',
    query: `mutation($input: RedeemPointsInput!) { redeemPoints(input: $input) { transfer { id memberId } } }`,
    vars: () => ({ input: { member: { memberId: fx.memberZ }, amount: '1', idempotencyKey: newKey('mz-redeem') } }),
    expect: only(['partnerA', 'partnerB', 'appZRedeem'], 'FORBIDDEN'),
    check: (_p, d) => expect(d.redeemPoints.transfer.memberId).toBe(fx.memberZ),
  },
  {
    name: 'mutation createCurrency',
    query: `mutation($input: CreateCurrencyInput!) { createCurrency(input: $input) { code } }`,
    vars: () => ({
      input: {
        code: `MC${Math.floor(Math.random() * 1e6)}`,
        name: 'Matrix coin',
        issuerPartnerId: A.id,
        expiryPolicy: 'NONE',
      },
    }),
    expect: only(['operator'], 'FORBIDDEN'),
  },
  {
    name: 'mutation startInvariantCheckJob',
    query: `mutation { startInvariantCheckJob(pageSize: 50) { id state pageSize } }`,
    expect: only(HUB, 'FORBIDDEN'),
    check: (_p, d) => expect(d.startInvariantCheckJob).toMatchObject({ pageSize: 50 }),
  },
  {
    name: 'mutation runLedgerExpiry',
    query: `mutation { runLedgerExpiry { holdsExpired walletsExpired pointsExpired } }`,
    expect: only(['operator'], 'FORBIDDEN'),
  },

  // ---- exchange mutations
  {
    name: "mutation setExchangeRate(A's currency)",
    query: `mutation($input: SetExchangeRateInput!) { setExchangeRate(input: $input) { id } }`,
    vars: () => ({
      input: {
        currency: fx.brand,
        direction: 'TO_PTS',
        rate: '0.5',
        spread: '0.02',
        minimumAmount: '1',
        increment: '1',
      },
    }),
    expect: only(['operator'], 'FORBIDDEN'),
  },
  {
    name: 'mutation quoteExchange (members for themselves; partners for X)',
    query: `mutation($input: QuoteExchangeInput!) { quoteExchange(input: $input) { id memberId amountOut } }`,
    vars: (p) => ({
      input: {
        ...(p.startsWith('member') || p === 'delegatedZ' || isApp(p) ? {} : { member: { memberId: fx.memberX } }),
        from: 'PTS',
        to: fx.brand,
        amount: '10',
      },
    }),
    expect: only(['partnerA', 'memberX', 'memberY', 'appZConvert'], 'FORBIDDEN', { partnerB: 'NOT_FOUND' }),
    check: (p, d) => expect(d.quoteExchange.memberId).toBe(memberOf(p)),
  },
  {
    name: "mutation exchangePoints (the caller's own quote for A and X; X's quote for the rest)",
    query: `mutation($input: ExchangePointsInput!) { exchangePoints(input: $input) { transfer { id memberId } transfers { id } } }`,
    vars: async () => {
      const quoteId = (
        await ok(
          QUOTE,
          { input: { member: { memberId: fx.memberX }, from: 'PTS', to: fx.brand, amount: '10' } },
          A.token,
        )
      ).quoteExchange.id;
      return { input: { quoteId, idempotencyKey: newKey('mx-ex') } };
    },
    expect: only(['partnerA', 'memberX'], 'FORBIDDEN', {
      partnerB: 'NOT_FOUND',
      memberY: 'NOT_FOUND',
      appZConvert: 'NOT_FOUND',
    }),
  },

  // ---- settlement mutations
  {
    name: 'mutation setPartnerContract(A) (same terms, new version)',
    query: `mutation($input: SetPartnerContractInput!) { setPartnerContract(input: $input) { id version } }`,
    vars: () => ({
      input: { partnerId: A.id, settlementCurrency: 'USD', billingMode: 'POSTPAID', period: 'DAILY', ...A_PRICES },
    }),
    expect: only(['operator'], 'FORBIDDEN'),
  },
  {
    name: 'mutation recordPrepaidTopUp(A) (A is postpaid: past the guard, NOT_PREPAID)',
    query: `mutation($id: ID!) { recordPrepaidTopUp(partnerId: $id, amount: "10") { remaining } }`,
    vars: () => ({ id: A.id }),
    expect: only([], 'FORBIDDEN', { operator: 'NOT_PREPAID' }),
  },
  {
    name: 'mutation recordSettlementFee(A)',
    query: `mutation($input: RecordSettlementFeeInput!) { recordSettlementFee(input: $input) { id partnerId amount } }`,
    vars: () => ({ input: { partnerId: A.id, amount: '1.25', description: 'matrix service fee' } }),
    expect: only(['operator'], 'FORBIDDEN'),
    check: (_p, d) => expect(d.recordSettlementFee).toMatchObject({ partnerId: A.id, amount: '1.25' }),
  },
  {
    name: 'mutation closeSettlementPeriod(A, an ended day; a different day per finance caller)',
    query: `mutation($input: StatementRefInput!) { closeSettlementPeriod(input: $input) { id partnerId status digest } }`,
    vars: (p) => ({
      input: {
        partnerId: A.id,
        periodStart: dayStart({ operator: 2, financeHub: 3, financeA: 4 }[p as string] ?? 5).toISOString(),
      },
    }),
    expect: only(['operator', 'financeHub', 'financeA'], 'FORBIDDEN'),
    check: (_p, d) => expect(d.closeSettlementPeriod.status).toBe('CLOSED'),
  },
  {
    name: "mutation closeSettlementPeriod(B) — A's finance may not",
    query: `mutation($input: StatementRefInput!) { closeSettlementPeriod(input: $input) { id } }`,
    vars: (p) => ({
      input: {
        partnerId: B.id,
        periodStart: dayStart(p === 'operator' ? 2 : p === 'financeHub' ? 3 : 4).toISOString(),
      },
    }),
    expect: only(['operator', 'financeHub'], 'FORBIDDEN'),
  },
  ...(['A', 'B'] as const).map((side) => ({
    name: `mutation reconcileSettlementPeriod(${side}, a closed day)`,
    query: `mutation($input: StatementRefInput!) { reconcileSettlementPeriod(input: $input) { partnerId ok reconciledAt differences { field } } }`,
    vars: () => ({ input: { partnerId: side === 'A' ? A.id : B.id, periodStart: fx.closedDay.toISOString() } }),
    expect: only(side === 'A' ? [...HUB, 'financeA'] : HUB, 'FORBIDDEN'),
    check: (_p: P, d: any) =>
      expect(d.reconcileSettlementPeriod).toMatchObject({ partnerId: side === 'A' ? A.id : B.id, ok: true }),
  })),
  {
    name: 'mutation markStatementPaid(A) (a statement closed for each allowed caller)',
    query: `mutation($input: StatementRefInput!, $ref: String!) { markStatementPaid(input: $input, paymentReference: $ref) { id status paidAt } }`,
    vars: async (p) => {
      const days = { operator: 6, financeHub: 7, financeA: 8 }[p as string];
      if (!days) return { input: { partnerId: A.id, periodStart: fx.closedDay.toISOString() }, ref: 'nope' };
      await ok(CLOSE, { input: { partnerId: A.id, periodStart: dayStart(days).toISOString() } }, operator);
      return { input: { partnerId: A.id, periodStart: dayStart(days).toISOString() }, ref: newKey('pay') };
    },
    expect: only(['operator', 'financeHub', 'financeA'], 'FORBIDDEN'),
    check: (_p, d) => expect(d.markStatementPaid.paidAt).not.toBeNull(),
  },
];

rows.push(
  // ---- member sign-in: partner apps and the member's grants
  {
    name: 'mutation registerMemberApp(A) (operator, or A with apps:write)',
    query: `mutation($input: RegisterMemberAppInput!) { registerMemberApp(input: $input) { clientId partnerId redirectUris } }`,
    vars: () => ({ input: { partnerId: A.id, name: 'Matrix app', redirectUris: ['https://matrix.example/cb'] } }),
    expect: only(['operator', 'partnerA'], 'FORBIDDEN'),
    check: (_p, d) => expect(d.registerMemberApp.partnerId).toBe(A.id),
  },
  {
    name: 'query memberApps (the operator every one; a partner its own)',
    query: `query { memberApps { clientId partnerId name } }`,
    expect: only(['operator', 'partnerA', 'partnerB'], 'FORBIDDEN'),
    check: (p, d) => {
      if (p === 'partnerB') expect(d.memberApps).toEqual([]);
      else expect(d.memberApps.map((m: { clientId: string }) => m.clientId)).toContain(fx.appA);
    },
  },
  {
    name: "mutation setMemberAppRedirectUris(A's app)",
    query: `mutation($id: ID!) { setMemberAppRedirectUris(clientId: $id, redirectUris: ["https://a.example/callback"]) { clientId redirectUris } }`,
    vars: () => ({ id: fx.appA }),
    expect: only(['operator', 'partnerA'], 'FORBIDDEN', { partnerB: 'NOT_FOUND' }),
    changesNothing: true,
  },
  {
    name: "mutation revokeMemberApp (a throwaway app of A's for the allowed; A's app for the rest)",
    query: `mutation($id: ID!) { revokeMemberApp(clientId: $id) { clientId revokedAt } }`,
    vars: async (p) => ({
      id:
        p === 'operator' || p === 'partnerA'
          ? (await oidcHelpers(app).registerApp(A, ['https://throwaway.example/cb'])).clientId
          : fx.appA,
    }),
    expect: only(['operator', 'partnerA'], 'FORBIDDEN', { partnerB: 'NOT_FOUND' }),
    check: (_p, d) => expect(d.revokeMemberApp.revokedAt).not.toBeNull(),
  },
  {
    name: 'query myAppGrants (the member signed in at the hub)',
    query: `query { myAppGrants { grantId clientId scopes } }`,
    expect: only(['memberX', 'memberY'], 'FORBIDDEN'),
    check: (_p, d) => expect(d.myAppGrants).toEqual([]),
  },
  {
    name: "mutation revokeMyAppGrant(Z's grant) — nobody else's",
    query: `mutation($id: ID!) { revokeMyAppGrant(grantId: $id) }`,
    vars: () => ({ id: fx.grantZ }),
    expect: only([], 'FORBIDDEN', { memberX: 'NOT_FOUND', memberY: 'NOT_FOUND' }),
  },
);

rows.push(
  // ---- webhooks (issue 19): a partner its own endpoints and deliveries (apps:write to change); the operator any
  {
    name: 'query webhookEventTypes (partners and the operator)',
    query: `query { webhookEventTypes { type version } }`,
    expect: only(['operator', 'partnerA', 'partnerB', 'partnerAReadOnly'], 'FORBIDDEN'),
    check: (_p, d) => expect(d.webhookEventTypes.map((t: { type: string }) => t.type)).toContain('points.earned'),
  },
  {
    name: "query webhookEndpoints(A) (the operator, A's tokens)",
    query: `query($id: ID) { webhookEndpoints(partnerId: $id) { id partnerId url } }`,
    vars: () => ({ id: A.id }),
    expect: only(['operator', 'partnerA', 'partnerAReadOnly'], 'FORBIDDEN'),
    check: (_p, d) => expect(d.webhookEndpoints.map((e: { id: string }) => e.id)).toContain(fx.endpointA),
  },
  {
    name: "query webhookDeliveries(A's endpoint) — another partner: NOT_FOUND",
    query: `query($id: ID!) { webhookDeliveries(endpointId: $id) { nodes { id eventType memberId attemptLog { statusCode } } } }`,
    vars: () => ({ id: fx.endpointA }),
    expect: only(['operator', 'partnerA', 'partnerAReadOnly'], 'FORBIDDEN', { partnerB: 'NOT_FOUND' }),
    check: (_p, d) => expect(d.webhookDeliveries.nodes.length).toBeGreaterThan(0),
  },
  {
    name: 'mutation createWebhookEndpoint(A) (operator, or A with apps:write)',
    query: `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret endpoint { id partnerId } } }`,
    vars: () => ({ input: { partnerId: A.id, url: 'https://a-hooks.example/created' } }),
    expect: only(['operator', 'partnerA'], 'FORBIDDEN'),
    check: (_p, d) => expect(d.createWebhookEndpoint.endpoint.partnerId).toBe(A.id),
  },
  {
    name: "mutation updateWebhookEndpoint(A's endpoint)",
    query: `mutation($input: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(input: $input) { id description } }`,
    vars: (p) => ({ input: { id: fx.endpointA, description: `matrix ${p}` } }),
    expect: only(['operator', 'partnerA'], 'FORBIDDEN', { partnerB: 'NOT_FOUND' }),
  },
  {
    name: "mutation rotateWebhookSecret(A's endpoint)",
    query: `mutation($id: ID!) { rotateWebhookSecret(id: $id, overlapSeconds: 0) { secret endpoint { id } } }`,
    vars: () => ({ id: fx.endpointA }),
    expect: only(['operator', 'partnerA'], 'FORBIDDEN', { partnerB: 'NOT_FOUND' }),
  },
  {
    name: "mutation deleteWebhookEndpoint (a throwaway of A's for the allowed; A's endpoint for the rest)",
    query: `mutation($id: ID!) { deleteWebhookEndpoint(id: $id) }`,
    vars: async (p) => ({
      id:
        p === 'operator' || p === 'partnerA'
          ? (await app.hub.services.webhooks.endpoints.create(A.id, { url: 'https://a-hooks.example/gone' })).endpoint
              .id
          : fx.endpointA,
    }),
    expect: only(['operator', 'partnerA'], 'FORBIDDEN', { partnerB: 'NOT_FOUND' }),
  },
  {
    name: "mutation replayWebhookDelivery(A's delivery)",
    query: `mutation($id: ID!) { replayWebhookDelivery(id: $id) { id status } }`,
    vars: () => ({ id: fx.deliveryA }),
    expect: only(['operator', 'partnerA'], 'FORBIDDEN', { partnerB: 'NOT_FOUND' }),
  },
);

/** Rows that end a member's session (run last, one caller at a time). */
const finalRows: Row[] = [
  {
    name: 'mutation eraseMyData (last: it ends X and Y)',
    query: `mutation { eraseMyData { id erasedAt profile { email } } }`,
    expect: only(['memberX', 'memberY'], 'FORBIDDEN'),
    check: (p, d) => expect(d.eraseMyData).toMatchObject({ id: memberOf(p), profile: { email: null } }),
  },
];

// ---------------------------------------------------------------- running a row

interface Cell {
  principal: P;
  expected: Outcome;
  got: Outcome;
  problem?: string;
}

/** One cell: caller `p` with its token, or (`staff`) a console staff session that must act exactly as `p`. */
async function runCell(row: Row, p: P, staff?: Staff): Promise<Cell> {
  const expected: Outcome =
    row.expect[p as (typeof VALID)[number]] ??
    (p === 'anonymous' && row.name.startsWith('query _service') ? 'ok' : 'UNAUTHENTICATED');
  const variables = (await row.vars?.(p)) ?? {};
  const requestId = `matrix-${++requestCounter}`;
  const res = staff
    ? await app.postJson<any>(
        { query: row.query, variables },
        { headers: { ...staffHeaders[staff], 'x-request-id': requestId } },
      )
    : await call(row.query, variables, tokens[p], requestId);
  const codes = (res.errors ?? []).map((e) => e.extensions?.code ?? 'NO_CODE');
  const got: Outcome = codes.length ? (codes[0] as string) : 'ok';
  const cell: Cell = { principal: p, expected, got };
  const problems: string[] = [];
  if (got !== expected)
    problems.push(
      `expected ${expected}, got ${got}: ${JSON.stringify(res.errors?.[0]?.message ?? res.data).slice(0, 300)}`,
    );
  if (codes.includes('INTERNAL_SERVER_ERROR')) problems.push('INTERNAL_SERVER_ERROR');
  if (expected !== 'ok' && hasData(res.data))
    problems.push(`denied, yet data: ${JSON.stringify(res.data).slice(0, 300)}`);
  if (expected !== 'ok' && new Set(codes).size > 1) problems.push(`mixed codes ${codes.join(',')}`);
  // Zero leaks: nothing of the other party, allowed or denied (unless the caller sent it).
  const body = JSON.stringify({ data: res.data, errors: res.errors });
  const sent = JSON.stringify(variables) + JSON.stringify(row.public?.() ?? []);
  for (const s of foreignData(p)) if (s && body.includes(s) && !sent.includes(s)) problems.push(`leaks ${s}`);
  if (expected === 'ok' && got === 'ok' && row.check) {
    try {
      row.check(p, res.data);
    } catch (error) {
      problems.push(`check: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  const field = rootFieldOf(row.query);
  if (got === 'ok' && field && auditedMutations.has(field) && !row.changesNothing)
    auditedCalls.push({ field, principal: p, requestId });
  if (problems.length) cell.problem = problems.join('; ');
  return cell;
}

const report = (cells: Cell[]) =>
  cells
    .filter((c) => c.problem)
    .map((c) => `  ${c.principal}: ${c.problem}`)
    .join('\n');

/** Runs every cell of a row: a few callers at a time. */
async function runRow(row: Row, concurrency = 4): Promise<Cell[]> {
  const cells: Cell[] = [];
  for (let i = 0; i < PRINCIPALS.length; i += concurrency)
    cells.push(...(await Promise.all(PRINCIPALS.slice(i, i + concurrency).map((p) => runCell(row, p)))));
  return cells;
}

let cellsRun = 0;
describe('authorization matrix', () => {
  describe.concurrent('every operation × every caller', () => {
    for (const row of rows) {
      it(row.name, async () => {
        const cells = await runRow(row);
        cellsRun += cells.length;
        expect(report(cells), `${row.name}\n${report(cells)}`).toBe('');
      });
    }
  });

  describe.concurrent('every query × every console staff session (acts as its role’s principal)', () => {
    for (const row of rows.filter((r) => r.query.trimStart().startsWith('query'))) {
      it(row.name, async () => {
        const cells = await Promise.all(
          (Object.keys(STAFF_AS) as Staff[]).map((staff) => runCell(row, STAFF_AS[staff], staff)),
        );
        expect(report(cells), `${row.name} (staff)\n${report(cells)}`).toBe('');
      });
    }
  });

  it('afterwards nothing denied took effect: X is still A’s, A’s credentials still work, Y was not merged, invariants hold', async () => {
    const d = await ok(
      `query($c: String!) { member(ref: { customerId: $c }) { id erasedAt } }`,
      { c: fx.custX },
      A.token,
    );
    expect(d.member).toEqual({ id: fx.memberX, erasedAt: null });
    expect(
      (await ok(`query($id: ID!) { member(ref: { memberId: $id }) { id } }`, { id: fx.memberY }, B.token)).member.id,
    ).toBe(fx.memberY);
    expect((await ok(`query { viewer { role } }`, {}, tokens.partnerAReadOnly!)).viewer.role).toBe('PARTNER');
    expect(
      (await ok(`query { ledgerInvariants { ok violations { invariant subject } } }`, {}, operator)).ledgerInvariants,
    ).toEqual({ ok: true, violations: [] });
    expect((await ok(`query { partner(id: "${S.id}") { status } }`, {}, operator)).partner.status).toBe('SUSPENDED');
    // Z's grants all stand, and A's app is still registered.
    expect(await app.hub.services.memberGrants.list(fx.memberZ)).toHaveLength(APPS.length);
    expect((await app.hub.services.memberApps.list(A.id)).find((c) => c.clientId === fx.appA)?.revokedAt).toBeNull();
  });

  it('a partner token without members:read reaches no member by any path (root, _entities, LedgerTransfer.member)', async () => {
    const pointsOnly = await app.partnerToken(A.clientId, A.clientSecret, 'points:read points:write');
    for (const [query, variables] of [
      [`query($id: ID!) { member(ref: { memberId: $id }) { id } }`, { id: fx.memberX }],
      [
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Member { id } } }`,
        { r: [{ __typename: 'Member', id: fx.memberX }] },
      ],
    ] as const) {
      const res = await call(query, variables, pointsOnly);
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
      expect(hasData(res.data)).toBe(false);
    }
    const res = await call(
      `query($id: ID!) { transfer(id: $id) { id member { id profile { displayName } } } }`,
      { id: fx.earnAX },
      pointsOnly,
    );
    expect(res).toMatchObject({ data: { transfer: { id: fx.earnAX, member: null } } });
    expect(res.errors).toBeUndefined();
  });

  it('last: the member-ending rows', async () => {
    for (const row of finalRows) {
      // Denied callers first, then the allowed ones (their call ends their own token).
      const order = [...PRINCIPALS].sort(
        (a, b) =>
          Number(row.expect[a as (typeof VALID)[number]] === 'ok') -
          Number(row.expect[b as (typeof VALID)[number]] === 'ok'),
      );
      const cells: Cell[] = [];
      for (const p of order) cells.push(await runCell(row, p));
      cellsRun += cells.length;
      expect(report(cells), `${row.name}\n${report(cells)}`).toBe('');
    }
    // Erased members' tokens stop working.
    expect((await call(`query { me { id } }`, {}, tokens.memberX)).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('every allowed call of an administrative mutation left its audit record, as its caller, under its request id', async () => {
    expect(new Set(auditedCalls.map((c) => c.field)).size).toBeGreaterThanOrEqual(10);
    const rows = await app.hub.db.sql.query<{ request_id: string; operation: string; actor_role: string }>(
      `select request_id, operation, actor_role from audit_record where request_id = any($1::text[])`,
      [auditedCalls.map((c) => c.requestId)],
    );
    const missing = auditedCalls.filter(
      (c) => !rows.some((r) => r.request_id === c.requestId && r.operation === c.field),
    );
    expect(missing).toEqual([]);
  });

  it('covers every Query and Mutation field of schema/schema.graphql, for all 19 callers', () => {
    const doc = parse(readFileSync(new URL('../../../schema/schema.graphql', import.meta.url), 'utf8'));
    const fields = (type: string) =>
      doc.definitions
        .filter((d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === type)
        .flatMap((d) => d.fields!.map((f) => f.name.value));
    const covered = new Set<string>();
    for (const row of [...rows, ...finalRows]) {
      const op = parse(row.query).definitions[0];
      if (op?.kind === Kind.OPERATION_DEFINITION)
        for (const s of op.selectionSet.selections) if (s.kind === Kind.FIELD) covered.add(s.name.value);
    }
    const missing = [...fields('Query'), ...fields('Mutation')].filter((f) => !covered.has(f));
    expect(missing).toEqual([]);
    expect(DENIED_BEFORE_RESOLVERS.length + VALID.length).toBe(PRINCIPALS.length);
    expect(cellsRun).toBe((rows.length + finalRows.length) * PRINCIPALS.length);
  });
});
