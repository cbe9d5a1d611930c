/**
 * The provider's interactions, served by the hub: `GET /oidc/interaction/<uid>` shows the sign-in form (or,
 * once signed in, the consent screen); `POST …/identify` sends a code, `POST …/verify` checks it and signs
 * the member in, `POST …/consent` grants the scopes the member ticked (or denies).
 *
 * CSRF: a random cookie (`hub_csrf`, SameSite=Strict, HttpOnly) and, in every form, a keyed hash of that cookie
 * and the interaction's uid; a POST must carry both and match, and an `Origin` header, when sent, must be the
 * hub's own. oidc-provider's own interaction cookie binds the interaction to this browser, and it renews the
 * session's id when the member signs in (no session fixation).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import type { Interaction } from 'oidc-provider';
import { MEMBER_APP_SCOPES, type MemberAppScope } from '../../platform/auth/principal.js';
import { BodyTooLargeError, mediaType, readBody } from '../../platform/http/body.js';
import type { Logger } from '../../platform/logger.js';
import { FIRST_PARTY_CLIENT_ID, HUB_API_RESOURCE, MEMBER_SELF_SCOPE } from './oidc.provider.js';
import { codePage, consentPage, identifyPage, messagePage } from './pages.js';
import { SignInError, type SignInService } from './sign-in.service.js';

const CSRF_COOKIE = 'hub_csrf';
const BODY_LIMIT = 4096;
const UID = /^[A-Za-z0-9_-]{10,64}$/;

interface Deps {
  provider: () => Provider;
  signIn: SignInService;
  csrfSecret: Buffer;
  /** `/oidc`: where the provider is mounted. */
  mountPath: string;
  issuerOrigin: string;
  secureCookies: boolean;
  log: Logger;
}

function send(res: ServerResponse, status: number, html: string) {
  res.statusCode = status;
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.setHeader('x-frame-options', 'DENY');
  res.setHeader('content-security-policy', "default-src 'none'; form-action 'self'; frame-ancestors 'none'");
  // Not no-referrer: under it a browser sends `Origin: null` with the page's own form posts, which the CSRF
  // check (a foreign Origin is refused) then refused; same-origin still sends nothing to other sites.
  res.setHeader('referrer-policy', 'same-origin');
  res.end(html);
}

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}

/** Form fields; repeated fields (the consent's scopes) as arrays. */
function parseForm(body: string): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  for (const [k, v] of new URLSearchParams(body)) fields.set(k, [...(fields.get(k) ?? []), v]);
  return fields;
}
const one = (form: Map<string, string[]>, name: string): string | undefined => {
  const values = form.get(name);
  return values?.length === 1 ? values[0] : undefined;
};

