/**
 * Idempotent operations. The first request with a (scope, key) claims it by
 * inserting the operation row inside the operation's own transaction, so a
 * concurrent duplicate waits on the unique index and then sees the outcome.
 * Business rejections are recorded (final for the key); infrastructure
 * failures roll the claim back, so a retry can succeed.
 */
import { createHash } from 'node:crypto';
import { prepared, type Sql, type SqlClient } from '../../platform/db/sql.js';
import { AppError, badInput, type ErrorCode } from '../../platform/graphql/errors.js';
import { LedgerErrors, LedgerRejection } from './ledger.exception.js';

const KEY = /^[A-Za-z0-9._:-]{1,128}$/;

export function checkIdempotencyKey(key: string): string {
  if (!KEY.test(key))
    throw badInput(
      'idempotencyKey must be 1 to 128 characters of letters, digits, ".", "_", ":" or "-".',
      'idempotencyKey',
    );
  return key;
}

/** The text a request's fingerprint is taken over: its kind, NUL, its fields as [name, value] pairs by name. */
function canonical(kind: string, request: Record<string, unknown>): string {
  const fields = Object.keys(request)
    .sort()
    .map((k) => [
      k,
      request[k] === undefined ? null : typeof request[k] === 'bigint' ? String(request[k]) : request[k],
    ]);
  return `${kind}\0${JSON.stringify(fields)}`;
}

/** Stable fingerprint of a request: same fields, same hash, regardless of key order. */
export function requestHash(kind: string, request: Record<string, unknown>): string {
  return createHash('sha256').update(canonical(kind, request)).digest('base64url');
}

/**
 * The fingerprint of a request one of whose fields (`field`) only the database knows yet, as the bytes
 * before and after that field's value: sqlRequestHash over them and the value is requestHash of the whole
 * request. The value must be a string JSON writes as it is (a uuid).
 */
export function requestHashAround(kind: string, request: Record<string, unknown>, field: string): [Buffer, Buffer] {
  const hole = 'value-known-to-the-database';
  const text = canonical(kind, { ...request, [field]: hole });
  const at = text.indexOf(`"${hole}"`) + 1;
  return [Buffer.from(text.slice(0, at)), Buffer.from(text.slice(at + hole.length))];
}

/** requestHash in SQL: the base64url SHA-256 of `before` (bytea) || `value` (text) || `after` (bytea). */
export const sqlRequestHash = (before: string, value: string, after: string) =>
  `translate(encode(sha256(${before}::bytea || convert_to(${value}::text, 'UTF8') || ${after}::bytea), 'base64'), '+/=', '-_')`;

export interface OperationRequest {
  id: string;
  scope: string;
  key: string;
  kind: string;
  hash: string;
  /** What a replay needs to rebuild the response (ids known before posting). */
  result: Record<string, string>;
}

export interface OperationOutcome {
  operationId: string;
  result: Record<string, string>;
  replayed: boolean;
}

type Claimed =
  { kind: 'claimed' } | { kind: 'replay'; outcome: OperationOutcome } | { kind: 'rejected-before'; error: AppError };

const CLAIM_SQL = prepared(
  'ledger_claim',
  `insert into operation (id, scope, idempotency_key, kind, request_hash, result) values ($1, $2, $3, $4, $5, $6)
     on conflict (scope, idempotency_key) do nothing returning id, request_hash`,
);

/** What a claim statement returns: the claimed row, none when the key was claimed before. */
export type ClaimRows = { id: string; request_hash: string }[];

const insertClaim = (tx: SqlClient, op: OperationRequest) =>
  tx.query<ClaimRows[number]>(CLAIM_SQL, [op.id, op.scope, op.key, op.kind, op.hash, JSON.stringify(op.result)]);

/**
 * The claim of `op`, sent right behind a lock statement that is still unanswered (runLockedOperation's
 * `claiming`): both travel in one round trip. When the lock fails, the claim fails behind it and nobody waits
 * for it, hence the catch (the transaction reports the lock's error).
 */
export function claimBehind(tx: SqlClient, op: OperationRequest): Promise<ClaimRows> {
  const claiming = insertClaim(tx, op);
  claiming.catch(() => undefined);
  return claiming;
}

