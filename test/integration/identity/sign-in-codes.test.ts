/**
 * The hub's sign-in and consent pages under hostile use: the same answer and the same work for unknown and
 * known identifiers, codes single-use, bound to their sign-in, expiring, rate-limited and locked after wrong
 * tries, hostile input refused with nothing written, CSRF refused on the consent screen, nothing logged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberHelpers } from '../../support/members.js';
import { CookieJar, csrfOf, newPkce, oidcHelpers, type HtmlResponse } from '../../support/oidc.js';
import { initTestApp, type TestApp, type TestPartner } from '../../support/test-app.js';

let app: TestApp;
let a: TestPartner;
let members: ReturnType<typeof memberHelpers>;
let oidc: ReturnType<typeof oidcHelpers>;
let clientId = '';
const REDIRECT = 'https://app.example/callback';
let n = 0;
const email = () => `codes-${process.pid}-${++n}@example.com`;

beforeAll(async () => {
  app = await initTestApp();
  a = await app.createPartner();
  members = memberHelpers(app);
  oidc = oidcHelpers(app);
  clientId = (await oidc.registerApp(a, [REDIRECT], 'Kopi app')).clientId;
});
afterAll(() => app?.close());

async function member() {
  const address = email();
  const id = await members.enroll(a, { email: address, emailVerified: true });
  return { id, address };
}

/** A fresh browser at the sign-in page: its jar, the page, and the page's path. */
async function signInPage(scope = 'openid balances:read') {
  const jar = new CookieJar();
  const pkce = newPkce();
  const res = await oidc.follow(
    await oidc.get(
      oidc.authorizeUrl({
        client_id: clientId,
        redirect_uri: REDIRECT,
        response_type: 'code',
        scope,
        code_challenge: pkce.challenge,
        code_challenge_method: 'S256',
        state: 'st',
      }),
      jar,
    ),
    jar,
  );
  expect(res.status).toBe(200);
  return { jar, pkce, res, path: oidc.interactionPath(res) };
}

const identify = (p: { jar: CookieJar; res: HtmlResponse; path: string }, identifier: string) =>
  oidc.post(`${p.path}/identify`, { csrf: csrfOf(p.res.body), identifier }, p.jar);
const verify = (p: { jar: CookieJar; res: HtmlResponse; path: string }, code: string) =>
  oidc.post(`${p.path}/verify`, { csrf: csrfOf(p.res.body), code }, p.jar);
const challenges = () => app.count('member_sign_in_challenge');
const attempts = async () =>
  (
    await app.hub.db.sql.query<{ n: number }>(
      `select coalesce(sum(attempts), 0)::int as n from member_sign_in_challenge`,
    )
  )[0]!.n;
const grantRows = async () =>
  (await app.hub.db.sql.query<{ n: number }>(`select count(*)::int as n from oidc_payload where model = 'Grant'`))[0]!
    .n;
/** An answer with what differs per browser (the sign-in's uid, the CSRF token) blanked. */
const shape = (res: HtmlResponse, path: string) =>
  `${res.status} ${res.body.replaceAll(path, '<path>').replace(/name="csrf" value="[^"]+"/g, 'name="csrf"')}`;

describe('unknown and known identifiers', () => {
  it('get the same answer and the same work: one lookup, one challenge row, the same statements', async () => {
    const known = await member();
    const unknown = `nobody-${process.pid}@example.com`;
    const sink = app.hub.identity.sink!;
    const outcomes = [];
    for (const identifier of [known.address, unknown, `  ${known.address.toUpperCase()} `, '+62 811 0000 0000']) {
      const page = await signInPage();
      const before = {
        statements: app.hub.db.sql.statementCount,
        rows: await challenges(),
        sent: sink.messages.length,
      };
      const res = await identify(page, identifier);
      const statements = app.hub.db.sql.statementCount - before.statements;
      await new Promise((r) => setTimeout(r, 20)); // delivery is not awaited by the request
      outcomes.push({
        identifier,
        answer: shape(res, page.path),
        statements,
        rows: (await challenges()) - before.rows,
        sent: sink.messages.length - before.sent,
      });
    }
    const [k, u, kAgain, phone] = outcomes;
    expect(u!.answer).toBe(k!.answer);
    expect(phone!.answer).toBe(k!.answer);
    expect(k!.answer).toMatch(/^200 /);
    expect(u!.statements).toBe(k!.statements);
    expect(phone!.statements).toBe(k!.statements);
    expect([k!.rows, u!.rows, phone!.rows]).toEqual([1, 1, 1]);
    // Only a member's identifier gets a code (normalised: case and spaces do not matter).
    expect([k!.sent, u!.sent, kAgain!.sent, phone!.sent]).toEqual([1, 0, 1, 0]);
  });

  it('an unknown identifier can never sign in, whatever code is sent', async () => {
    const page = await signInPage();
    const codePage = await identify(page, `ghost-${process.pid}@example.com`);
    const p = { ...page, res: codePage };
    for (const code of ['000000', '123456', '999999']) expect((await verify(p, code)).status).toBe(400);
  });
});

