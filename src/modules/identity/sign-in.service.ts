/**
 * Passwordless sign-in: a one-time code sent to an identifier (e-mail or phone) a partner verified for the
 * member. Codes are 6 digits, stored only as keyed hashes, bound to the sign-in (the provider's interaction),
 * single-use, expiring, rate-limited per identifier and per sign-in, and dead after a few wrong tries.
 *
 * Unknown and known identifiers get the same answer and the same work: one lookup, the same rate-limit counts,
 * one challenge row (without a member for an unknown one, so it can never succeed). Sending is not awaited,
 * so its time does not show either.
 */
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import type { Sql } from '../../platform/db/sql.js';
import type { Clock } from '../../platform/clock.js';
import type { Logger } from '../../platform/logger.js';
import { newId } from '../../platform/ids.js';
import { normaliseEmail, normalisePhone } from '../members/index.js';
import type { CodeSender, IdentifierKind } from './code-sender.js';

export interface SignInSettings {
  codeTtlSeconds: number;
  /** Wrong codes before a challenge is dead. */
  maxAttempts: number;
  /** Codes per identifier (and per sign-in) within `rateWindowSeconds`. */
  maxCodesPerWindow: number;
  rateWindowSeconds: number;
}

export type SignInFailure = 'invalid_identifier' | 'rate_limited' | 'invalid_code' | 'wrong_code' | 'expired';

export class SignInError extends Error {
  constructor(readonly reason: SignInFailure) {
    super(reason);
  }
}

const MAX_IDENTIFIER = 254;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,253}$/;
const PHONE = /^\+?\d{6,15}$/;
const CODE = /^\d{6}$/;

/** The identifier's kind and normal form, or null when it is neither an e-mail address nor a phone number. */
export function parseIdentifier(raw: unknown): { kind: IdentifierKind; value: string } | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_IDENTIFIER) return null;
  if (raw.includes('@')) {
    const value = normaliseEmail(raw);
    return EMAIL.test(value) ? { kind: 'EMAIL', value } : null;
  }
  const value = normalisePhone(raw.trim());
  return PHONE.test(value) ? { kind: 'PHONE', value } : null;
}

export class SignInService {
  constructor(
    private readonly sql: Sql,
    private readonly sender: CodeSender,
    private readonly clock: Clock,
    private readonly settings: SignInSettings,
    /** Keys the hashes of codes and identifiers (derived from the hub's signing key). */
    private readonly pepper: Buffer,
    private readonly log: Logger,
  ) {}

  private hash(...parts: string[]): string {
    return createHmac('sha256', this.pepper).update(parts.join('\u0000')).digest('base64url');
  }

  /** Sends a code if the identifier belongs to a member; answers the same either way. */
  async start(interactionUid: string, rawIdentifier: unknown): Promise<void> {
    const identifier = parseIdentifier(rawIdentifier);
    if (!identifier) throw new SignInError('invalid_identifier');
    const identifierHash = this.hash(identifier.kind, identifier.value);
    const now = this.clock.now();
    const since = new Date(now.getTime() - this.settings.rateWindowSeconds * 1000);
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const id = newId();
    const memberId = await this.sql.transaction(async (tx) => {
      const [counts] = await tx.query<{ by_identifier: number; by_sign_in: number }>(
        `select count(*) filter (where identifier_hash = $1)::int as by_identifier,
                count(*) filter (where interaction_uid = $2)::int as by_sign_in
           from member_sign_in_challenge where created_at > $3 and (identifier_hash = $1 or interaction_uid = $2)`,
        [identifierHash, interactionUid, since],
      );
      if (
        counts!.by_identifier >= this.settings.maxCodesPerWindow ||
        counts!.by_sign_in >= this.settings.maxCodesPerWindow
      )
        throw new SignInError('rate_limited');
      const [member] = await tx.query<{ member_id: string }>(
        `select coalesce(m.merged_into, m.id) as member_id from member_identifier i join member m on m.id = i.member_id
          where i.kind = $1 and i.value = $2 and m.erased_at is null`,
        [identifier.kind, identifier.value],
      );
      await tx.query(
        `insert into member_sign_in_challenge (id, interaction_uid, identifier_hash, member_id, code_hash, created_at, expires_at)
         values ($1, $2, $3, $4, $5, $6, $7)`,
        [
          id,
          interactionUid,
          identifierHash,
          member?.member_id ?? null,
          this.hash(id, code),
          now,
          new Date(now.getTime() + this.settings.codeTtlSeconds * 1000),
        ],
      );
      return member?.member_id;
    });
    if (memberId) {
      // Not awaited: delivery time must not tell a known identifier from an unknown one.
      this.sender
        .send({ kind: identifier.kind, to: identifier.value, code })
        .catch((error: unknown) =>
          this.log.error('sign-in code delivery failed', { error: error instanceof Error ? error.name : 'unknown' }),
        );
    }
  }

  /** The member the sign-in's latest code names, if `rawCode` is it; the code is used up either way on success. */
  async verify(interactionUid: string, rawCode: unknown): Promise<string> {
    if (typeof rawCode !== 'string' || !CODE.test(rawCode)) throw new SignInError('invalid_code');
    const now = this.clock.now();
    return this.sql
      .transaction(async (tx) => {
        const [challenge] = await tx.query<{
          id: string;
          member_id: string | null;
          code_hash: string;
          attempts: number;
        }>(
          `select id, member_id, code_hash, attempts from member_sign_in_challenge
          where interaction_uid = $1 and consumed_at is null and expires_at > $2 and attempts < $3
          order by created_at desc limit 1 for update`,
          [interactionUid, now, this.settings.maxAttempts],
        );
        if (!challenge) throw new SignInError('expired');
        const expected = Buffer.from(challenge.code_hash);
        const given = Buffer.from(this.hash(challenge.id, rawCode));
        const matches = expected.length === given.length && timingSafeEqual(expected, given);
        // An unknown identifier's challenge has no member: no code can open it.
        if (!matches || !challenge.member_id) {
          await tx.query(`update member_sign_in_challenge set attempts = attempts + 1 where id = $1`, [challenge.id]);
          return null;
        }
        const [alive] = await tx.query<{ id: string }>(
          `update member_sign_in_challenge c set consumed_at = $2 from member m
          where c.id = $1 and m.id = c.member_id and m.erased_at is null and m.merged_into is null returning m.id`,
          [challenge.id, now],
        );
        return alive?.id ?? null;
      })
      .then((memberId) => {
        if (!memberId) throw new SignInError('wrong_code');
        return memberId;
      });
  }
}
