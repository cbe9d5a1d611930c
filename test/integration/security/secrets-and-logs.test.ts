/**
 * Secrets and personal data: client secrets are stored only as slow salted
 * hashes; access tokens are short-lived; signing keys rotate without downtime
 * (old tokens keep working until they expire, new ones carry the new key's
 * kid, a hub that dropped the old key refuses its tokens); and the logs of a
 * realistic flow hold no secret, no token and no personal data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt, decodeProtectedHeader, type JWK } from 'jose';
import { startHub, type Hub } from '../../../src/app.js';
import { generatePrivateJwk } from '../../../src/platform/auth/key-store.js';
import { verifySecret } from '../../../src/platform/auth/secret-hash.js';
import { forgeToken, secondsFromNow } from '../../support/forge-token.js';
import { newKey } from '../../support/ledger.js';
import { EnrollMember } from '../../support/operations.js';
import { initTestApp, type TestApp, type TestPartner } from '../../support/test-app.js';

let app: TestApp;
let partner: TestPartner;
beforeAll(async () => {
  app = await initTestApp();
  partner = await app.createPartner();
});
afterAll(() => app?.close());

const codeOf = (res: { errors?: { extensions?: { code?: string } }[] }) => res.errors?.[0]?.extensions?.code;
const VIEWER = `query { viewer { role partner { id } } }`;

describe('client secrets', () => {
  it('are stored only as scrypt hashes (salted, N ≥ 2^14), never the secret, and verify', async () => {
    const second = await app.createPartner();
    const rows = await app.hub.db.sql.query<Record<string, unknown>>(
      `select * from partner_credential where client_id in ($1, $2)`,
      [partner.clientId, second.clientId],
    );
    expect(rows).toHaveLength(2);
    const hashes: string[] = [];
    for (const row of rows) {
      const dump = JSON.stringify(row);
      expect(dump).not.toContain(partner.clientSecret);
      expect(dump).not.toContain(second.clientSecret);
      const hash = row.secret_hash as string;
      const [scheme, n, r, p, salt, key] = hash.split('$');
      expect(scheme).toBe('scrypt');
      expect(Number(n)).toBeGreaterThanOrEqual(16384);
      expect(Number(r)).toBeGreaterThanOrEqual(8);
      expect(Number(p)).toBeGreaterThanOrEqual(1);
      expect(Buffer.from(salt!, 'base64url').length).toBeGreaterThanOrEqual(16);
      expect(Buffer.from(key!, 'base64url').length).toBeGreaterThanOrEqual(32);
      hashes.push(hash);
    }
    const own = rows.find((r) => r.client_id === partner.clientId)!.secret_hash as string;
    expect(await verifySecret(partner.clientSecret, own)).toBe(true);
    expect(await verifySecret(second.clientSecret, own)).toBe(false);
    // Salted: even the same secret would hash differently; here, no two stored hashes share a salt.
    expect(new Set(hashes.map((h) => h.split('$')[4])).size).toBe(2);
    // No other table holds the secret either.
    const tables = await app.hub.db.sql.query<{ table_name: string }>(
      `select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`,
    );
    for (const { table_name } of tables) {
      const [hit] = await app.hub.db.sql.query<{ n: number }>(
        `select count(*)::int as n from "${table_name}" t where t::text like $1`,
        [`%${partner.clientSecret}%`],
      );
      expect(hit!.n, table_name).toBe(0);
    }
  });
});

describe('token lifetimes', () => {
  it('partner, member, operator and finance tokens expire within minutes (config TTL ≤ 15 min), with iat/nbf/exp', async () => {
    const grant = await app.requestToken({
      grant_type: 'client_credentials',
      client_id: partner.clientId,
      client_secret: partner.clientSecret,
    });
    expect(grant.body.expires_in).toBe(app.config.accessTokenTtlSeconds);
    expect(app.config.accessTokenTtlSeconds).toBeLessThanOrEqual(900);
    const memberId = (await app.gqlOk(EnrollMember, { input: { customerId: newKey('ttl') } }, partner.token))
      .enrollMember.id;
    const issued = await app.postJson<{ issueMemberToken: { accessToken: string; expiresIn: number } }>(
      {
        query: `mutation($id: ID!) { issueMemberToken(member: { memberId: $id }) { accessToken expiresIn } }`,
        variables: { id: memberId },
      },
      { token: partner.token },
    );
    expect(issued.data!.issueMemberToken.expiresIn).toBeLessThanOrEqual(900);
    for (const token of [
      grant.body.access_token!,
      issued.data!.issueMemberToken.accessToken,
      await app.operatorToken(),
      await app.financeToken(),
    ]) {
      const claims = decodeJwt(token);
      expect(claims.exp! - claims.iat!).toBeGreaterThan(0);
      expect(claims.exp! - claims.iat!).toBeLessThanOrEqual(900);
      expect(claims.nbf).toBeDefined();
      expect(Math.abs(claims.iat! - Date.now() / 1000)).toBeLessThan(120);
    }
  });
});

describe('signing key rotation without downtime', () => {
  const hubs: Hub[] = [];
  afterAll(async () => {
    for (const h of hubs) await h.close();
  });
  const start = async (keys: JWK[]) => {
    const hub = await startHub({ ...app.config, signingKeys: JSON.stringify(keys) }, { logSink: () => {} });
    hubs.push(hub);
    return hub;
  };
  const gqlAt = async (hub: Hub, token: string) => {
    const res = await fetch(`${hub.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: VIEWER }),
    });
    return (await res.json()) as {
      data?: { viewer?: { role: string } };
      errors?: { extensions?: { code?: string } }[];
    };
  };
  const grantAt = async (hub: Hub) => {
    const res = await fetch(`${hub.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: partner.clientId,
        client_secret: partner.clientSecret,
      }).toString(),
    });
    return ((await res.json()) as { access_token: string }).access_token;
  };

  it('[k1] → [k2, k1] on the same database: k1 tokens still work, new ones are signed by k2; JWKS publishes both; a hub with only [k2] refuses k1 tokens', async () => {
    const k1 = app.signingKey;
    const k2 = await generatePrivateJwk();
    // Tokens from the running hub (key set [k1]).
    const oldPartner = partner.token;
    const oldOperator = await app.operatorToken();
    expect(decodeProtectedHeader(oldPartner).kid).toBe(k1.kid);

    // The rolled hub on the same database: the new key first, the old one kept.
    const rolled = await start([k2, k1]);
    expect((await gqlAt(rolled, oldPartner)).data?.viewer?.role).toBe('PARTNER');
    expect((await gqlAt(rolled, oldOperator)).data?.viewer?.role).toBe('OPERATOR');
    const fresh = await grantAt(rolled);
    expect(decodeProtectedHeader(fresh).kid).toBe(k2.kid);
    expect((await gqlAt(rolled, fresh)).data?.viewer?.role).toBe('PARTNER');
    const jwks = (await (await fetch(`${rolled.url}/.well-known/jwks.json`)).json()) as { keys: JWK[] };
    expect(jwks.keys.map((k) => k.kid)).toEqual([k2.kid, k1.kid]);
    expect(jwks.keys.every((k) => k.d === undefined)).toBe(true);
    // The old hub still serves its own tokens while the roll is in progress (no downtime).
    expect((await gqlAt(app.hub, oldPartner)).data?.viewer?.role).toBe('PARTNER');

    // Old tokens stay valid only until they expire.
    const expiredK1 = await forgeToken({
      key: k1,
      issuer: app.config.issuer,
      audience: app.config.audience,
      claims: { iat: secondsFromNow(-1000), nbf: secondsFromNow(-1000), exp: secondsFromNow(-200) },
    });
    expect(codeOf(await gqlAt(rolled, expiredK1))).toBe('UNAUTHENTICATED');

    // Once k1 is dropped, its tokens are refused; k2's keep working.
    const k2Only = await start([k2]);
    expect(codeOf(await gqlAt(k2Only, oldPartner))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gqlAt(k2Only, oldOperator))).toBe('UNAUTHENTICATED');
    expect((await gqlAt(k2Only, fresh)).data?.viewer?.role).toBe('PARTNER');
  });
});

describe('logs', () => {
  it('a realistic flow logs no client secret, no access token and no personal data', async () => {
    const p = await app.createPartner();
    const person = {
      displayName: 'Ratna Kusumawati-Logscan',
      email: `ratna.logscan.${newKey('e')}@example.org`,
      phone: '+6281399887766',
      birthDate: '1977-07-17',
    };
    const grants = [
      await app.requestToken({
        grant_type: 'client_credentials',
        client_id: p.clientId,
        client_secret: p.clientSecret,
      }),
      await app.requestToken(
        { grant_type: 'client_credentials' },
        { basic: { id: p.clientId, secret: p.clientSecret } },
      ),
      await app.requestToken(
        {
          grant_type: 'client_credentials',
          client_id: p.clientId,
          client_secret: p.clientSecret,
          scope: 'members:read',
        },
        { as: 'json' },
      ),
    ];
    // Failures that carry secrets and personal data in the request.
    await app.requestToken({
      grant_type: 'client_credentials',
      client_id: p.clientId,
      client_secret: `${p.clientSecret}-wrong`,
    });
    await app.requestToken({ grant_type: 'password', username: person.email, password: p.clientSecret });
    const token = grants[0]!.body.access_token!;
    const enroll = `mutation($input: EnrollMemberInput!) { enrollMember(input: $input) { id profile { email } } }`;
    const member = await app.postJson<{ enrollMember: { id: string } }>(
      {
        query: enroll,
        variables: { input: { customerId: newKey('log'), ...person, emailVerified: true, phoneVerified: true } },
      },
      { token },
    );
    const memberId = member.data!.enrollMember.id;
    await app.postJson(
      {
        query: `mutation($input: EarnPointsInput!) { earnPoints(input: $input) { transfer { id } } }`,
        variables: { input: { member: { memberId }, amount: '250', idempotencyKey: newKey('log') } },
      },
      { token },
    );
    const issued = await app.postJson<{ issueMemberToken: { accessToken: string } }>(
      {
        query: `mutation($id: ID!) { issueMemberToken(member: { memberId: $id }) { accessToken } }`,
        variables: { id: memberId },
      },
      { token },
    );
    // The partner-minted token reads; the member signed in at the hub changes its profile.
    const delegatedToken = issued.data!.issueMemberToken.accessToken;
    await app.postJson(
      { query: `query { me { profile { displayName email phone birthDate } } }` },
      { token: delegatedToken },
    );
    const memberToken = await app.memberSessionToken(memberId);
    await app.postJson(
      { query: `query { me { profile { displayName email phone birthDate } } exportMyData }` },
      { token: memberToken },
    );
    await app.postJson(
      {
        query: `mutation($input: UpdateProfileInput!) { updateMyProfile(input: $input) { email } }`,
        variables: { input: { phone: person.phone, email: person.email } },
      },
      { token: memberToken },
    );
    // Errors of every kind, with the personal data in the request.
    const errors = [
      await app.postJson(
        {
          query: enroll,
          variables: {
            input: {
              customerId: newKey('log'),
              email: `not-an-email ${person.email}`,
              displayName: person.displayName,
            },
          },
        },
        { token },
      ),
      await app.postJson(
        {
          query: enroll,
          variables: {
            input: { customerId: newKey('log'), birthDate: `${person.birthDate}x`, phone: `${person.phone}abc` },
          },
        },
        { token },
      ),
      await app.postJson({ query: `query { member(ref: { customerId: "${person.email}" }) { id } }` }, { token }),
      await app.postJson({ query: `query { nope(arg: "${person.displayName}") }` }, { token }),
      await app.postJson({ query: `{ viewer { role } }` }, { token: `${token}x` }),
      await app.postJson({ query: `{ viewer { role } }` }, { token: memberToken.split('.').reverse().join('.') }),
      await app.postJson(
        { query: enroll, variables: { input: { customerId: newKey('log'), email: person.email } } },
        { headers: { authorization: `Basic ${Buffer.from(`${p.clientId}:${p.clientSecret}`).toString('base64')}` } },
      ),
    ];
    expect(errors.every((e) => e.errors?.length)).toBe(true);
    // A webhook endpoint's signing secrets (issue 19): made, rotated; shown once each, never logged or audited.
    const hook = await app.postJson<{ createWebhookEndpoint: { secret: string; endpoint: { id: string } } }>(
      {
        query: `mutation { createWebhookEndpoint(input: { url: "https://hooks.example/logscan" }) { secret endpoint { id } } }`,
      },
      { token },
    );
    const rotated = await app.postJson<{ rotateWebhookSecret: { secret: string } }>(
      {
        query: `mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret } }`,
        variables: { id: hook.data!.createWebhookEndpoint.endpoint.id },
      },
      { token },
    );
    await app.hub.services.webhooks.dispatcher.fanOut();
    // Voucher codes are secrets too: uploaded, refused as duplicates, handed out to the member, read back.
    const voucherCode = `LOGSCAN-${newKey('vc').replace(/[^A-Za-z0-9-]/g, '-')}`;
    const dupeCode = `LOGSCAN-DUPE-${newKey('vd').replace(/[^A-Za-z0-9-]/g, '-')}`;
    const reward = await app.postJson<{ createReward: { id: string } }>(
      {
        query: `mutation($i: CreateRewardInput!) { createReward(input: $i) { id } }`,
        variables: { i: { kind: 'VOUCHER', title: 'Log scan voucher', price: '10' } },
      },
      { token },
    );
    const rewardId = reward.data!.createReward.id;
    const upload = `mutation($i: UploadRewardCodesInput!) { uploadRewardCodes(input: $i) { count } }`;
    await app.postJson({ query: upload, variables: { i: { rewardId, codes: [voucherCode] } } }, { token });
    const refused = await app.postJson(
      { query: upload, variables: { i: { rewardId, codes: [dupeCode, dupeCode, voucherCode] } } },
      { token },
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('DUPLICATE_REWARD_CODE');
    await fetch(`${app.url}/rewards/codes?rewardId=${rewardId}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' },
      body: `${dupeCode}\n${voucherCode}\n`,
    });
    await app.postJson(
      { query: `mutation($id: ID!) { publishReward(id: $id) { id } }`, variables: { id: rewardId } },
      { token },
    );
    const redeemed = await app.postJson<{ redeemReward: { redemption: { code: string } } }>(
      {
        query: `mutation($i: RedeemRewardInput!) { redeemReward(input: $i) { redemption { code } } }`,
        variables: { i: { rewardId, idempotencyKey: newKey('log') } },
      },
      { token: memberToken },
    );
    expect(redeemed.data?.redeemReward.redemption.code).toBe(voucherCode);
    await app.postJson({ query: `query { myRewardRedemptions { nodes { code } } }` }, { token: memberToken });
    await fetch(
      `${app.url}/graphql?query=${encodeURIComponent(`{ member(ref: { customerId: "${person.email}" }) { id } }`)}&token=${token}`,
      { headers: { authorization: `Bearer ${token}` } },
    );

    const logs = app.logs.join('\n');
    expect(app.logs.length).toBeGreaterThan(15); // the flow was logged (one line per request)
    expect(logs).toContain('"path":"/graphql"');
    const secrets: Record<string, string> = {
      clientSecret: p.clientSecret,
      otherSecret: partner.clientSecret,
      webhookSecret: hook.data!.createWebhookEndpoint.secret,
      rotatedWebhookSecret: rotated.data!.rotateWebhookSecret.secret,
      partnerToken: token,
      ...Object.fromEntries(grants.map((g, i) => [`grant${i}`, g.body.access_token!])),
      memberToken,
      delegatedToken,
      // A JWT's signature alone is enough to recognise one.
      tokenSignature: token.split('.')[2]!,
      memberTokenSignature: memberToken.split('.')[2]!,
      email: person.email,
      emailLocalPart: person.email.split('@')[0]!,
      phone: person.phone,
      phoneDigits: person.phone.slice(1),
      name: person.displayName,
      surname: 'Kusumawati',
      birthDate: person.birthDate,
      voucherCode,
      dupeCode,
    };
    const found = Object.entries(secrets)
      .filter(([, v]) => logs.includes(v))
      .map(([k]) => k);
    expect(found).toEqual([]);

    // The metrics after the same flow hold none of it either, nor any id: their labels are bounded.
    const scraped = await (
      await fetch(`${app.url}/metrics`, { headers: { authorization: `Bearer ${await app.operatorToken()}` } })
    ).text();
    expect(scraped).toContain('hub_graphql_operation_duration_seconds_count');
    const inMetrics = Object.entries({ ...secrets, memberId, partnerId: p.id, clientId: p.clientId, code: p.code })
      .filter(([, v]) => scraped.includes(v))
      .map(([k]) => k);
    expect(inMetrics).toEqual([]);

    // Nor does the audit trail (createPartner and createPartnerCredentials were recorded for this partner).
    const [{ trail }] = await app.hub.db.sql.query<{ trail: string }>(
      `select coalesce(string_agg(t::text, ' '), '') as trail from audit_record t where partner_id = $1`,
      [p.id],
    );
    expect(trail).toContain(p.clientId);
    const inTrail = Object.entries(secrets)
      .filter(([, v]) => trail.includes(v))
      .map(([k]) => k);
    expect(inTrail).toEqual([]);
  });
});
