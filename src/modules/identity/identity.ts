/**
 * The identity module: member sign-in at the hub. Built once per process; `start` mounts the OpenID Connect
 * provider once the hub knows its own URL (the issuer defaults to it). Everything under `/oidc` is served by
 * `handler`: the provider's endpoints, and the hub's own sign-in and consent pages.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import type { Config } from '../../config.js';
import type { Database } from '../../platform/db/orm.js';
import type { KeyStore } from '../../platform/auth/key-store.js';
import type { TokenService } from '../../platform/auth/token-service.js';
import type { Logger } from '../../platform/logger.js';
import { clock as hubClock, type Clock } from '../../platform/clock.js';
import type { AppClientService } from './app-client.service.js';
import { MemorySink, SmtpSender, type CodeSender } from './code-sender.js';
import { createInteractionHandler } from './interaction.handler.js';
import type { MemberGrantService } from './member-grant.service.js';
import { createProvider, derivedSecret } from './oidc.provider.js';
import { SignInService, parseIdentifier } from './sign-in.service.js';

export const OIDC_PATH = '/oidc';

export interface IdentityDeps {
  db: Database;
  config: Pick<Config, 'env' | 'audience' | 'memberTokenTtlSeconds' | 'signIn'>;
  keys: KeyStore;
  tokens: TokenService;
  log: Logger;
  /** Whether a member may still sign in (exists, not erased, not merged away). */
  memberActive: (memberId: string) => Promise<boolean>;
  clock?: Clock;
  /** The services the GraphQL resolvers use too (built with the other services). */
  clients: AppClientService;
  grants: MemberGrantService;
}

export function createIdentity(deps: IdentityDeps) {
  const { db, config, keys, log } = deps;
  const clock = deps.clock ?? hubClock;
  const { clients, grants } = deps;
  // Development and tests: codes stay in memory, for the tests (and a console in development) to read.
  const sink = config.signIn.smtpUrl ? undefined : new MemorySink();
  const sender: CodeSender = config.signIn.smtpUrl
    ? new SmtpSender(config.signIn.smtpUrl, config.signIn.mailFrom, log)
    : sink!;
  const signIn = new SignInService(
    db.sql,
    sender,
    clock,
    config.signIn,
    derivedSecret(keys.privateJwks[0]!, 'sign-in-codes'),
    log,
  );
  let provider: Provider | undefined;
  let callback: ReturnType<Provider['callback']> | undefined;
  let interactions: ReturnType<typeof createInteractionHandler> | undefined;
  let issuer = '';

  function start(hubUrl: string): void {
    issuer = config.signIn.issuer ?? `${hubUrl}${OIDC_PATH}`;
    const origin = new URL(issuer).origin;
    provider = createProvider(
      {
        issuer,
        audience: config.audience,
        privateJwks: keys.privateJwks,
        accessTokenTtlSeconds: config.memberTokenTtlSeconds,
        refreshTokenTtlSeconds: config.signIn.refreshTokenTtlSeconds,
        consoleRedirectUris: config.signIn.consoleRedirectUris,
        memberActive: deps.memberActive,
      },
      db.sql,
      clock,
      clients,
    );
    // Behind a TLS-terminating proxy the provider must trust X-Forwarded-Proto to know it is on https.
    provider.proxy = issuer.startsWith('https:');
    callback = provider.callback();
    // The provider's errors are answered to the client; nothing about them is logged with tokens or codes.
    deps.tokens.acceptIssuer(issuer);
    interactions = createInteractionHandler({
      provider: () => provider!,
      signIn,
      csrfSecret: derivedSecret(keys.privateJwks[0]!, 'sign-in-csrf'),
      mountPath: OIDC_PATH,
      issuerOrigin: origin,
      secureCookies: issuer.startsWith('https:'),
      log,
    });
  }

  /** Everything under /oidc. */
  async function handler(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!callback || !interactions) {
      res.statusCode = 503;
      res.end();
      return;
    }
    const url = req.url ?? '/';
    if (url.startsWith(`${OIDC_PATH}/interaction/`)) return interactions(req, res);
    // Mounted under a prefix: the provider reads its mount path from originalUrl.
    (req as IncomingMessage & { originalUrl?: string }).originalUrl = url;
    req.url = url.slice(OIDC_PATH.length) || '/';
    await callback(req, res);
  }

  /**
   * Development only (NODE_ENV=development and no SMTP_URL): `GET /dev/sign-in-codes?to=<identifier>` answers the
   * newest code sent there, so a person can sign in on a laptop. It does not exist in test or production.
   */
  const devRoutes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> =
    config.env === 'development' && sink
      ? {
          '/dev/sign-in-codes': (req, res) => {
            const to = new URL(req.url ?? '/', 'http://hub').searchParams.get('to') ?? '';
            const identifier = parseIdentifier(to);
            const code = identifier ? sink.lastCodeFor(identifier.value) : undefined;
            res.statusCode = code ? 200 : 404;
            res.setHeader('content-type', 'application/json');
            res.setHeader('cache-control', 'no-store');
            res.end(JSON.stringify(code ? { code } : { error: 'no code sent there' }));
          },
        }
      : {};

  return {
    devRoutes,
    clients,
    grants,
    signIn,
    /** Codes sent, when no SMTP server is configured (development and tests). */
    sink,
    start,
    handler,
    get issuer() {
      return issuer;
    },
  };
}

export type Identity = ReturnType<typeof createIdentity>;
