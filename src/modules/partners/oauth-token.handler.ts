/**
 * `POST /oauth/token`: the OAuth2 client-credentials grant (RFC 6749 §4.4).
 * Accepts form or JSON bodies and HTTP Basic client authentication; errors use
 * the RFC's JSON error bodies and never reveal whether a client id exists.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { mediaType, readBody, sendJson } from '../../platform/http/body.js';
import { Role } from '../../platform/auth/principal.js';
import type { TokenService } from '../../platform/auth/token-service.js';
import type { PartnerService } from './partner.service.js';

const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' };

function oauthError(res: ServerResponse, status: number, error: string, description: string, basic = false) {
  sendJson(
    res,
    status,
    { error, error_description: description },
    { ...NO_STORE, ...(basic && status === 401 ? { 'www-authenticate': 'Basic realm="coalition-hub"' } : {}) },
  );
}

function parseParams(body: string, type: string): Record<string, string> | null {
  if (type === 'application/x-www-form-urlencoded') return Object.fromEntries(new URLSearchParams(body));
  if (type === 'application/json') {
    try {
      const parsed: unknown = JSON.parse(body);
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
      return Object.fromEntries(Object.entries(parsed).filter(([, v]) => typeof v === 'string')) as Record<
        string,
        string
      >;
    } catch {
      return null;
    }
  }
  return null;
}

function basicCredentials(req: IncomingMessage): { id: string; secret: string } | undefined {
  const header = req.headers.authorization;
  if (!header?.startsWith('Basic ')) return undefined;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const at = decoded.indexOf(':');
  if (at < 0) return undefined;
  // A malformed %-escape is a failed client authentication (empty credentials → invalid_client), not a server error.
  const decode = (part: string) => {
    try {
      return decodeURIComponent(part);
    } catch {
      return '';
    }
  };
  return { id: decode(decoded.slice(0, at)), secret: decode(decoded.slice(at + 1)) };
}

export function createTokenHandler(partners: PartnerService, tokens: TokenService, bodyLimit: number) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'POST') return oauthError(res, 405, 'invalid_request', 'Use POST.');
    const params = parseParams(await readBody(req, Math.min(bodyLimit, 16_384)), mediaType(req));
    if (!params)
      return oauthError(res, 400, 'invalid_request', 'Send application/x-www-form-urlencoded or application/json.');
    if (params.grant_type !== 'client_credentials') {
      return oauthError(
        res,
        400,
        params.grant_type ? 'unsupported_grant_type' : 'invalid_request',
        'grant_type must be client_credentials.',
      );
    }
    const basic = basicCredentials(req);
    const clientId = basic?.id ?? params.client_id;
    const secret = basic?.secret ?? params.client_secret;
    if (!clientId || !secret) return oauthError(res, 401, 'invalid_client', 'Client authentication failed.', !!basic);
    const client = await partners.authenticateClient(clientId, secret);
    if (!client) return oauthError(res, 401, 'invalid_client', 'Client authentication failed.', !!basic);
    const requested = params.scope ? params.scope.split(' ').filter(Boolean) : client.scopes;
    if (requested.some((s) => !client.scopes.includes(s)))
      return oauthError(res, 400, 'invalid_scope', 'A requested scope is not granted to this client.');
    const { token, expiresIn } = await tokens.sign({
      role: Role.PARTNER,
      subject: `partner:${client.partnerId}`,
      partnerId: client.partnerId,
      clientId,
      scopes: requested,
    });
    sendJson(
      res,
      200,
      { access_token: token, token_type: 'Bearer', expires_in: expiresIn, scope: requested.join(' ') },
      NO_STORE,
    );
  };
}
