/**
 * Drives the hub's OpenID Connect sign-in over plain HTTP, as a browser would: a small cookie jar, redirects
 * followed by hand, the sign-in code read from the hub's in-memory sink (tests never see an SMTP server).
 *
 *   const flow = oidcHelpers(app);
 *   const client = await flow.registerApp(partner, ['https://app.example/cb']);
 *   const tokens = await flow.signIn({ clientId: client.clientId, redirectUri, identifier: email, grant: ['balances:read'] });
 */
import { createHash, randomBytes } from 'node:crypto';
import type { TestApp, TestPartner } from './test-app.js';

export class CookieJar {
  readonly cookies = new Map<string, string>();

  store(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at).trim();
      const value = pair!.slice(at + 1).trim();
      const expired = attrs.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a) || /^\s*max-age=0\b/i.test(a));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  clone(): CookieJar {
    const jar = new CookieJar();
    for (const [k, v] of this.cookies) jar.cookies.set(k, v);
    return jar;
  }
}

export interface Pkce {
  verifier: string;
  challenge: string;
}

export const newPkce = (): Pkce => {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
};

export interface HtmlResponse {
  status: number;
  location: string | null;
  body: string;
  headers: Headers;
}

export const csrfOf = (html: string): string => /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

export interface TokenSet {
  access_token?: string;
  refresh_token?: string;
  id_token?: string;
  expires_in?: number;
  scope?: string;
  token_type?: string;
  error?: string;
  error_description?: string;
}

