/**
 * Staff accounts and their console sessions.
 *
 * - Passwords: scrypt (node:crypto, the same hashing as client secrets), compared in constant time; an unknown
 *   e-mail is checked against a decoy hash, so the answer takes as long and says the same.
 * - Lock-out: LOCK_AFTER wrong passwords in a row lock the account for LOCK_MINUTES (hub time); a right
 *   password resets the count. Sign-in attempts are also rate-limited per client address (in memory, per
 *   process), so one address cannot try many accounts.
 * - Sessions: a random cookie value, stored only as its SHA-256, with a CSRF token of its own; a sign-in always
 *   makes a new session (no fixation: a value planted before sign-in is never promoted). Sign-out ends one
 *   session, sign-out everywhere every session of the account.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Sql } from '../../platform/db/sql.js';
import { hashSecret, verifySecret, DECOY_HASH_PROMISE } from '../../platform/auth/secret-hash.js';
import type { Principal } from '../../platform/auth/principal.js';
import { AppError, badInput } from '../../platform/graphql/errors.js';
import { clock } from '../../platform/clock.js';
import { isUuid, newId, randomToken } from '../../platform/ids.js';
import { principalOf, STAFF_ROLES, type StaffAccount, type StaffRole } from './staff.types.js';

export const SESSION_COOKIE = 'hub_staff';
export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_HOURS = 8;
export const LOCK_AFTER = 5;
export const LOCK_MINUTES = 15;
/** Sign-in attempts per client address per window. */
export const ADDRESS_ATTEMPTS = 20;
export const ADDRESS_WINDOW_MS = 5 * 60_000;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,189}$/;
const MIN_PASSWORD = 12;
const MAX_PASSWORD = 256;

const sha256 = (value: string) => createHash('sha256').update(value).digest('base64url');
const sameText = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

export function cookieValue(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}

export interface StaffSession {
  account: StaffAccount;
  csrfToken: string;
  expiresAt: Date;
}

export type SignInResult =
  | { ok: true; token: string; session: StaffSession }
  | { ok: false; error: AppError; status: number; retryAfterSeconds?: number };

interface AccountRow {
  id: string;
  email: string;
  role: StaffRole;
  partner_id: string | null;
  password_hash: string;
  failed_attempts: number;
  locked_until: Date | null;
}

const accountOf = (row: Pick<AccountRow, 'id' | 'email' | 'role' | 'partner_id'>): StaffAccount => ({
  id: row.id,
  email: row.email,
  role: row.role,
  partnerId: row.partner_id,
});

export class StaffService {
  private readonly attempts = new Map<string, { count: number; since: number }>();

  constructor(private readonly sql: Sql) {}

  /** A new account; the password is generated when not given (returned once, never stored in clear). */
  async add(input: {
    email: string;
    role: StaffRole;
    partnerId?: string;
    password?: string;
  }): Promise<{ account: StaffAccount; password: string }> {
    const email = input.email.trim().toLowerCase();
    if (!EMAIL.test(email)) throw badInput('email must be an e-mail address.', 'email');
    if (!STAFF_ROLES.includes(input.role)) throw badInput(`role must be one of ${STAFF_ROLES.join(', ')}.`, 'role');
    const partnerId = input.partnerId || undefined;
    if (input.role === 'OPERATOR' && partnerId) throw badInput('an operator belongs to no partner.', 'partnerId');
    if (input.role.startsWith('PARTNER_') && !partnerId)
      throw badInput('partner staff belong to a partner.', 'partnerId');
    if (partnerId && !isUuid(partnerId)) throw badInput('partnerId must be a partner id.', 'partnerId');
    const password = input.password ?? randomToken(15);
    if (password.length < MIN_PASSWORD || password.length > MAX_PASSWORD)
      throw badInput(`the password is ${MIN_PASSWORD} to ${MAX_PASSWORD} characters.`, 'password');
    const id = newId();
    const rows = await this.sql.query<{ id: string }>(
      `insert into staff_account (id, email, role, partner_id, password_hash)
         select $1, $2, $3, $4, $5 where $4::uuid is null or exists (select 1 from partner where id = $4)
       on conflict (email) do nothing returning id`,
      [id, email, input.role, partnerId ?? null, await hashSecret(password)],
    );
    if (!rows.length) {
      const [taken] = await this.sql.query(`select 1 from staff_account where email = $1`, [email]);
      if (taken) throw new AppError('STAFF_EMAIL_TAKEN', 'A staff account with that e-mail already exists.');
      throw badInput('no such partner.', 'partnerId');
    }
    return { account: { id, email, role: input.role, partnerId: partnerId ?? null }, password };
  }

  /** Counts an attempt from `address`; false when the address is over its budget for the window. */
  private admit(address: string): { ok: boolean; retryAfterSeconds: number } {
    const now = clock.nowMs();
    let entry = this.attempts.get(address);
    if (!entry || now - entry.since >= ADDRESS_WINDOW_MS) {
      // Forget stale addresses now and then, so the map stays small.
      if (this.attempts.size > 10_000) this.attempts.clear();
      entry = { count: 0, since: now };
      this.attempts.set(address, entry);
    }
    entry.count++;
    return {
      ok: entry.count <= ADDRESS_ATTEMPTS,
      retryAfterSeconds: Math.ceil((entry.since + ADDRESS_WINDOW_MS - now) / 1000),
    };
  }

