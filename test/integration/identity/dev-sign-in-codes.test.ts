/**
 * Where a sign-in code can be read without an SMTP server: in development, at /dev/sign-in-codes (for a person
 * on a laptop and, later, the console); in tests, from `hub.identity.sink`; in production nowhere (codes go
 * out by SMTP only, and the path does not exist).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberHelpers } from '../../support/members.js';
import { CookieJar, csrfOf, oidcHelpers } from '../../support/oidc.js';
import { initTestApp, type TestApp } from '../../support/test-app.js';
import { loadConfig } from '../../../src/config.js';

let dev: TestApp;
let test: TestApp;
let prod: TestApp;
beforeAll(async () => {
  const signIn = loadConfig({ NODE_ENV: 'test' }).signIn;
  [dev, test, prod] = await Promise.all([
    initTestApp({ config: { env: 'development' } }),
    initTestApp(),
    initTestApp({ config: { env: 'production', signIn: { ...signIn, smtpUrl: 'smtp://127.0.0.1:9' } } }),
  ]);
});
afterAll(() => Promise.all([dev?.close(), test?.close(), prod?.close()]));

const codes = (app: TestApp, to: string) => fetch(`${app.url}/dev/sign-in-codes?to=${encodeURIComponent(to)}`);

describe('/dev/sign-in-codes', () => {
  it('answers the newest code in development', async () => {
    const partner = await dev.createPartner();
    const address = `dev-${process.pid}@example.com`;
    await memberHelpers(dev).enroll(partner, { email: address, emailVerified: true });
    const oidc = oidcHelpers(dev);
    const { clientId } = await oidc.registerApp(partner, ['https://app.example/cb']);
    expect((await codes(dev, address)).status).toBe(404);
    // Start a sign-in by hand up to the code page.
    const url = oidc.authorizeUrl({
      client_id: clientId,
      redirect_uri: 'https://app.example/cb',
      response_type: 'code',
      scope: 'openid',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
    });
    const jar = new CookieJar();
    const page = await oidc.follow(await oidc.get(url, jar), jar);
    await oidc.post(`${oidc.interactionPath(page)}/identify`, { csrf: csrfOf(page.body), identifier: address }, jar);
    const res = await codes(dev, address.toUpperCase());
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ code: dev.hub.identity.sink!.lastCodeFor(address) });
  });

  it('does not exist in test or production', async () => {
    for (const app of [test, prod]) expect((await codes(app, 'a@example.com')).status).toBe(404);
    expect(prod.hub.identity.sink).toBeUndefined();
  });
});
