/**
 * Console staff (issue 18): sign-in with e-mail and password, the session cookie, CSRF, lock-out, rate
 * limiting, session fixation, sign-out (one and everywhere), expiry, and each role acting as the hub principal
 * it maps onto (the authorisation matrix runs every query as each staff session too).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initTestApp, type TestApp, type TestPartner } from '../../support/test-app.js';
import { sessionCookie, signInStaff, staffSession } from '../../support/staff.js';
import { settlementHelpers } from '../../support/settlement.js';
import { ADDRESS_ATTEMPTS, LOCK_AFTER } from '../../../src/modules/staff/staff.service.js';

let app: TestApp;
let A: TestPartner;
let B: TestPartner;

const VIEWER = { query: '{ viewer { role partner { id } } }' };

async function graphql(headers: Record<string, string>, body: unknown = VIEWER) {
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { data?: any; errors?: any[] } };
}
const codeOf = (r: { body: { errors?: any[] } }) => r.body.errors?.[0]?.extensions?.code;

beforeAll(async () => {
  app = await initTestApp();
  [A, B] = [await app.createPartner({ settlementCurrency: 'IDR' }), await app.createPartner()];
  const settlement = settlementHelpers(app);
  await settlement.contractOk(A);
  await settlement.contractOk(B);
});
afterAll(() => app?.close());

describe('staff sign-in and sessions', () => {
  it('signs in with an HttpOnly, SameSite=Strict cookie; the session acts as its role over GraphQL', async () => {
    const s = await staffSession(app, 'OPERATOR');
    const res = await signInStaff(app, s.email, s.password);
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^hub_staff=[A-Za-z0-9_-]{40,}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=28800$/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect((await graphql(s.headers)).body.data.viewer).toEqual({ role: 'OPERATOR', partner: null });
    const again = await fetch(`${app.url}/staff/session`, { headers: { cookie: s.cookie } });
    expect(await again.json()).toMatchObject({ account: { email: s.email, role: 'OPERATOR' }, csrfToken: s.csrfToken });
  });

  it('refuses a cookie request without the CSRF token, with a wrong one, or from another origin', async () => {
    const s = await staffSession(app, 'OPERATOR');
    for (const headers of <Record<string, string>[]>[
      { cookie: s.cookie },
      { cookie: s.cookie, 'x-csrf-token': 'x'.repeat(s.csrfToken.length) },
      { ...s.headers, origin: 'https://evil.example' },
    ]) {
      const r = await graphql(headers);
      expect(r.status).toBe(403);
      expect(codeOf(r)).toBe('CSRF_REJECTED');
      expect(r.body.data ?? null).toBeNull();
    }
    // The hub's own origin is fine.
    expect((await graphql({ ...s.headers, origin: app.url })).body.data.viewer.role).toBe('OPERATOR');
    // Sign-out needs the token too.
    const out = await fetch(`${app.url}/staff/session`, { method: 'DELETE', headers: { cookie: s.cookie } });
    expect(out.status).toBe(403);
    expect((await graphql(s.headers)).body.data.viewer.role).toBe('OPERATOR');
  });

  it('accepts only JSON at sign-in (a cross-site form cannot sign a browser in)', async () => {
    const s = await staffSession(app, 'FINANCE');
    const res = await fetch(`${app.url}/staff/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: s.email, password: s.password }).toString(),
    });
    expect(res.status).toBe(415);
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('session fixation: a cookie value planted before sign-in never becomes a session; sign-in ends the old one', async () => {
    const s = await staffSession(app, 'FINANCE');
    const planted = 'hub_staff=planted-by-an-attacker-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
    const res = await signInStaff(app, s.email, s.password, { cookie: planted });
    const fresh = sessionCookie(res)!;
    expect(fresh).not.toBe(planted);
    // The planted value names no session: the request is anonymous.
    expect(codeOf(await graphql({ cookie: planted, 'x-csrf-token': s.csrfToken }))).toBe('UNAUTHENTICATED');
    // Signing in again from a browser that had a session ends that session.
    const second = await signInStaff(app, s.email, s.password, { cookie: s.cookie });
    expect(second.status).toBe(200);
    expect(codeOf(await graphql(s.headers))).toBe('UNAUTHENTICATED');
  });

  it('hostile input at sign-in: clear answers, no session written, no server error', async () => {
    await app.advanceClock('6 minutes'); // a fresh rate-limit window for this address
    const s = await staffSession(app, 'OPERATOR');
    const sessions = await app.count('staff_session');
    const post = (body: string, type = 'application/json') =>
      fetch(`${app.url}/staff/session`, { method: 'POST', headers: { 'content-type': type }, body });
    const cases: [string, number][] = [
      ['{not json', 400],
      ['null', 400],
      ['[]', 401],
      [JSON.stringify({ email: 42, password: ['x'] }), 401],
      [JSON.stringify({ email: s.email, password: 'p'.repeat(300) }), 401],
      [JSON.stringify({ email: 'e'.repeat(3000), password: s.password }), 401],
      [JSON.stringify({ email: s.email, password: 'x', pad: 'y'.repeat(5000) }), 413],
    ];
    for (const [body, status] of cases) {
      const res = await post(body);
      expect(res.status, body.slice(0, 40)).toBe(status);
      expect(res.headers.get('set-cookie')).toBeNull();
      const answer = (await res.json()) as any;
      expect(answer.error?.code ?? answer.errors?.[0]?.extensions?.code).toMatch(/^[A-Z_]+$/);
    }
    expect(await app.count('staff_session')).toBe(sessions);
    expect(app.logEntries().some((l) => l.msg === 'request failed')).toBe(false);
    await app.advanceClock('6 minutes');
  });

  it('signs out one session, or every session of the account', async () => {
    const one = await staffSession(app, 'OPERATOR');
    const res = await signInStaff(app, one.email, one.password);
    const two = { cookie: sessionCookie(res)!, 'x-csrf-token': ((await res.json()) as any).csrfToken };
    const out = await fetch(`${app.url}/staff/session`, { method: 'DELETE', headers: one.headers });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/^hub_staff=; .*Max-Age=0/);
    expect(codeOf(await graphql(one.headers))).toBe('UNAUTHENTICATED');
    expect((await graphql(two)).body.data.viewer.role).toBe('OPERATOR');
    const three = sessionCookie(await signInStaff(app, one.email, one.password))!;
    const all = await fetch(`${app.url}/staff/sessions/revoke-all`, { method: 'POST', headers: two });
    expect(await all.json()).toEqual({ signedOut: 2 });
    expect(codeOf(await graphql(two))).toBe('UNAUTHENTICATED');
    expect((await fetch(`${app.url}/staff/session`, { headers: { cookie: three } })).status).toBe(401);
  });

  it('a session ends after 8 hours of hub time', async () => {
    const s = await staffSession(app, 'OPERATOR');
    await app.advanceClock('7 hours');
    expect((await graphql(s.headers)).body.data.viewer.role).toBe('OPERATOR');
    await app.advanceClock('61 minutes');
    expect(codeOf(await graphql(s.headers))).toBe('UNAUTHENTICATED');
  });

  it('a wrong password and an unknown e-mail get the same answer; repeated wrong passwords lock the account', async () => {
    const s = await staffSession(app, 'OPERATOR');
    const unknown = await signInStaff(app, `nobody-${s.email}`, s.password);
    const wrong = await signInStaff(app, s.email, 'not-the-password');
    expect([unknown.status, wrong.status]).toEqual([401, 401]);
    expect(await unknown.json()).toEqual(await wrong.json());
    for (let i = 1; i < LOCK_AFTER; i++) expect((await signInStaff(app, s.email, 'wrong-again')).status).toBe(401);
    const locked = await signInStaff(app, s.email, s.password);
    expect(locked.status).toBe(423);
    expect(((await locked.json()) as any).error.code).toBe('ACCOUNT_LOCKED');
    expect(locked.headers.get('set-cookie')).toBeNull();
    await app.advanceClock('16 minutes');
    expect((await signInStaff(app, s.email, s.password)).status).toBe(200);
  });

  it('rate-limits sign-in attempts per client address', async () => {
    await app.advanceClock('6 minutes'); // a fresh window for this address
    const s = await staffSession(app, 'OPERATOR'); // one attempt
    let last: Response | undefined;
    for (let i = 1; i < ADDRESS_ATTEMPTS; i++) last = await signInStaff(app, `x${i}-${s.email}`, 'nope');
    expect(last!.status).toBe(401);
    const throttled = await signInStaff(app, s.email, s.password);
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await throttled.json()) as any).error.code).toBe('SIGN_IN_THROTTLED');
    await app.advanceClock('6 minutes');
  });
});

describe('roles map onto the hub principals', () => {
  it('finance for one partner sees its own statement and not another partner’s (editing the URL does not help)', async () => {
    const s = await staffSession(app, 'FINANCE', A.id);
    const q = (partnerId: string) => ({
      query: 'query($p: ID!) { settlementStatement(partnerId: $p) { partnerId status } }',
      variables: { p: partnerId },
    });
    expect((await graphql(s.headers, q(A.id))).body.data.settlementStatement).toMatchObject({ partnerId: A.id });
    const other = await graphql(s.headers, q(B.id));
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(codeOf(other));
    expect(other.body.data ?? null).toBeNull();
    const csv = await fetch(`${app.url}/settlement/statement.csv?partnerId=${B.id}`, { headers: { cookie: s.cookie } });
    expect([403, 404]).toContain(csv.status);
    const own = await fetch(`${app.url}/settlement/statement.csv?partnerId=${A.id}`, { headers: { cookie: s.cookie } });
    expect(own.status).toBe(200);
  });

  it('a partner admin acts as its partner; an analyst reads but cannot write', async () => {
    const admin = await staffSession(app, 'PARTNER_ADMIN', A.id);
    const analyst = await staffSession(app, 'PARTNER_ANALYST', A.id);
    expect((await graphql(admin.headers)).body.data.viewer).toEqual({ role: 'PARTNER', partner: { id: A.id } });
    const enroll = {
      query: 'mutation($c: String!) { enrollMember(input: { customerId: $c }) { id } }',
      variables: { c: `staff-${Date.now()}` },
    };
    const member = (await graphql(admin.headers, enroll)).body.data.enrollMember.id;
    expect(member).toBeTruthy();
    expect(codeOf(await graphql(analyst.headers, { ...enroll, variables: { c: 'analyst-1' } }))).toBe('FORBIDDEN');
    const read = await graphql(analyst.headers, {
      query: 'query($id: ID!) { member(ref: { memberId: $id }) { id balances { currency available } } }',
      variables: { id: member },
    });
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data.member.id).toBe(member);
  });

  it('partner staff stop when their partner is suspended', async () => {
    const P = await app.createPartner();
    const admin = await staffSession(app, 'PARTNER_ADMIN', P.id);
    expect((await graphql(admin.headers)).body.data.viewer.role).toBe('PARTNER');
    await app.postJson(
      { query: `mutation { updatePartner(input: { id: "${P.id}", status: SUSPENDED }) { status } }` },
      { token: await app.operatorToken() },
    );
    expect(codeOf(await graphql(admin.headers))).toBe('UNAUTHENTICATED');
  });

  it('staff accounts: roles need the right partner, e-mails are unique', async () => {
    const { staff } = app.hub.services;
    await expect(staff.add({ email: 'op@example.org', role: 'OPERATOR', partnerId: A.id })).rejects.toThrow(
      /no partner/,
    );
    await expect(staff.add({ email: 'pa@example.org', role: 'PARTNER_ADMIN' })).rejects.toThrow(/belong to a partner/);
    await staff.add({ email: 'Twice@Example.org', role: 'FINANCE' });
    await expect(staff.add({ email: 'twice@example.org', role: 'FINANCE' })).rejects.toMatchObject({
      extensions: { code: 'STAFF_EMAIL_TAKEN' },
    });
  });
});
