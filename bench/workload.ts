/**
 * What the bench sends, shared by its main thread (bench/run.ts) and its open-loop thread
 * (bench/open-loop.ts): the hub's compiled code that the baseline drives, the coalition's members as the
 * load picks them, the HTTP client and the two one-posting operations (an earn over GraphQL, and the
 * baseline's transaction through `pg`).
 */
// The posting's contributors come through module APIs that also carry GraphQL types (decorators).
import 'reflect-metadata';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { threadId } from 'node:worker_threads';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = path.join(ROOT, 'dist', 'src');

// ---------- the compiled hub code (literally what production runs) ----------
const dist = <T>(rel: string): Promise<T> => import(pathToFileURL(path.join(DIST, rel)).href) as Promise<T>;
const postingModule = await dist<typeof import('../src/modules/ledger/posting.js')>('modules/ledger/posting.js');
const settlementPosting = await dist<typeof import('../src/modules/settlement/settlement.posting.js')>(
  'modules/settlement/settlement.posting.js',
);
const outboxModule = await dist<typeof import('../src/modules/outbox/outbox.js')>('modules/outbox/outbox.js');
const ledgerEvents = await dist<typeof import('../src/modules/ledger/ledger.events.js')>(
  'modules/ledger/ledger.events.js',
);
// The posting statement as the hub composes it: the ledger's CTEs, the outbox's (the ledger registers it first)
// and settlement's contribution.
export const posting = new postingModule.Posting([
  ledgerEvents.ledgerEventContributor(new outboxModule.Outbox(true)),
  settlementPosting.settlementPosting,
]);
/** The same statement as a hub with OUTBOX_ENABLED=false composes it (the outbox on/off pair). */
export const postingWithoutOutbox = new postingModule.Posting(
  [settlementPosting.settlementPosting],
  'ledger_posting_no_outbox',
);
export const operations =
  await dist<typeof import('../src/modules/ledger/operations.js')>('modules/ledger/operations.js');
export const earnService = await dist<typeof import('../src/modules/ledger/earn.service.js')>(
  'modules/ledger/earn.service.js',
);
const model = await dist<typeof import('../src/modules/ledger/ledger.model.js')>('modules/ledger/ledger.model.js');
// The lock statements: member accounts by id + partner billing budgets (the by-id reference batch), the same
// found from a partner's customer id (an earn by customer id, as the bench's earns are), and a batch's
// (members resolved from customer ids, as earnPointsBatch does).
export const {
  lockAccountsAndBudgets: lockForEarn,
  lockCustomerAndBudgets,
  lockBatchAndBudgets: lockBatch,
} = await dist<typeof import('../src/modules/ledger/budget.js')>('modules/ledger/budget.js');
export const pgSql = await dist<typeof import('../src/platform/db/pg-sql.js')>('platform/db/pg-sql.js');
const ids = await dist<typeof import('../src/platform/ids.js')>('platform/ids.js');
export type BenchSql = ReturnType<typeof pgSql.createPgSql>;

export const pick = <T>(a: readonly T[]): T => a[Math.floor(Math.random() * a.length)]!;
let keySeq = 0;
// Unique per run and per thread: the open-loop thread makes keys of its own.
const runTag = `${Date.now().toString(36)}t${threadId}`;
export const newKey = (prefix: string) => `${prefix}-${runTag}-${++keySeq}`;

// ---------- the coalition ----------
export interface Link {
  partnerId: string;
  customerId: string;
  memberId: string;
  wallet: string;
  receivable: string;
}
export interface PartnerInfo {
  id: string;
  token: string;
  issuance: string;
  links: Link[];
  funded: Link[];
  heavy: Link[];
}
/** The partners' issuance accounts: house accounts, whose balance the posting spreads over shard rows. */
export const issuanceIds = new Set<string>();
export const isSharded = (id: string) => issuanceIds.has(id);

// ---------- HTTP ----------
/** Where the hub listens (it moves when the bench restarts it). */
export const hubAddress = { url: '' };

/**
 * The load generator's HTTP client: node:http with a keep-alive agent. It shares the machine with the hub
 * and PostgreSQL, so it should be cheap: `fetch` (undici) used ~0.8 ms of CPU per earn, this about half
 * (the "driver" CPU column).
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
export function request(
  method: 'GET' | 'POST',
  urlPath: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${hubAddress.url}${urlPath}`,
      {
        method,
        agent,
        headers: body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export async function gql<T = any>(token: string, query: string, variables: Record<string, unknown>): Promise<T> {
  const res = await request(
    'POST',
    '/graphql',
    { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    JSON.stringify({ query, variables }),
  );
  const body = JSON.parse(res.text) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  if (body.errors?.length)
    throw new Error(`GraphQL: ${body.errors.map((e) => `${e.extensions?.code}: ${e.message}`).join('; ')}`);
  return body.data!;
}

// ---------- one posting: the hub's earn, and the baseline's transaction ----------
const EARN = `mutation Earn($input: EarnPointsInput!) { earnPoints(input: $input) { operationId replayed } }`;

export async function earnOnce(p: PartnerInfo, link: Link) {
  const data = await gql<{ earnPoints: { operationId: string } }>(p.token, EARN, {
    input: { member: { customerId: link.customerId }, amount: '100', idempotencyKey: newKey('e') },
  });
  if (!data.earnPoints.operationId) throw new Error('no operation id');
}

export function earnDraft(link: Link, issuance: string, amount: bigint) {
  const operationId = ids.newId();
  const transferId = ids.newId();
  const transfer = {
    id: transferId,
    operationId,
    kind: model.TransferKind.EARN,
    currency: 'PTS',
    amount,
    debit: issuance,
    credit: link.wallet,
    partnerId: link.partnerId,
    memberId: link.memberId,
    orderRef: null,
  };
  const lot = {
    id: ids.newId(),
    walletAccountId: link.wallet,
    currency: 'PTS',
    issuerPartnerId: link.partnerId,
    sourceTransferId: transferId,
    amount,
    expiresIn: '24 months',
  };
  return { operationId, transferId, transfer, lot };
}

/**
 * The baseline's one-posting transaction: the statements of earnPoints by customer id
 * (EarnService.earnForCustomer) through runLockedOperation: BEGIN, the lock statement and the claim in one
 * round trip, then the posting and COMMIT in another.
 */
export function baselineEarn(
  sql: BenchSql,
  partners: readonly PartnerInfo[],
  using: typeof posting = posting,
): () => Promise<void> {
  return async () => {
    const p = pick(partners);
    const link = pick(p.links);
    const d = earnDraft(link, p.issuance, 100n);
    const key = newKey('b1');
    const hash = operations.requestHash('EARN', {
      memberId: link.memberId,
      currency: 'PTS',
      amount: 100n,
      orderRef: null,
    });
    const op = {
      id: d.operationId,
      scope: `partner:${p.id}`,
      key,
      kind: 'EARN',
      hash,
      result: { transferId: d.transferId },
    };
    await operations.runLockedOperation(
      sql,
      async (tx) => {
        const locking = lockCustomerAndBudgets(tx, p.id, link.customerId, 'PTS', [p.id]);
        const claim = {
          operationId: d.operationId,
          transferId: d.transferId,
          partnerId: p.id,
          customerId: link.customerId,
          key,
          currency: 'PTS',
          amount: 100n,
          orderRef: null,
        };
        const claiming = earnService.claimCustomerEarn(tx, claim);
        await locking;
        return { op, locked: undefined, claiming };
      },
      async (tx) => using.post(tx, [d.transfer], [d.lot], isSharded),
    );
  };
}
