/**
 * GraphQL hardening, over HTTP: depth, alias and cost limits per request; the
 * per-partner cost budget (THROTTLED, 429 with Retry-After, cost in
 * `extensions`, one partner's exhaustion leaves another untouched); batch and
 * body size limits; introspection (and the SDL of `_service`) and the landing
 * page in production; CSRF prevention. A refused operation never runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLResponse } from '../../support/graphql-client.js';
import { newKey } from '../../support/ledger.js';
import { initTestApp, type TestApp, type TestPartner } from '../../support/test-app.js';

const codes = (res: { errors?: { extensions?: { code?: string } }[] }) =>
  (res.errors ?? []).map((e) => e.extensions?.code);
const ENROLL = `mutation($input: EnrollMemberInput!) { enrollMember(input: $input) { id } }`;
const INTROSPECTION = `query { __schema { queryType { name } types { name } } }`;

let prod: TestApp; // env production, default limits
let dev: TestApp; // env development
let tight: TestApp; // a small partner budget
let prodPartner: TestPartner;
beforeAll(async () => {
  [prod, dev, tight] = await Promise.all([
    initTestApp({ config: { env: 'production' } }),
    initTestApp({ config: { env: 'development' } }),
    initTestApp({ config: { graphql: { ...defaults(), partnerCostBurst: 60, partnerCostPerSecond: 1 } } }),
  ]);
  prodPartner = await prod.createPartner();
});
afterAll(() => Promise.all([prod?.close(), dev?.close(), tight?.close()]));

function defaults() {
  return {
    maxDepth: 12,
    maxAliases: 30,
    maxCost: 20_000,
    maxBatch: 10,
    partnerCostBurst: 200_000,
    partnerCostPerSecond: 50_000,
  };
}

/** `transfer(id) { reverses { reverses { … { id } } } }`: depth = levels + 2. */
const nested = (levels: number) =>
  `query($id: ID!) { transfer(id: $id) { ${'reverses { '.repeat(levels)}id${' }'.repeat(levels)} } }`;
const someId = '01900000-0000-7000-8000-000000000001';

