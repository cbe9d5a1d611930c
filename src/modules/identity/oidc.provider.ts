/**
 * The hub as an OpenID Connect provider (oidc-provider): authorization code with PKCE (always), exact
 * redirect URIs, access tokens as JWTs for the hub API (resource indicators; audience = HUB_AUDIENCE, signed
 * with the hub's own keys, so the hub's TokenService verifies them), refresh tokens rotated on every use (a
 * reused one revokes the whole grant), revocation. The sign-in and consent pages are the hub's own
 * (interaction.handler.ts); nothing of oidc-provider's development interactions is on.
 *
 * Tokens of the hub's first-party client act for the member signed in at the hub (MemberAccess.SELF); tokens
 * of a partner app carry only the scopes the member granted it (MemberAccess.APP) and its partner.
 */
import { createHmac } from 'node:crypto';
import Provider, { errors, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import type { JWK } from 'jose';
import { MEMBER_APP_SCOPES, MemberAccess, Role } from '../../platform/auth/principal.js';
import type { Sql } from '../../platform/db/sql.js';
import type { Clock } from '../../platform/clock.js';
import type { AppClientService } from './app-client.service.js';
import { createAdapterClass } from './oidc.adapter.js';

/** The hub API as a resource indicator (RFC 8707: an absolute URI). Access tokens for it carry HUB_AUDIENCE. */
export const HUB_API_RESOURCE = 'urn:coalition-hub:api';
/** The hub's own first-party client (the console): its tokens are the member's own. */
export const FIRST_PARTY_CLIENT_ID = 'hub-console';
/** The scope of a first-party token: the member, signed in at the hub. */
export const MEMBER_SELF_SCOPE = 'member';

export interface ProviderSettings {
  issuer: string;
  audience: string;
  privateJwks: JWK[];
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  consoleRedirectUris: string[];
  /** Whether a member may still sign in (exists, not erased, not merged away). */
  memberActive: (memberId: string) => Promise<boolean>;
}

/** A secret derived from the hub's current signing key, so every process that shares the keys agrees on it. */
export function derivedSecret(privateJwk: JWK, purpose: string): Buffer {
  return createHmac('sha256', Buffer.from(privateJwk.d!, 'base64url')).update(`coalition-hub:${purpose}`).digest();
}

const isFirstParty = (clientId: string | undefined) => clientId === FIRST_PARTY_CLIENT_ID;

export function createProvider(
  settings: ProviderSettings,
  sql: Sql,
  clock: Clock,
  clients: AppClientService,
): Provider {
  const mountPath = new URL(settings.issuer).pathname.replace(/\/$/, '');
  const configuration: Configuration = {
    adapter: createAdapterClass(sql, clock, clients),
    clients: settings.consoleRedirectUris.length
      ? [
          {
            client_id: FIRST_PARTY_CLIENT_ID,
            client_name: 'Coalition hub',
            redirect_uris: settings.consoleRedirectUris,
            grant_types: ['authorization_code', 'refresh_token'],
            response_types: ['code'],
            token_endpoint_auth_method: 'none',
          },
        ]
      : [],
    clientDefaults: {
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
      id_token_signed_response_alg: 'ES256',
    },
    extraClientMetadata: { properties: ['partner_id'] },
    jwks: { keys: settings.privateJwks as never },
    cookies: {
      keys: [derivedSecret(settings.privateJwks[0]!, 'oidc-cookies').toString('base64url')],
      long: { httpOnly: true, sameSite: 'lax' },
      short: { httpOnly: true, sameSite: 'lax' },
    },
    findAccount: async (_ctx, id) =>
      (await settings.memberActive(id)) ? { accountId: id, claims: () => ({ sub: id }) } : undefined,
    interactions: { url: (_ctx, interaction) => `${mountPath}/interaction/${interaction.uid}` },
    // The authorization code flow only: no implicit or hybrid response types, advertised or accepted.
    responseTypes: ['code'],
    pkce: { required: () => true },
    // Browser apps (public clients) may call the token endpoint from the origins of their own redirect URIs only.
    clientBasedCORS: (_ctx, origin, client) =>
      client.redirectUris?.some((uri) => {
        try {
          return new URL(uri).origin === origin;
        } catch {
          return false;
        }
      }) ?? false,
    scopes: ['openid', 'offline_access'],
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      introspection: { enabled: false },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => HUB_API_RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo: (ctx: KoaContextWithOIDC, resourceIndicator: string, client) => {
          if (resourceIndicator !== HUB_API_RESOURCE) throw new errors.InvalidTarget();
          return {
            scope: isFirstParty(client.clientId) ? MEMBER_SELF_SCOPE : MEMBER_APP_SCOPES.join(' '),
            audience: settings.audience,
            accessTokenTTL: settings.accessTokenTtlSeconds,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'ES256' } },
          };
        },
      },
    },
    // Refresh tokens for every client allowed the grant; they outlive the browser session, not the grant.
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    expiresWithSession: () => false,
    rotateRefreshToken: true,
    extraTokenClaims: async (ctx, token) => {
      if (token.kind !== 'AccessToken' || !('accountId' in token)) return undefined;
      const clientId = token.clientId!;
      const firstParty = isFirstParty(clientId);
      const client = firstParty ? undefined : await ctx.oidc.provider.Client.find(clientId);
      const partnerId = client?.metadata().partner_id as string | undefined;
      return {
        role: Role.MEMBER,
        mid: token.accountId,
        mac: firstParty ? MemberAccess.SELF : MemberAccess.APP,
        gid: token.grantId,
        ...(partnerId ? { pid: partnerId } : {}),
      };
    },
    ttl: {
      AccessToken: settings.accessTokenTtlSeconds,
      AuthorizationCode: 60,
      IdToken: settings.accessTokenTtlSeconds,
      RefreshToken: settings.refreshTokenTtlSeconds,
      Interaction: 600,
      Session: 86_400,
      Grant: settings.refreshTokenTtlSeconds,
    },
    renderError: (ctx, out) => {
      ctx.type = 'html';
      const safe = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
      ctx.body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign-in error</title></head><body><h1>Sign-in error</h1><p>${safe(out.error)}: ${safe(out.error_description)}</p></body></html>`;
    },
  };
  const provider = new Provider(settings.issuer, configuration);
  return provider;
}