export function oidcHelpers(app: TestApp) {
  const issuer = () => app.hub.identity.issuer;
  const absolute = (location: string) => new URL(location, app.url).href;

  async function get(url: string, jar: CookieJar): Promise<HtmlResponse> {
    const res = await fetch(absolute(url), { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.store(res);
    return { status: res.status, location: res.headers.get('location'), body: await res.text(), headers: res.headers };
  }

  async function post(
    url: string,
    form: Record<string, string | string[]>,
    jar: CookieJar,
    headers: Record<string, string> = {},
  ): Promise<HtmlResponse> {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
    const res = await fetch(absolute(url), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header(), ...headers },
      body: body.toString(),
    });
    jar.store(res);
    return { status: res.status, location: res.headers.get('location'), body: await res.text(), headers: res.headers };
  }

  /**
   * Follows redirects within the hub, and the provider's self-submitting forms (a browser runs their script;
   * e.g. ending the previous account's session when another signs in); stops at a page, or at a redirect that
   * leaves the hub (the app's callback).
   */
  async function follow(first: HtmlResponse, jar: CookieJar): Promise<HtmlResponse> {
    let res = first;
    for (let hops = 0; hops < 10; hops++) {
      if (res.location) {
        const next = absolute(res.location);
        if (!next.startsWith(app.url)) return res;
        res = await get(next, jar);
      } else if (res.status === 200 && res.body.includes('document.forms[0].submit()')) {
        const action = /<form method="post" action="([^"]+)"/.exec(res.body)![1]!;
        const fields = Object.fromEntries(
          [...res.body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/>/g)].map((m) => [m[1]!, m[2]!]),
        );
        res = await post(action, fields, jar);
      } else return res;
    }
    return res;
  }

  function authorizeUrl(params: Record<string, string | undefined>): string {
    const url = new URL(`${issuer()}/auth`);
    for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
    return url.href;
  }

  interface SignInOptions {
    clientId: string;
    redirectUri: string;
    identifier: string;
    /** Scopes the app asks for (besides openid). */
    scope?: string[];
    /** Scopes the member ticks on the consent screen (default: all asked). */
    grant?: string[];
    pkce?: Pkce;
    jar?: CookieJar;
    prompt?: string;
  }

  /**
   * From the authorization request through the code: the page (or redirect) the hub answers after the member
   * entered the right code (the consent screen for a partner app the member has not allowed yet).
   */
  async function signInUntilConsent(o: SignInOptions): Promise<{ res: HtmlResponse; jar: CookieJar; pkce: Pkce }> {
    const jar = o.jar ?? new CookieJar();
    const pkce = o.pkce ?? newPkce();
    let res = await follow(
      await get(
        authorizeUrl({
          client_id: o.clientId,
          redirect_uri: o.redirectUri,
          response_type: 'code',
          scope: ['openid', ...(o.scope ?? [])].join(' '),
          code_challenge: pkce.challenge,
          code_challenge_method: 'S256',
          state: randomBytes(8).toString('hex'),
          prompt: o.prompt,
        }),
        jar,
      ),
      jar,
    );
    if (res.status !== 200 || !res.body.includes('name="identifier"'))
      throw new Error(`expected the sign-in page, got ${res.status} ${res.location ?? ''} ${res.body.slice(0, 300)}`);
    const page = interactionPath(res);
    res = await post(`${page}/identify`, { csrf: csrfOf(res.body), identifier: o.identifier }, jar);
    const code = app.hub.identity.sink!.lastCodeFor(o.identifier.trim().toLowerCase());
    if (!code) throw new Error(`no code was sent to ${o.identifier}`);
    res = await follow(await post(`${page}/verify`, { csrf: csrfOf(res.body), code }, jar), jar);
    return { res, jar, pkce };
  }

  /** The code the hub redirected to the app with. */
  function codeFrom(res: HtmlResponse, redirectUri: string): string {
    const back = res.location ? new URL(absolute(res.location)) : undefined;
    const got = back?.searchParams.get('code');
    if (!back || !got || !back.href.startsWith(redirectUri))
      throw new Error(
        `expected a redirect to the app with a code, got ${res.status} ${res.location} ${res.body.slice(0, 3000)}`,
      );
    return got;
  }

  /** From the authorization request to the redirect back to the app with a code. */
  async function authorize(o: SignInOptions): Promise<{ code: string; jar: CookieJar; pkce: Pkce }> {
    const started = await signInUntilConsent(o);
    const { jar, pkce } = started;
    let res = started.res;
    if (res.status === 200 && res.body.includes('name="decision"')) {
      res = await follow(
        await post(
          `${interactionPath(res)}/consent`,
          { csrf: csrfOf(res.body), decision: 'allow', scope: o.grant ?? o.scope ?? [] },
          jar,
        ),
        jar,
      );
    }
    return { code: codeFrom(res, o.redirectUri), jar, pkce };
  }

  /** The interaction page's path, read from the form on it. */
  function interactionPath(res: HtmlResponse): string {
    const action = /action="([^"]+)"/.exec(res.body)?.[1];
    if (!action) throw new Error('no form on the page');
    return action.replace(/\/(identify|verify|consent)$/, '');
  }

  async function token(params: Record<string, string>): Promise<{ status: number; body: TokenSet }> {
    const res = await fetch(`${issuer()}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(params).toString(),
    });
    return { status: res.status, body: (await res.json()) as TokenSet };
  }

  async function signIn(o: SignInOptions): Promise<TokenSet & { jar: CookieJar }> {
    const { code, pkce, jar } = await authorize(o);
    const res = await token({
      grant_type: 'authorization_code',
      code,
      redirect_uri: o.redirectUri,
      client_id: o.clientId,
      code_verifier: pkce.verifier,
    });
    if (res.status !== 200) throw new Error(`token endpoint: ${res.status} ${JSON.stringify(res.body)}`);
    return { ...res.body, jar };
  }

  async function registerApp(partner: TestPartner, redirectUris: string[], name = 'Test app') {
    const res = await app.postJson<{
      registerMemberApp: { clientId: string; partnerId: string; redirectUris: string[] };
    }>(
      {
        query: `mutation($input: RegisterMemberAppInput!) { registerMemberApp(input: $input) { clientId partnerId name redirectUris } }`,
        variables: { input: { name, redirectUris } },
      },
      { token: partner.token },
    );
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!.registerMemberApp;
  }

  return {
    issuer,
    get,
    post,
    follow,
    authorizeUrl,
    signInUntilConsent,
    interactionPath,
    codeFrom,
    authorize,
    token,
    signIn,
    registerApp,
  };
}