  async signIn(emailGiven: unknown, password: unknown, address: string): Promise<SignInResult> {
    const admitted = this.admit(address);
    if (!admitted.ok)
      return {
        ok: false,
        status: 429,
        retryAfterSeconds: admitted.retryAfterSeconds,
        error: new AppError('SIGN_IN_THROTTLED', 'Too many sign-in attempts. Try again later.'),
      };
    const failed = (): SignInResult => ({
      ok: false,
      status: 401,
      error: new AppError('SIGN_IN_FAILED', 'Wrong e-mail or password.'),
    });
    if (typeof emailGiven !== 'string' || typeof password !== 'string' || password.length > MAX_PASSWORD) {
      return failed();
    }
    const email = emailGiven.trim().toLowerCase().slice(0, 254);
    const [row] = await this.sql.query<AccountRow & { locked: boolean }>(
      `select id, email, role, partner_id, password_hash, failed_attempts, locked_until,
              coalesce(locked_until > hub_now(), false) as locked
         from staff_account where email = $1`,
      [email],
    );
    // The same work whether or not the account exists.
    const right = await verifySecret(password, row?.password_hash ?? (await DECOY_HASH_PROMISE));
    if (!row) return failed();
    if (row.locked)
      return {
        ok: false,
        status: 423,
        error: new AppError('ACCOUNT_LOCKED', 'This account is locked after repeated wrong passwords.', {
          lockedUntil: new Date(row.locked_until!).toISOString(),
        }),
      };
    if (!right) {
      await this.sql.query(
        `update staff_account
            set failed_attempts = case when failed_attempts + 1 >= $2 then 0 else failed_attempts + 1 end,
                locked_until = case when failed_attempts + 1 >= $2
                                    then hub_now() + make_interval(mins => $3) else locked_until end
          where id = $1`,
        [row.id, LOCK_AFTER, LOCK_MINUTES],
      );
      return failed();
    }
    const token = randomToken(32);
    const csrfToken = randomToken(24);
    const [created] = await this.sql.transaction(async (tx) => {
      await tx.query(`update staff_account set failed_attempts = 0, locked_until = null where id = $1`, [row.id]);
      return tx.query<{ expires_at: Date }>(
        `insert into staff_session (token_hash, account_id, csrf_token, expires_at)
           values ($1, $2, $3, hub_now() + make_interval(hours => $4)) returning expires_at`,
        [sha256(token), row.id, csrfToken, SESSION_HOURS],
      );
    });
    return {
      ok: true,
      token,
      session: { account: accountOf(row), csrfToken, expiresAt: new Date(created!.expires_at) },
    };
  }

  /** The live session named by the request's cookie, if any. */
  async sessionOf(req: IncomingMessage): Promise<(StaffSession & { tokenHash: string }) | undefined> {
    const token = cookieValue(req, SESSION_COOKIE);
    if (!token || token.length > 128) return undefined;
    const tokenHash = sha256(token);
    const [row] = await this.sql.query<AccountRow & { csrf_token: string; expires_at: Date }>(
      `select a.id, a.email, a.role, a.partner_id, s.csrf_token, s.expires_at
         from staff_session s join staff_account a on a.id = s.account_id
        where s.token_hash = $1 and s.expires_at > hub_now()`,
      [tokenHash],
    );
    if (!row) return undefined;
    return { account: accountOf(row), csrfToken: row.csrf_token, expiresAt: new Date(row.expires_at), tokenHash };
  }

  /**
   * The principal of a request made with the console's session cookie (no Authorization header). A request
   * that may change something (anything but GET/HEAD) must carry the session's CSRF token in `x-csrf-token`
   * and, when the browser sends an Origin, come from the hub's own origin.
   */
  async authenticate(req: IncomingMessage): Promise<Principal | undefined> {
    const session = await this.sessionOf(req);
    if (!session) return undefined;
    if (req.method !== 'GET' && req.method !== 'HEAD') this.checkCsrf(req, session.csrfToken);
    return principalOf(session.account);
  }

  checkCsrf(req: IncomingMessage, csrfToken: string): void {
    const given = req.headers[CSRF_HEADER];
    const origin = req.headers.origin;
    let sameOrigin = true;
    if (origin !== undefined) {
      try {
        sameOrigin = new URL(origin).host === req.headers.host;
      } catch {
        sameOrigin = false;
      }
    }
    if (typeof given !== 'string' || !sameText(given, csrfToken) || !sameOrigin)
      throw new AppError('CSRF_REJECTED', 'This console request lacks its CSRF token or comes from another site.', {
        http: { status: 403 },
      });
  }

  async signOut(tokenHash: string): Promise<void> {
    await this.sql.query(`delete from staff_session where token_hash = $1`, [tokenHash]);
  }

  /** Ends every session of the account (on every device). */
  async signOutEverywhere(accountId: string): Promise<number> {
    const rows = await this.sql.query(`delete from staff_session where account_id = $1 returning 1`, [accountId]);
    return rows.length;
  }
}