describe('per-request limits (production defaults)', () => {
  it('depth: over the limit is QUERY_TOO_DEEP (400) before any resolver; at the limit it runs', async () => {
    const token = prodPartner.token;
    const tooDeep = await prod.postJson({ query: nested(11), variables: { id: someId } }, { token });
    expect(tooDeep.status).toBe(400);
    expect(codes(tooDeep)).toEqual(['QUERY_TOO_DEEP']);
    expect(tooDeep.errors![0]!.message).toContain('13 levels; the limit is 12');
    expect(tooDeep.data ?? null).toBeNull();
    // At the limit the operation executes: the resolver answers (NOT_FOUND for a missing transfer).
    expect(codes(await prod.postJson({ query: nested(10), variables: { id: someId } }, { token }))).toEqual([
      'NOT_FOUND',
    ]);
    // Depth hidden in fragments counts too.
    const viaFragments = `query($id: ID!) { transfer(id: $id) { ...F } } fragment F on LedgerTransfer { reverses { reverses { reverses { reverses { ...G } } } } } fragment G on LedgerTransfer { reverses { reverses { reverses { reverses { reverses { reverses { reverses { id } } } } } } } }`;
    expect(codes(await prod.postJson({ query: viaFragments, variables: { id: someId } }, { token }))).toEqual([
      'QUERY_TOO_DEEP',
    ]);
  });

  it('aliases: over the limit is TOO_MANY_ALIASES and nothing runs; at the limit it runs', async () => {
    const operator = await prod.operatorToken();
    const aliased = (n: number) =>
      `mutation { ${Array.from({ length: n }, (_, i) => `a${i}: createPartner(input: { code: "${newKey('al').toLowerCase()}", name: "Alias ${i}", settlementCurrency: "USD" }) { id }`).join(' ')} }`;
    const before = await prod.count('partner');
    const res = await prod.postJson({ query: aliased(31) }, { token: operator });
    expect(res.status).toBe(400);
    expect(codes(res)).toEqual(['TOO_MANY_ALIASES']);
    expect(await prod.count('partner')).toBe(before);
    const read = (n: number) =>
      `query { ${Array.from({ length: n }, (_, i) => `c${i}: currencies { code }`).join(' ')} }`;
    const atLimit = await prod.postJson({ query: read(30) }, { token: operator });
    expect(atLimit.errors).toBeUndefined();
    expect(Object.keys(atLimit.data as object)).toHaveLength(30);
  });

  it('cost: nested pages multiply; over the limit is QUERY_TOO_COMPLEX with the cost in extensions, page sizes from variables count', async () => {
    const token = prodPartner.token;
    const query = `query($id: ID!, $n: Int) { member(ref: { memberId: $id }) { transactions(first: $n) { nodes { member { transactions(first: $n) { nodes { id amount } } } } } } }`;
    const res = await prod.postJson({ query, variables: { id: someId, n: 200 } }, { token });
    expect(res.status).toBe(400);
    expect(codes(res)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(res.errors![0]!.extensions!.cost).toBeGreaterThan(20_000);
    // The same shape with small pages is cheap and runs (NOT_FOUND: no such member), cost reported.
    const cheap = await prod.postJson({ query, variables: { id: someId, n: 5 } }, { token });
    expect(codes(cheap)).toEqual(['NOT_FOUND']);
    expect((cheap as GraphQLResponse<unknown> & { extensions?: unknown }).status).toBe(200);
    const body = (await (await rawPost(prod, { query, variables: { id: someId, n: 5 } }, token)).json()) as {
      extensions?: { cost?: { requested: number } };
    };
    expect(body.extensions?.cost?.requested).toBeGreaterThan(0);
    expect(body.extensions!.cost!.requested).toBeLessThan(200);
  });

  it('batches: 1 to maxBatch operations; more (or none) is BATCH_TOO_LARGE and nothing runs', async () => {
    const token = prodPartner.token;
    const op = () => ({ query: ENROLL, variables: { input: { customerId: newKey('batch') } } });
    const before = await prod.count('member');
    for (const batch of [Array.from({ length: 11 }, op), []]) {
      const res = await rawPost(prod, batch, token);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe(
        'BATCH_TOO_LARGE',
      );
    }
    expect(await prod.count('member')).toBe(before);
    const ok = await rawPost(prod, Array.from({ length: 10 }, op), token);
    expect(ok.status).toBe(200);
    const answers = (await ok.json()) as { data?: { enrollMember?: { id: string } } }[];
    expect(answers).toHaveLength(10);
    expect(answers.every((a) => a.data?.enrollMember?.id)).toBe(true);
    expect(await prod.count('member')).toBe(before + 10);
  });

  it('body size: over the limit is 413 PAYLOAD_TOO_LARGE, declared or streamed (chunked), nothing written', async () => {
    const limit = prod.config.bodyLimitBytes;
    const before = await prod.count('member');
    const big = JSON.stringify({
      query: ENROLL,
      variables: { input: { customerId: 'c', displayName: 'x'.repeat(limit) } },
    });
    const declared = await rawPost(prod, big, prodPartner.token, true);
    expect(declared.status).toBe(413);
    expect(((await declared.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe(
      'PAYLOAD_TOO_LARGE',
    );
    // No content-length: the hub counts as it reads.
    const chunks = [big.slice(0, limit / 2), big.slice(limit / 2)];
    const stream = new ReadableStream({
      pull(controller) {
        const next = chunks.shift();
        if (next === undefined) controller.close();
        else controller.enqueue(new TextEncoder().encode(next));
      },
    });
    const streamed = await fetch(`${prod.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${prodPartner.token}` },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(await prod.count('member')).toBe(before);
    expect((await fetch(`${prod.url}/health`)).status).toBe(200);
  });
});

function rawPost(app: TestApp, body: unknown, token?: string, preserialised = false) {
  return fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: preserialised ? (body as string) : JSON.stringify(body),
  });
}

describe('per-partner cost budget (burst 60, 1 per second)', () => {
  // Hub time stands still unless the test moves it, so the bucket refills only when the test says so: the
  // counts below are exact, whatever the speed of the requests.
  beforeAll(() => tight.freezeClock());
  afterAll(() => tight?.resumeClock());

  it('reports the cost on every answer; a spent budget is THROTTLED (429, Retry-After, cost in extensions) and the operation does not run; another partner is unaffected', async () => {
    const [a, b] = [await tight.createPartner(), await tight.createPartner()];
    // Each enrolment costs 2 (enrollMember + id).
    let last: { status: number; body: any } | undefined;
    const before = await tight.count('member');
    let enrolled = 0;
    for (let i = 0; i < 40; i++) {
      const res = await rawPost(tight, { query: ENROLL, variables: { input: { customerId: newKey('tb') } } }, a.token);
      last = { status: res.status, body: await res.json() };
      if (res.status !== 200) {
        expect(res.status).toBe(429);
        const retryAfter = Number(res.headers.get('retry-after'));
        expect(retryAfter).toBeGreaterThanOrEqual(1);
        break;
      }
      enrolled++;
      expect(last.body.extensions.cost).toEqual({
        requested: 2,
        remaining: 60 - 2 * enrolled,
        limit: 60,
        refillPerSecond: 1,
      });
    }
    expect(last!.status).toBe(429);
    expect(enrolled).toBe(30); // 60 / 2: nothing refilled meanwhile
    const error = last!.body.errors[0];
    expect(error.extensions.code).toBe('THROTTLED');
    expect(error.extensions.cost).toEqual({ requested: 2, remaining: 0, limit: 60, refillPerSecond: 1 });
    expect(error.extensions.retryAfter).toBe(2);
    expect(last!.body.data ?? null).toBeNull();
    expect(await tight.count('member')).toBe(before + enrolled); // the throttled one wrote nothing

    // B has its own bucket; the operator has none.
    const other = await tight.postJson(
      { query: ENROLL, variables: { input: { customerId: newKey('tb') } } },
      { token: b.token },
    );
    expect(other.errors).toBeUndefined();
    expect(
      (
        await tight.postJson(
          { query: `query { partners(first: 5) { nodes { id } } }` },
          { token: await tight.operatorToken() },
        )
      ).errors,
    ).toBeUndefined();
    // A's budget refills with hub time: after 1 s one unit (not enough, retry in 1 s), after 2 s the cost of one.
    const enrol = async () =>
      (await (
        await rawPost(tight, { query: ENROLL, variables: { input: { customerId: newKey('tb') } } }, a.token)
      ).json()) as any;
    await tight.advanceClock('1 second');
    const early = await enrol();
    expect(codes(early)).toEqual(['THROTTLED']);
    expect(early.errors[0].extensions.retryAfter).toBe(1);
    await tight.advanceClock('1 second');
    const served = await enrol();
    expect(served.errors).toBeUndefined();
    expect(served.extensions.cost).toEqual({
      requested: 2,
      remaining: 0,
      limit: 60,
      refillPerSecond: 1,
    });
    expect(await tight.count('member')).toBe(before + enrolled + 2); // + B's enrolment and A's last one
  });
});

describe('introspection, SDL and landing page', () => {
  it('development: introspection open, landing page served', async () => {
    const res = await dev.postJson({ query: INTROSPECTION });
    expect(res.errors).toBeUndefined();
    expect((res.data as { __schema: { queryType: { name: string } } }).__schema.queryType.name).toBe('Query');
    const page = await fetch(`${dev.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<html/i);
  });

  it('production: introspection, __type and _service { sdl } are refused without a token, with a member or finance token; allowed for partners and operators', async () => {
    const member = (
      await prod.postJson(
        { query: ENROLL, variables: { input: { customerId: newKey('intro') } } },
        { token: prodPartner.token },
      )
    ).data as { enrollMember: { id: string } };
    const memberToken = (
      (
        await prod.postJson(
          {
            query: `mutation($id: ID!) { issueMemberToken(member: { memberId: $id }) { accessToken } }`,
            variables: { id: member.enrollMember.id },
          },
          { token: prodPartner.token },
        )
      ).data as { issueMemberToken: { accessToken: string } }
    ).issueMemberToken.accessToken;
    const queries = [
      INTROSPECTION,
      `query { __type(name: "Member") { fields { name } } }`,
      `query { ...F } fragment F on Query { __schema { types { name } } }`,
      `query { _service { sdl } }`,
    ];
    for (const query of queries) {
      for (const token of [undefined, memberToken, await prod.financeToken()]) {
        const res = await prod.postJson({ query }, { token });
        expect(codes(res), `${query} with ${token ? 'a token' : 'no token'}`).toEqual(['FORBIDDEN']);
        expect(res.status).toBe(403);
        expect(JSON.stringify(res)).not.toContain('LedgerTransfer');
      }
      for (const token of [prodPartner.token, await prod.operatorToken()]) {
        const res = await prod.postJson({ query }, { token });
        expect(res.errors, query).toBeUndefined();
      }
    }
    // __typename is not introspection.
    expect((await prod.postJson({ query: `query { __typename }` })).data).toEqual({ __typename: 'Query' });
  });

  it('production: no landing page', async () => {
    const page = await fetch(`${prod.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toMatch(/<html/i);
    expect(page.status).toBeGreaterThanOrEqual(400);
  });
});

describe('CSRF prevention', () => {
  it('a GET or simple-content-type request without a preflight header is refused and not executed', async () => {
    const token = prodPartner.token;
    const q = encodeURIComponent('{ viewer { role } }');
    const get = await fetch(`${prod.url}/graphql?query=${q}`, { headers: { authorization: `Bearer ${token}` } });
    expect(get.status).toBe(400);
    expect(await get.text()).toMatch(/CSRF|preflight/i);
    const preflighted = await fetch(`${prod.url}/graphql?query=${q}`, {
      headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' },
    });
    expect(preflighted.status).toBe(200);
    expect(await preflighted.json()).toEqual(expect.objectContaining({ data: { viewer: { role: 'PARTNER' } } }));

    const before = await prod.count('member');
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await fetch(`${prod.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': contentType, authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: ENROLL, variables: { input: { customerId: newKey('csrf') } } }),
      });
      expect(res.status, contentType).toBe(400);
    }
    // A mutation over GET, even preflighted, is refused.
    const getMutation = await fetch(
      `${prod.url}/graphql?query=${encodeURIComponent(`mutation { enrollMember(input: { customerId: "${newKey('csrf')}" }) { id } }`)}`,
      {
        headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' },
      },
    );
    expect(getMutation.status).toBe(405);
    expect(await prod.count('member')).toBe(before);
  });
});
