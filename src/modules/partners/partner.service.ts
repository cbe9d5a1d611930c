/**
 * Partners and their OAuth client credentials: the domain rules. Resolvers
 * and the token endpoint call this; nothing else writes these tables.
 */
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { Database } from '../../platform/db/orm.js';
import { FeedCache } from '../../platform/db/change-feed.js';
import { newId, randomToken } from '../../platform/ids.js';
import { badInput, notFound } from '../../platform/graphql/errors.js';
import { PARTNER_SCOPES, type PartnerScope } from '../../platform/auth/principal.js';
import { DECOY_HASH_PROMISE, hashSecret, verifySecret } from '../../platform/auth/secret-hash.js';
import type { Page } from '../../platform/graphql/pagination.js';
import { Partner, PartnerStatus } from './partner.entity.js';
import { PartnerCredential } from './partner-credential.entity.js';
import { PartnerErrors } from './partner.exception.js';
import { hasControlCharacter } from '../../platform/text.js';
import { clock } from '../../platform/clock.js';

const CODE = /^[a-z0-9][a-z0-9-]{1,62}$/;
const ISO_4217 = new Set(Intl.supportedValuesOf('currency'));

export interface NewPartner {
  code: string;
  name: string;
  settlementCurrency: string;
}

export interface IssuedCredentials {
  clientId: string;
  clientSecret: string;
  partnerId: string;
  scopes: string[];
}

/** What a client id can look like (ours are `cid_` and a random token); anything else names no client. */
const CLIENT_ID = /^[A-Za-z0-9_-]{1,100}$/;
/** PostgreSQL text cannot hold NUL, and no name or label needs control characters. */

function checkName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length < 1 || trimmed.length > 200) throw badInput('name must be 1 to 200 characters.', 'name');
  if (hasControlCharacter(trimmed)) throw badInput('name must not contain control characters.', 'name');
  return trimmed;
}

function checkScopes(scopes: readonly string[]): PartnerScope[] {
  for (const s of scopes) if (!(PARTNER_SCOPES as readonly string[]).includes(s)) throw PartnerErrors.unknownScope(s);
  return [...new Set(scopes)] as PartnerScope[];
}

/** Change-feed topic: a partner's status or credentials changed (migration 7's trigger). */
const AUTH_TOPIC = 'partner-auth';

export class PartnerService {
  /** isActive answers by (partner, client id), dropped when any partner or credential changes anywhere. */
  private readonly active: FeedCache<boolean>;

  constructor(private readonly db: Database) {
    this.active = new FeedCache(db.changes, AUTH_TOPIC);
  }

  /** A change made here: forget at once (other processes hear it from the database's trigger). */
  private forget(): void {
    this.active.clear();
  }

  async create(input: NewPartner): Promise<Partner> {
    if (!CODE.test(input.code)) throw badInput('code must be 2 to 63 lower-case letters, digits or dashes.', 'code');
    if (!ISO_4217.has(input.settlementCurrency)) throw PartnerErrors.unknownCurrency(input.settlementCurrency);
    const em = this.db.em();
    const partner = em.create(Partner, {
      id: newId(),
      code: input.code,
      name: checkName(input.name),
      settlementCurrency: input.settlementCurrency,
    });
    try {
      await em.flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw PartnerErrors.codeTaken(input.code);
      throw error;
    }
    return partner;
  }

  async update(id: string, changes: { name?: string | null; status?: PartnerStatus | null }): Promise<Partner> {
    const em = this.db.em();
    const partner = await em.findOne(Partner, { id });
    if (!partner) throw notFound('Partner');
    if (changes.name != null) partner.name = checkName(changes.name);
    if (changes.status != null) partner.status = changes.status;
    await em.flush();
    if (changes.status != null) this.forget();
    return partner;
  }

  async byIds(ids: readonly string[]): Promise<Map<string, Partner>> {
    const rows = await this.db.em().find(Partner, { id: { $in: [...ids] } });
    return new Map(rows.map((p) => [p.id, p]));
  }

  async byCode(code: string): Promise<Partner | null> {
    return this.db.em().findOne(Partner, { code });
  }

  /** Keyset page by id (ids are time-ordered, so this is creation order). */
  async list(page: Page<string>): Promise<Partner[]> {
    return this.db
      .em()
      .find(Partner, page.after ? { id: { $gt: page.after } } : {}, { orderBy: { id: 'asc' }, limit: page.limit + 1 });
  }

  async createCredentials(
    partnerId: string,
    scopes: readonly string[] | null | undefined,
    label?: string | null,
  ): Promise<IssuedCredentials> {
    const granted = checkScopes(scopes ?? PARTNER_SCOPES);
    if (granted.length === 0) throw badInput('scopes must not be empty.', 'scopes');
    if (label != null && (label.length > 200 || hasControlCharacter(label)))
      throw badInput('label must be at most 200 characters, without control characters.', 'label');
    const em = this.db.em();
    const partner = await em.findOne(Partner, { id: partnerId });
    if (!partner) throw notFound('Partner');
    const clientId = `cid_${randomToken(12)}`;
    const clientSecret = `cs_${randomToken(32)}`;
    em.create(PartnerCredential, {
      clientId,
      partner,
      secretHash: await hashSecret(clientSecret),
      scopes: granted,
      label: label ?? null,
    });
    await em.flush();
    return { clientId, clientSecret, partnerId, scopes: granted };
  }

  async revokeCredentials(clientId: string): Promise<boolean> {
    if (!CLIENT_ID.test(clientId)) throw notFound('Credentials');
    const em = this.db.em();
    const credential = await em.findOne(PartnerCredential, { clientId });
    if (!credential) throw notFound('Credentials');
    credential.revokedAt ??= clock.now();
    await em.flush();
    this.forget();
    return true;
  }

  /**
   * Client-credentials check. Returns null for any failure (unknown id, wrong
   * secret, revoked, suspended), spending the same hashing time either way.
   */
  async authenticateClient(clientId: string, secret: string): Promise<{ partnerId: string; scopes: string[] } | null> {
    const rows = CLIENT_ID.test(clientId)
      ? await this.db.sql.query<{
          partner_id: string;
          secret_hash: string;
          scopes: string[];
          revoked_at: unknown;
          status: string;
        }>(
          `select c.partner_id, c.secret_hash, c.scopes, c.revoked_at, p.status
             from partner_credential c join partner p on p.id = c.partner_id where c.client_id = $1`,
          [clientId],
        )
      : [];
    const row = rows[0];
    const ok = await verifySecret(secret, row?.secret_hash ?? (await DECOY_HASH_PROMISE));
    if (!row || !ok || row.revoked_at || row.status !== PartnerStatus.ACTIVE) return null;
    return { partnerId: row.partner_id, scopes: row.scopes };
  }

  /**
   * Whether a token's partner (and credential) may still act. Checked on every
   * request so suspension and revocation take effect at once.
   */
  async isActive(partnerId: string, clientId?: string): Promise<boolean> {
    const key = `${partnerId}|${clientId ?? ''}`;
    const known = this.active.get(key);
    if (known !== undefined) return known;
    const mark = this.active.mark();
    const rows = await this.db.sql.query<{ ok: boolean }>(
      `select p.status = 'ACTIVE' and ($2::text is null or exists (
                select 1 from partner_credential c where c.client_id = $2 and c.partner_id = p.id and c.revoked_at is null)) as ok
         from partner p where p.id = $1`,
      [partnerId, clientId ?? null],
    );
    const ok = rows[0]?.ok === true;
    this.active.set(mark, key, ok);
    return ok;
  }
}
