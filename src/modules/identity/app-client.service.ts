/**
 * Partner apps registered as OpenID Connect clients (public clients: authorization code with PKCE, no secret),
 * with exact redirect URIs. The operator and the partner itself (apps:write) manage them; the provider reads
 * them through the adapter's Client model. The hub's own first-party client is configured, not stored.
 */
import type { AdapterPayload } from 'oidc-provider';
import type { Sql } from '../../platform/db/sql.js';
import { toDate } from '../../platform/db/values.js';
import { badInput, notFound } from '../../platform/graphql/errors.js';
import { randomToken } from '../../platform/ids.js';
import { hasControlCharacter } from '../../platform/text.js';

export interface AppClientRow {
  clientId: string;
  partnerId: string;
  name: string;
  redirectUris: string[];
  createdAt: Date;
  revokedAt: Date | null;
}

const MAX_REDIRECT_URIS = 10;
const MAX_URI_LENGTH = 2000;
const LOOPBACK = new Set(['127.0.0.1', '[::1]', 'localhost']);

/** An absolute https URI without a fragment (http only on the loopback interface, for development). */
export function checkRedirectUri(raw: string): string {
  let url: URL;
  if (raw.length > MAX_URI_LENGTH || hasControlCharacter(raw))
    throw badInput('A redirect URI is too long.', 'redirectUris');
  try {
    url = new URL(raw);
  } catch {
    throw badInput('Every redirect URI must be an absolute URI.', 'redirectUris');
  }
  if (url.hash || raw.includes('#')) throw badInput('A redirect URI may not have a fragment.', 'redirectUris');
  if (url.username || url.password) throw badInput('A redirect URI may not carry credentials.', 'redirectUris');
  if (!(url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname))))
    throw badInput('A redirect URI must use https (http only on the loopback interface).', 'redirectUris');
  return raw;
}

const rowFrom = (r: Record<string, unknown>): AppClientRow => ({
  clientId: r.client_id as string,
  partnerId: r.partner_id as string,
  name: r.name as string,
  redirectUris: r.redirect_uris as string[],
  createdAt: toDate(r.created_at),
  revokedAt: r.revoked_at == null ? null : toDate(r.revoked_at),
});

const COLUMNS = 'client_id, partner_id, name, redirect_uris, created_at, revoked_at';

export class AppClientService {
  constructor(private readonly sql: Sql) {}

  async register(partnerId: string, name: string, redirectUris: readonly string[]): Promise<AppClientRow> {
    const trimmed = name.trim();
    if (trimmed.length < 1 || trimmed.length > 100 || hasControlCharacter(trimmed))
      throw badInput('name must be 1 to 100 printable characters.', 'name');
    if (redirectUris.length < 1 || redirectUris.length > MAX_REDIRECT_URIS)
      throw badInput(`Give 1 to ${MAX_REDIRECT_URIS} redirect URIs.`, 'redirectUris');
    const uris = [...new Set(redirectUris.map(checkRedirectUri))];
    const [row] = await this.sql.query(
      `insert into member_app_client (client_id, partner_id, name, redirect_uris)
       select $1, id, $3, $4::text[] from partner where id = $2 returning ${COLUMNS}`,
      [`app_${randomToken(16)}`, partnerId, trimmed, uris],
    );
    if (!row) throw notFound('Partner');
    return rowFrom(row);
  }

  /** Replaces the redirect URIs of a client of `partnerId` (any partner's for the operator: partnerId null). */
  async setRedirectUris(clientId: string, partnerId: string | null, redirectUris: readonly string[]) {
    if (redirectUris.length < 1 || redirectUris.length > MAX_REDIRECT_URIS)
      throw badInput(`Give 1 to ${MAX_REDIRECT_URIS} redirect URIs.`, 'redirectUris');
    const uris = [...new Set(redirectUris.map(checkRedirectUri))];
    const [row] = await this.sql.query(
      `update member_app_client set redirect_uris = $3::text[]
        where client_id = $1 and ($2::uuid is null or partner_id = $2) and revoked_at is null returning ${COLUMNS}`,
      [clientId, partnerId, uris],
    );
    if (!row) throw notFound('App client');
    return rowFrom(row);
  }

  /** Revokes a client: it can start no sign-in, and every grant to it (so every token) ends. */
  async revoke(clientId: string, partnerId: string | null): Promise<AppClientRow> {
    return this.sql.transaction(async (tx) => {
      const [row] = await tx.query(
        `update member_app_client set revoked_at = coalesce(revoked_at, hub_now())
          where client_id = $1 and ($2::uuid is null or partner_id = $2) returning ${COLUMNS}`,
        [clientId, partnerId],
      );
      if (!row) throw notFound('App client');
      await tx.query(
        `delete from oidc_payload where grant_id in (select id from oidc_payload where model = 'Grant' and payload->>'clientId' = $1)
            or (model = 'Grant' and payload->>'clientId' = $1)`,
        [clientId],
      );
      return rowFrom(row);
    });
  }

  async list(partnerId: string | null): Promise<AppClientRow[]> {
    const rows = await this.sql.query(
      `select ${COLUMNS} from member_app_client where ($1::uuid is null or partner_id = $1) order by created_at, client_id`,
      [partnerId],
    );
    return rows.map(rowFrom);
  }

  /** The provider's view of a registered, unrevoked client of an active partner. */
  async metadata(clientId: string): Promise<AdapterPayload | undefined> {
    if (clientId.length > 64) return undefined;
    const [row] = await this.sql.query(
      `select c.${COLUMNS.split(', ').join(', c.')} from member_app_client c join partner p on p.id = c.partner_id
        where c.client_id = $1 and c.revoked_at is null and p.status = 'ACTIVE'`,
      [clientId],
    );
    if (!row) return undefined;
    const client = rowFrom(row);
    return {
      client_id: client.clientId,
      client_name: client.name,
      redirect_uris: client.redirectUris,
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
      partner_id: client.partnerId,
    };
  }
}
