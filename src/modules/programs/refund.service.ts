/**
 * Refunds of purchases, full or partial, through the ledger's reversal path (the ledger takes back what
 * the wallet still holds and books the rest to the member's receivable: a clawback).
 *
 * Proportion, exactly: after refunds adding up to R of a purchase of total T, each leg of L points has
 * had floor(L × R / T) taken back in all (so a full refund takes back every point, and partial refunds
 * never take more than their share). A refund is claimed first (its row, under the purchase's row lock,
 * with what each leg gives back), then each leg is reversed as its own ledger operation with a key derived
 * from the refund: a retry with the same key finds the claim and replays or completes the reversals, so a
 * refund sent twice posts once. The same key with another request is IDEMPOTENCY_KEY_REUSED.
 */
import { createHash } from 'node:crypto';
import type { Sql } from '../../platform/db/sql.js';
import { newId } from '../../platform/ids.js';
import { badInput, notFound } from '../../platform/graphql/errors.js';
import { LedgerErrors, type LedgerService, type OperationOutcome } from '../ledger/index.js';
import { ProgramsErrors } from './programs.exception.js';
import { PURCHASE_COLUMNS, purchaseFrom, type Purchase } from './purchase.service.js';

export interface RefundRequest {
  partnerId: string;
  purchaseId?: string | null;
  orderRef?: string | null;
  /** Fiat minor units of the purchase; everything not refunded yet when absent. */
  amount?: bigint | null;
  idempotencyKey: string;
}

export interface RefundLeg {
  transferId: string;
  partnerId: string;
  points: bigint;
}

export interface Refund {
  id: string;
  purchase: Purchase;
  amount: bigint;
  legs: RefundLeg[];
  reversals: (OperationOutcome & { leg: RefundLeg })[];
  replayed: boolean;
}

const KEY = /^[A-Za-z0-9._:-]{1,128}$/;

/** The ledger key of a leg's reversal: derived from the refund, unique per leg, valid as a key. */
const legKey = (refundId: string, transferId: string) =>
  `prg-refund:${createHash('sha256').update(`${refundId}\0${transferId}`).digest('base64url')}`;

export class RefundService {
  constructor(
    private readonly sql: Sql,
    private readonly ledger: LedgerService,
  ) {}

  private async find(req: RefundRequest): Promise<Purchase> {
    if ((req.purchaseId == null) === (req.orderRef == null))
      throw badInput('name the purchase by exactly one of purchaseId and orderRef.', 'purchaseId');
    const rows = await this.sql.query<Record<string, unknown>>(
      req.purchaseId != null
        ? `select ${PURCHASE_COLUMNS} from program_purchase where id = $1 and partner_id = $2`
        : `select ${PURCHASE_COLUMNS} from program_purchase where order_ref = $1 and partner_id = $2 limit 2`,
      [req.purchaseId ?? req.orderRef, req.partnerId],
    );
    if (rows.length === 0) throw notFound('Purchase');
    if (rows.length > 1)
      throw badInput('several purchases have this orderRef: name the purchase by purchaseId.', 'orderRef');
    return purchaseFrom(rows[0]!);
  }

  async refund(req: RefundRequest): Promise<Refund> {
    if (!KEY.test(req.idempotencyKey))
      throw badInput(
        'idempotencyKey must be 1 to 128 characters of letters, digits, ".", "_", ":" or "-".',
        'idempotencyKey',
      );
    if (req.amount != null && req.amount <= 0n) throw badInput('amount must be greater than zero.', 'amount');
    const purchase = await this.find(req);
    const hash = createHash('sha256')
      .update(JSON.stringify([purchase.id, req.amount?.toString() ?? null]))
      .digest('base64url');
    const claimed = await this.sql.transaction(async (tx) => {
      // The purchase's row lock serialises its refunds: each sees every earlier one.
      await tx.query(`select id from program_purchase where id = $1 for update`, [purchase.id]);
      const [prior] = await tx.query<{ id: string; request_hash: string; amount: string; legs: unknown }>(
        `select id, request_hash, amount::text as amount, legs from program_refund where partner_id = $1 and idempotency_key = $2`,
        [req.partnerId, req.idempotencyKey],
      );
      if (prior) {
        if (prior.request_hash !== hash) throw LedgerErrors.keyReused();
        return { id: prior.id, amount: BigInt(prior.amount), legs: legsFrom(prior.legs), replayed: true };
      }
      const [{ refunded }] = (await tx.query<{ refunded: string }>(
        `select coalesce(sum(amount), 0)::text as refunded from program_refund where purchase_id = $1`,
        [purchase.id],
      )) as [{ refunded: string }];
      const before = BigInt(refunded);
      const refundable = purchase.total - before;
      const amount = req.amount ?? refundable;
      if (amount <= 0n || amount > refundable) throw ProgramsErrors.refundExceeds(refundable);
      const after = before + amount;
      const legs = purchase.legs
        .filter((l) => l.transferId)
        .map((l) => ({
          transferId: l.transferId!,
          partnerId: l.partnerId,
          points: (l.points * after) / purchase.total - (l.points * before) / purchase.total,
        }));
      const id = newId();
      await tx.query(
        `insert into program_refund (id, partner_id, purchase_id, idempotency_key, request_hash, amount, legs) values ($1, $2, $3, $4, $5, $6, $7::jsonb)`,
        [
          id,
          req.partnerId,
          purchase.id,
          req.idempotencyKey,
          hash,
          amount.toString(),
          JSON.stringify(legs.map((l) => ({ ...l, points: l.points.toString() }))),
        ],
      );
      return { id, amount, legs, replayed: false };
    });
    const reversals: Refund['reversals'] = [];
    for (const leg of claimed.legs) {
      if (leg.points === 0n) continue;
      // A co-funded leg is the funder's transfer: reversed in the funder's name, priced as it was issued.
      const outcome = await this.ledger.reversal.reverse({
        partnerId: leg.partnerId,
        transferId: leg.transferId,
        amount: leg.points,
        orderRef: purchase.orderRef,
        idempotencyKey: legKey(claimed.id, leg.transferId),
      });
      reversals.push({ ...outcome, leg });
    }
    return {
      id: claimed.id,
      purchase,
      amount: claimed.amount,
      legs: claimed.legs,
      reversals,
      replayed: claimed.replayed,
    };
  }
}

function legsFrom(v: unknown): RefundLeg[] {
  const legs = (typeof v === 'string' ? JSON.parse(v) : v) as {
    transferId: string;
    partnerId: string;
    points: string;
  }[];
  return legs.map((l) => ({ ...l, points: BigInt(l.points) }));
}