describe('codes', () => {
  it('are single-use and bound to their sign-in', async () => {
    const { address } = await member();
    const page = await signInPage();
    const codePage = await identify(page, address);
    const code = app.hub.identity.sink!.lastCodeFor(address)!;
    // Another browser's sign-in cannot use it.
    const other = await signInPage();
    const stolen = await verify({ ...other, res: await identify(other, `x-${process.pid}@example.com`) }, code);
    expect(stolen.status).toBe(400);
    const ok = await verify({ ...page, res: codePage }, code);
    expect(ok.status).toBe(303);
    const before = { rows: await challenges(), attempts: await attempts() };
    const replay = await verify({ ...page, res: codePage }, code);
    expect(replay.status).toBe(400);
    expect({ rows: await challenges(), attempts: await attempts() }).toEqual(before);
  });

  it('are dead after SIGN_IN_MAX_ATTEMPTS wrong tries, even the right one', async () => {
    const { address } = await member();
    const page = await signInPage();
    const p = { ...page, res: await identify(page, address) };
    const code = app.hub.identity.sink!.lastCodeFor(address)!;
    const wrong = code === '000000' ? '000001' : '000000';
    for (let i = 0; i < app.config.signIn.maxAttempts; i++) {
      const res = await verify(p, wrong);
      expect(res.status).toBe(400);
      expect(res.body).toContain('not right');
    }
    const locked = await verify(p, code);
    expect(locked.status).toBe(400);
    expect(locked.body).toContain('Ask for a new one');
    expect(locked.location).toBeNull();
  });

  it('expire', async () => {
    const { address } = await member();
    const page = await signInPage();
    const p = { ...page, res: await identify(page, address) };
    const code = app.hub.identity.sink!.lastCodeFor(address)!;
    // As if SIGN_IN_CODE_TTL_SECONDS had passed.
    await app.hub.db.sql.query(`update member_sign_in_challenge set expires_at = now() - interval '1 second'`);
    const res = await verify(p, code);
    expect(res.status).toBe(400);
    expect(res.location).toBeNull();
  });

  it('are rate-limited per identifier, known or not, with the same answer', async () => {
    const { address } = await member();
    const unknown = `limit-${process.pid}@example.com`;
    const last: Record<string, string> = {};
    for (const identifier of [address, unknown]) {
      for (let i = 0; i < app.config.signIn.maxCodesPerWindow; i++) {
        const page = await signInPage();
        expect((await identify(page, identifier)).status).toBe(200);
      }
      const page = await signInPage();
      const before = await challenges();
      const refused = await identify(page, identifier);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('900');
      expect(await challenges()).toBe(before);
      last[identifier] = shape(refused, page.path);
    }
    expect(last[unknown]).toBe(last[address]);
  });
});

describe('hostile input on the sign-in pages', () => {
  it('is refused with a clear answer and nothing written', async () => {
    const { address } = await member();
    const page = await signInPage();
    const codePage = await identify(page, address);
    const p = { ...page, res: codePage };
    const before = { rows: await challenges(), attempts: await attempts() };
    const csrf = csrfOf(page.res.body);
    const cases: [string, () => Promise<HtmlResponse>, number][] = [
      ['an oversized identifier', () => identify(page, `${'a'.repeat(300)}@example.com`), 400],
      ['an identifier that is neither', () => identify(page, 'not an address'), 400],
      [
        'two identifiers',
        () => oidc.post(`${page.path}/identify`, { csrf, identifier: [address, address] }, page.jar),
        400,
      ],
      ['no identifier', () => oidc.post(`${page.path}/identify`, { csrf }, page.jar), 400],
      ['a body over 4 KB', () => identify(page, 'a'.repeat(5000)), 413],
      ['letters for a code', () => verify(p, 'abcdef'), 400],
      ['a 7-digit code', () => verify(p, '1234567'), 400],
      ['an oversized code', () => verify(p, '1'.repeat(3000)), 400],
      ['an empty code', () => verify(p, ''), 400],
      ['no CSRF token', () => oidc.post(`${page.path}/identify`, { identifier: address }, page.jar), 403],
      [
        'JSON instead of a form',
        async () => {
          const res = await fetch(`${app.url}${page.path}/identify`, {
            method: 'POST',
            redirect: 'manual',
            headers: { 'content-type': 'application/json', cookie: page.jar.header() },
            body: JSON.stringify({ csrf, identifier: address }),
          });
          return { status: res.status, location: null, body: await res.text(), headers: res.headers };
        },
        415,
      ],
      ['an unknown page', () => oidc.post(`${page.path}/elevate`, { csrf }, page.jar), 404],
      ['a GET on a form action', () => oidc.get(`${page.path}/identify`, page.jar), 405],
      ['an unknown sign-in', () => oidc.get('/oidc/interaction/AAAAAAAAAAAAAAAAAAAAAA', page.jar), 400],
      ['a path with odd characters', () => oidc.get('/oidc/interaction/%3Cscript%3E', page.jar), 404],
      [
        'another browser',
        () => oidc.post(`${page.path}/identify`, { csrf, identifier: address }, new CookieJar()),
        400,
      ],
    ];
    for (const [what, send, status] of cases) {
      const res = await send();
      expect(res.status, what).toBe(status);
      expect(res.headers.get('content-type'), what).toMatch(/^text\/html/);
      expect(res.body, what).not.toContain('<script');
    }
    expect({ rows: await challenges(), attempts: await attempts() }).toEqual(before);
    // The sign-in still works afterwards.
    expect((await verify(p, app.hub.identity.sink!.lastCodeFor(address)!)).status).toBe(303);
  });

  it('an identifier or code is never logged', async () => {
    const { address } = await member();
    await oidc.signIn({ clientId, redirectUri: REDIRECT, identifier: address, scope: ['balances:read'] });
    const code = app.hub.identity.sink!.lastCodeFor(address)!;
    const logs = app.logs.join('\n');
    expect(logs).toContain('/oidc/');
    expect(logs).not.toContain(address);
    expect(logs).not.toContain(address.split('@')[0]);
    expect(logs).not.toMatch(new RegExp(`\\b${code}\\b`));
  });
});