/** SQLSTATE serialization_failure: the transaction is retried (withRetry). */
const RETRY = '40001';

async function claim(tx: SqlClient, op: OperationRequest, claiming: Promise<ClaimRows>): Promise<Claimed> {
  const inserted = await claiming;
  if (inserted.length === 1) {
    // A claim that computed the hash itself (sqlRequestHash) saw the same member as the lock statement before
    // it, unless a merge relinked the customer in between: then the whole transaction runs again.
    if (inserted[0]!.request_hash !== op.hash)
      throw Object.assign(new Error('the request changed between the lock and the claim'), { code: RETRY });
    return { kind: 'claimed' };
  }
  const [prior] = await tx.query<{
    id: string;
    kind: string;
    request_hash: string;
    status: string;
    error_code: string | null;
    error_message: string | null;
    result: Record<string, string> | string;
  }>(
    `select id, kind, request_hash, status, error_code, error_message, result from operation where scope = $1 and idempotency_key = $2`,
    [op.scope, op.key],
  );
  if (!prior || prior.kind !== op.kind || prior.request_hash !== op.hash) throw LedgerErrors.keyReused();
  if (prior.status === 'REJECTED')
    return {
      kind: 'rejected-before',
      // A code recorded by this hub, so one of the catalogue's.
      error: new LedgerRejection(prior.error_code! as ErrorCode, prior.error_message!, { replayed: true }),
    };
  const result = typeof prior.result === 'string' ? (JSON.parse(prior.result) as Record<string, string>) : prior.result;
  return { kind: 'replay', outcome: { operationId: prior.id, result, replayed: true } };
}

/** Claims `op` in `tx` and runs `body` if the claim is new; a replay or a recorded rejection skips it. */
async function claimAndRun(
  tx: SqlClient,
  op: OperationRequest,
  body: () => Promise<void>,
  claiming = insertClaim(tx, op),
): Promise<OperationOutcome | AppError> {
  const claimed = await claim(tx, op, claiming);
  if (claimed.kind === 'replay') return claimed.outcome;
  if (claimed.kind === 'rejected-before') return claimed.error;
  try {
    await body();
  } catch (error) {
    if (!(error instanceof LedgerRejection)) throw error;
    await tx.query(
      `update operation set status = 'REJECTED', error_code = $2, error_message = $3, result = null where id = $1`,
      [op.id, error.code, error.message],
    );
    return error;
  }
  return { operationId: op.id, result: op.result, replayed: false };
}

/**
 * Runs `body` as the operation `op` in one transaction. `body` must throw a
 * LedgerRejection only before it writes anything: the rejection is then
 * recorded against the key and committed.
 */
export async function runOperation(
  sql: Sql,
  op: OperationRequest,
  body: (tx: SqlClient) => Promise<void>,
): Promise<OperationOutcome> {
  const outcome = await sql.transaction((tx) => claimAndRun(tx, op, () => body(tx)));
  if (outcome instanceof AppError) throw outcome;
  return outcome;
}

/**
 * Like runOperation, with the locks taken before the claim: `lock` locks what
 * the operation needs and names the operation (its request hash may depend
 * on what the lock statement resolved, e.g. the member behind a partner's
 * customer id). A concurrent duplicate then waits on the same row locks and
 * finds the first one's claim. `lock` may throw (nothing is written yet).
 * `lock` may also have sent the claim right behind its lock statement
 * (`claiming`, one round trip for both; its hash computed in SQL with
 * sqlRequestHash); otherwise the claim is sent after it.
 */
export async function runLockedOperation<L>(
  sql: Sql,
  lock: (tx: SqlClient) => Promise<{ op: OperationRequest; locked: L; claiming?: Promise<ClaimRows> }>,
  body: (tx: SqlClient, locked: L) => Promise<void>,
): Promise<OperationOutcome & { locked: L }> {
  const outcome = await sql.transaction(async (tx) => {
    const { op, locked, claiming } = await lock(tx);
    const result = await claimAndRun(tx, op, () => body(tx, locked), claiming);
    return result instanceof AppError ? result : { ...result, locked };
  });
  if (outcome instanceof AppError) throw outcome;
  return outcome;
}