export function createInteractionHandler(deps: Deps) {
  const base = `${deps.mountPath}/interaction/`;

  const csrfFor = (secret: string, uid: string) =>
    createHmac('sha256', deps.csrfSecret).update(`${secret}:${uid}`).digest('base64url');

  /** The browser's CSRF secret, set now if it has none. */
  function csrfSecretOf(req: IncomingMessage, res: ServerResponse): string {
    const existing = cookie(req, CSRF_COOKIE);
    if (existing && /^[A-Za-z0-9_-]{43}$/.test(existing)) return existing;
    const fresh = randomBytes(32).toString('base64url');
    res.setHeader(
      'set-cookie',
      `${CSRF_COOKIE}=${fresh}; Path=${base}; HttpOnly; SameSite=Strict${deps.secureCookies ? '; Secure' : ''}`,
    );
    return fresh;
  }

  function csrfValid(req: IncomingMessage, form: Map<string, string[]>, uid: string): boolean {
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== deps.issuerOrigin) return false;
    const secret = cookie(req, CSRF_COOKIE);
    const given = one(form, 'csrf');
    if (!secret || !given) return false;
    const expected = Buffer.from(csrfFor(secret, uid));
    const got = Buffer.from(given);
    return expected.length === got.length && timingSafeEqual(expected, got);
  }

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? '/').split('?')[0]!;
    const [uid, action, ...rest] = path.slice(base.length).split('/');
    if (
      !uid ||
      !UID.test(uid) ||
      rest.length ||
      (action !== undefined && !['identify', 'verify', 'consent'].includes(action))
    )
      return send(res, 404, messagePage('Not found', 'There is no such page.'));
    if ((action === undefined) !== (req.method === 'GET'))
      return send(res, 405, messagePage('Not allowed', 'This page does not accept that method.'));

    const provider = deps.provider();
    let details: Interaction;
    try {
      details = await provider.interactionDetails(req, res);
    } catch {
      return send(
        res,
        400,
        messagePage(
          'Sign-in expired',
          'This sign-in has expired or belongs to another browser. Start again from the app.',
        ),
      );
    }
    if (details.uid !== uid)
      return send(
        res,
        400,
        messagePage('Sign-in expired', 'This sign-in belongs to another browser. Start again from the app.'),
      );
    const csrf = csrfFor(csrfSecretOf(req, res), uid);
    const here = `${base}${uid}`;
    const prompt = details.prompt.name;

    if (req.method === 'GET') {
      if (prompt === 'login') return send(res, 200, identifyPage(`${here}/identify`, csrf));
      if (prompt === 'consent') return consentScreen();
      return send(res, 400, messagePage('Sign-in error', 'This sign-in cannot continue here.'));
    }

    let form: Map<string, string[]>;
    try {
      if (mediaType(req) !== 'application/x-www-form-urlencoded')
        return send(res, 415, messagePage('Bad request', 'Send the form as application/x-www-form-urlencoded.'));
      form = parseForm(await readBody(req, BODY_LIMIT));
    } catch (error) {
      if (error instanceof BodyTooLargeError)
        return send(res, 413, messagePage('Bad request', 'The form is too large.'));
      throw error;
    }
    if (!csrfValid(req, form, uid))
      return send(res, 403, messagePage('Forbidden', 'This form was not sent from the hub. Start again from the app.'));

    if (action === 'identify' || action === 'verify') {
      if (prompt !== 'login') return send(res, 400, messagePage('Sign-in error', 'You are already signed in.'));
      try {
        if (action === 'identify') {
          await deps.signIn.start(uid, one(form, 'identifier'));
          return send(res, 200, codePage(`${here}/verify`, csrf));
        }
        const memberId = await deps.signIn.verify(uid, one(form, 'code'));
        return provider.interactionFinished(
          req,
          res,
          { login: { accountId: memberId } },
          { mergeWithLastSubmission: false },
        );
      } catch (error) {
        if (!(error instanceof SignInError)) throw error;
        switch (error.reason) {
          case 'invalid_identifier':
            return send(res, 400, identifyPage(`${here}/identify`, csrf, 'Enter an e-mail address or a phone number.'));
          case 'rate_limited':
            res.setHeader('retry-after', '900');
            return send(
              res,
              429,
              identifyPage(`${here}/identify`, csrf, 'Too many codes were asked for. Try again later.'),
            );
          case 'invalid_code':
            return send(res, 400, codePage(`${here}/verify`, csrf, 'The code is 6 digits.'));
          case 'wrong_code':
            return send(res, 400, codePage(`${here}/verify`, csrf, 'That code is not right.'));
          case 'expired':
            return send(
              res,
              400,
              identifyPage(`${here}/identify`, csrf, 'The code has expired or was tried too often. Ask for a new one.'),
            );
        }
      }
    }

    // consent
    if (prompt !== 'consent' || !details.session?.accountId)
      return send(res, 400, messagePage('Sign-in error', 'There is nothing to allow here.'));
    if (details.params.client_id === FIRST_PARTY_CLIENT_ID)
      return send(res, 400, messagePage('Sign-in error', 'There is nothing to allow here.'));
    const decision = one(form, 'decision');
    if (decision === 'deny')
      return provider.interactionFinished(
        req,
        res,
        { error: 'access_denied', error_description: 'The member did not allow this app.' },
        { mergeWithLastSubmission: false },
      );
    if (decision !== 'allow') return send(res, 400, messagePage('Bad request', 'Allow or deny.'));
    const requested = requestedScopes();
    const chosen = (form.get('scope') ?? []).filter((s): s is MemberAppScope =>
      requested.includes(s as MemberAppScope),
    );
    if ((form.get('scope') ?? []).length > MEMBER_APP_SCOPES.length)
      return send(res, 400, messagePage('Bad request', 'Too many scopes.'));
    return finishConsent(chosen);

    function requestedScopes(): MemberAppScope[] {
      const missing = (details.prompt.details.missingResourceScopes ?? {}) as Record<string, string[]>;
      return (missing[HUB_API_RESOURCE] ?? []).filter((s): s is MemberAppScope =>
        (MEMBER_APP_SCOPES as readonly string[]).includes(s),
      );
    }

    async function finishConsent(scopes: readonly string[], selfScope = false) {
      const grant = details.grantId
        ? await provider.Grant.find(details.grantId)
        : new provider.Grant({ accountId: details.session!.accountId, clientId: details.params.client_id as string });
      if (!grant)
        return send(res, 400, messagePage('Sign-in error', 'This sign-in has expired. Start again from the app.'));
      const missingOidc = (details.prompt.details.missingOIDCScope ?? []) as string[];
      if (missingOidc.length) grant.addOIDCScope(missingOidc.join(' '));
      const granted = selfScope ? [MEMBER_SELF_SCOPE] : scopes;
      if (granted.length) grant.addResourceScope(HUB_API_RESOURCE, granted.join(' '));
      // What the member left unticked is recorded as refused, so the provider does not ask again.
      const refused = selfScope ? [] : requestedScopes().filter((s) => !scopes.includes(s));
      if (refused.length) grant.rejectResourceScope(HUB_API_RESOURCE, refused.join(' '));
      const grantId = await grant.save();
      return provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    }

    async function consentScreen() {
      // The hub's own client: the member is at the hub; there is nothing to ask.
      if (details.params.client_id === FIRST_PARTY_CLIENT_ID) return finishConsent([], true);
      const client = await provider.Client.find(details.params.client_id as string);
      const name = (client?.metadata().client_name as string | undefined) ?? 'This app';
      return send(res, 200, consentPage(`${here}/consent`, csrf, name, requestedScopes()));
    }
  };
}