describe('the consent screen', () => {
  async function atConsent() {
    const { address } = await member();
    const started = await oidc.signInUntilConsent({
      clientId,
      redirectUri: REDIRECT,
      identifier: address,
      scope: ['balances:read', 'history:read'],
    });
    expect(started.res.body).toContain('name="decision"');
    expect(started.res.body).toContain('Kopi app');
    return { ...started, path: oidc.interactionPath(started.res) };
  }

  it('refuses a form not sent from the hub page (CSRF): no token, another browser’s token, a foreign Origin', async () => {
    const mine = await atConsent();
    const theirs = await atConsent();
    const grants = await grantRows();
    const allow = { decision: 'allow', scope: ['balances:read'] };
    const noCsrfCookie = mine.jar.clone();
    noCsrfCookie.cookies.delete('hub_csrf');
    for (const [what, send] of [
      ['no token', () => oidc.post(`${mine.path}/consent`, allow, mine.jar)],
      [
        'another browser’s token',
        () => oidc.post(`${mine.path}/consent`, { ...allow, csrf: csrfOf(theirs.res.body) }, mine.jar),
      ],
      [
        'no CSRF cookie',
        () => oidc.post(`${mine.path}/consent`, { ...allow, csrf: csrfOf(mine.res.body) }, noCsrfCookie),
      ],
      [
        'a foreign Origin',
        () =>
          oidc.post(`${mine.path}/consent`, { ...allow, csrf: csrfOf(mine.res.body) }, mine.jar, {
            origin: 'https://evil.example',
          }),
      ],
    ] as const) {
      const res = await send();
      expect(res.status, what).toBe(403);
      expect(res.location, what).toBeNull();
    }
    expect(await grantRows()).toBe(grants);
    // The genuine form passes, and grants only what was ticked.
    const res = await oidc.follow(
      await oidc.post(`${mine.path}/consent`, { ...allow, csrf: csrfOf(mine.res.body) }, mine.jar, {
        origin: new URL(app.url).origin,
      }),
      mine.jar,
    );
    const code = oidc.codeFrom(res, REDIRECT);
    const t = await oidc.token({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      client_id: clientId,
      code_verifier: mine.pkce.verifier,
    });
    expect(t.body.scope).toBe('balances:read');
    expect(await grantRows()).toBe(grants + 1);
  });

  it('grants nothing when the member denies, or asks for scopes the app did not request', async () => {
    const denied = await atConsent();
    const grants = await grantRows();
    const res = await oidc.follow(
      await oidc.post(`${denied.path}/consent`, { csrf: csrfOf(denied.res.body), decision: 'deny' }, denied.jar),
      denied.jar,
    );
    const back = new URL(res.location!);
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect(await grantRows()).toBe(grants);

    const greedy = await atConsent();
    const granted = await oidc.follow(
      await oidc.post(
        `${greedy.path}/consent`,
        { csrf: csrfOf(greedy.res.body), decision: 'allow', scope: ['balances:read', 'points:redeem', 'member'] },
        greedy.jar,
      ),
      greedy.jar,
    );
    const t = await oidc.token({
      grant_type: 'authorization_code',
      code: oidc.codeFrom(granted, REDIRECT),
      redirect_uri: REDIRECT,
      client_id: clientId,
      code_verifier: greedy.pkce.verifier,
    });
    expect(t.body.scope).toBe('balances:read');
  });

  it("a partner app cannot obtain the member's own scope, even by asking", async () => {
    const { address } = await member();
    const tokens = await oidc.signIn({
      clientId,
      redirectUri: REDIRECT,
      identifier: address,
      scope: ['member'],
      grant: [],
    });
    const res = await app.postJson({ query: `query { exportMyData }` }, { token: tokens.access_token });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
