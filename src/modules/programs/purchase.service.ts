/**
 * Purchases in, points out. `simulate` evaluates without writing; `record` evaluates and posts ONE ledger
 * operation (a multi-leg earn: a leg per currency and funder) carrying the purchase row, its breakdown and
 * the campaign budget draws in the same transaction. See README.md for the guarantees.
 */
import type { EventContributor, EventDraft, Outbox } from '../outbox/index.js';
import { createHash } from 'node:crypto';
import type { Sql, SqlClient } from '../../platform/db/sql.js';
import { newId } from '../../platform/ids.js';
import { clock } from '../../platform/clock.js';
import { badInput } from '../../platform/graphql/errors.js';
import { toDate } from '../../platform/db/values.js';
import type { LedgerService } from '../ledger/index.js';
import type { MembersServices } from '../members/index.js';
import type { SettlementService } from '../settlement/index.js';
import { ProgramsErrors } from './programs.exception.js';
import { awardLines, evaluate, legsOf, splitAward, type CampaignAward } from './evaluate.js';
import { campaignsAt, versionAt, type ProgramStore } from './program.store.js';
import { memberFacts } from './member-facts.js';
import { addCapUsage, applyCaps, capUsage, capWindows, type CapWindow } from './caps.js';
import type { Breakdown, BreakdownLine, PurchaseInput, PurchaseLine } from './programs.model.js';

const ISO_4217 = new Set(Intl.supportedValuesOf('currency'));
const MAX_TOTAL = 10n ** 15n;
const MAX_LINES = 200;
const MAX_QUANTITY = 1_000_000n;
/** A purchase may be reported a little ahead of the hub's clock (the till's clock skew), never more. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;
const LABEL = /^[A-Za-z0-9._:/-]{1,64}$/;

export interface PurchaseRequest {
  partnerId: string;
  memberId: string;
  total: bigint;
  currency: string;
  channel?: string | null;
  storeId?: string | null;
  lines?: readonly { sku?: string | null; category?: string | null; quantity: bigint; unitPrice: bigint }[] | null;
  occurredAt?: Date | null;
  orderRef?: string | null;
}

export interface Leg {
  currency: string;
  partnerId: string;
  points: bigint;
  transferId: string | null;
}

export interface Purchase {
  id: string;
  partnerId: string;
  memberId: string;
  operationId: string;
  orderRef: string | null;
  currency: string;
  total: bigint;
  occurredAt: Date;
  breakdown: Breakdown;
  legs: Leg[];
}

function label(v: string | null | undefined, field: string): string | null {
  if (v == null) return null;
  if (!LABEL.test(v)) throw badInput(`${field} must be 1 to 64 letters, digits or . _ : / -`, field);
  return v;
}

/** Checks a purchase; the rule the line items follow: Σ quantity × unitPrice = total, exactly. */
export function checkPurchase(req: PurchaseRequest): PurchaseInput {
  if (req.total < 0n || req.total > MAX_TOTAL)
    throw badInput(`total must be 0 to ${MAX_TOTAL} (minor units).`, 'total');
  if (!ISO_4217.has(req.currency)) throw ProgramsErrors.unknownCurrency(req.currency);
  const lines: PurchaseLine[] = (req.lines ?? []).map((l, i) => {
    if (l.quantity < 1n || l.quantity > MAX_QUANTITY)
      throw badInput(`quantity must be 1 to ${MAX_QUANTITY}.`, `lines[${i}].quantity`);
    if (l.unitPrice < 0n || l.unitPrice > MAX_TOTAL)
      throw badInput(`unitPrice must be 0 to ${MAX_TOTAL} (minor units).`, `lines[${i}].unitPrice`);
    return {
      sku: label(l.sku, `lines[${i}].sku`),
      category: label(l.category, `lines[${i}].category`),
      quantity: l.quantity,
      unitPrice: l.unitPrice,
    };
  });
  if (lines.length > MAX_LINES) throw badInput(`at most ${MAX_LINES} line items.`, 'lines');
  if (lines.length > 0) {
    const sum = lines.reduce((s, l) => s + l.quantity * l.unitPrice, 0n);
    if (sum !== req.total) throw ProgramsErrors.linesMismatch(sum, req.total);
  }
  const now = clock.nowMs();
  if (
    req.occurredAt &&
    (Number.isNaN(req.occurredAt.getTime()) || req.occurredAt.getTime() > now + FUTURE_TOLERANCE_MS)
  )
    throw badInput('occurredAt must not be in the future.', 'occurredAt');
  return {
    total: req.total,
    currency: req.currency,
    channel: label(req.channel, 'channel'),
    storeId: label(req.storeId, 'storeId'),
    lines,
    occurredAt: req.occurredAt ?? clock.now(),
  };
}

/**
 * The fingerprint of a purchase (idempotency): every field the partner sent (an absent occurredAt is "now",
 * which a retry cannot repeat: it is fingerprinted as absent).
 */
function purchaseHash(
  memberId: string,
  p: PurchaseInput,
  sentAt: Date | null | undefined,
  orderRef: string | null,
): string {
  const text = JSON.stringify([
    memberId,
    p.total.toString(),
    p.currency,
    p.channel,
    p.storeId,
    sentAt ? p.occurredAt.toISOString() : null,
    orderRef,
    p.lines.map((l) => [l.sku, l.category, l.quantity.toString(), l.unitPrice.toString()]),
  ]);
  return createHash('sha256').update(`PURCHASE\0${text}`).digest('base64url');
}

const lineJson = (l: BreakdownLine) => ({ ...l, points: l.points.toString() });
const lineFrom = (l: Record<string, unknown>): BreakdownLine => ({
  ...(l as unknown as BreakdownLine),
  points: BigInt(l.points as string),
});

export function purchaseFrom(r: Record<string, unknown>): Purchase {
  const breakdown = (typeof r.breakdown === 'string' ? JSON.parse(r.breakdown) : r.breakdown) as {
    ruleSetVersion: number | null;
    lines: Record<string, unknown>[];
  };
  const legs = (typeof r.legs === 'string' ? JSON.parse(r.legs) : r.legs) as Record<string, string | null>[];
  return {
    id: r.id as string,
    partnerId: r.partner_id as string,
    memberId: r.member_id as string,
    operationId: r.operation_id as string,
    orderRef: (r.order_ref as string | null) ?? null,
    currency: r.currency as string,
    total: BigInt(r.total as string),
    occurredAt: toDate(r.occurred_at),
    breakdown: { ruleSetVersion: breakdown.ruleSetVersion, lines: breakdown.lines.map(lineFrom) },
    legs: legs.map((l) => ({
      currency: l.currency!,
      partnerId: l.partnerId!,
      points: BigInt(l.points!),
      transferId: l.transferId ?? null,
    })),
  };
}

export const PURCHASE_COLUMNS = `id, partner_id, member_id, operation_id, order_ref, currency, total::text as total, occurred_at, breakdown, legs`;

/** The purchase row and its campaign awards, in one statement. */
/**
 * The purchase row, its campaign awards and its `purchase.recorded` event (the outbox's part, parameters $14 on):
 * one statement, so the event costs no statement of its own.
 */
const insertSql = (event: EventContributor<EventDraft>) => `with ${event.ctes((i) => `$${14 + i}`)}, p as (
    insert into program_purchase (id, partner_id, member_id, operation_id, order_ref, currency, total, occurred_at, breakdown, legs)
    values ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb) returning id)
  insert into program_campaign_award (campaign_id, purchase_id, points, shares)
  select w.id, p.id, w.points, w.shares::jsonb from p, unnest($11::uuid[], $12::bigint[], $13::text[]) w(id, points, shares)`;

/** Awards a budget could not cover: a line of zero that says so. */
function refusedLines(awards: readonly CampaignAward[], granted: readonly CampaignAward[]): BreakdownLine[] {
  return awards
    .filter((a) => !granted.includes(a))
    .map((a) => ({
      source: 'CAMPAIGN' as const,
      ref: a.campaign.id,
      kind: a.campaign.definition.reward.kind,
      currency: 'PTS',
      points: 0n,
      funderPartnerId: a.campaign.funders[0]!.partnerId,
      explanation: `${a.campaign.name}: its budget cannot cover ${a.points} any more, none awarded`,
    }));
}

/** Draws budgeted awards, all or nothing each, under the budget rows' locks: the campaign ids that fit. */
const DRAW_SQL = `update program_campaign_budget b set remaining = b.remaining - w.points
                    from unnest($1::uuid[], $2::bigint[]) w(id, points)
                   where b.campaign_id = w.id and b.remaining >= w.points
               returning b.campaign_id`;

export class PurchaseService {
  constructor(
    private readonly sql: Sql,
    private readonly store: ProgramStore,
    private readonly ledger: LedgerService,
    private readonly members: MembersServices,
    private readonly settlement: SettlementService,
    outbox: Outbox,
  ) {
    this.event = outbox.contributor<EventDraft>('programs: purchase.recorded', 'ev', (events) => events);
    this.insertSql = insertSql(this.event);
  }

  private readonly event: EventContributor<EventDraft>;
  private readonly insertSql: string;

  /**
   * Every transfer a purchase's operation posted: its legs' EARN transfers and, before them in the same
   * operation, any RECEIVABLE_SETTLEMENT that paid back points the member owed (as every earn does).
   */
  async transferIds(operationId: string): Promise<string[]> {
    const rows = await this.sql.query<{ id: string }>(
      `select id::text from transfer where operation_id = $1 order by id`,
      [operationId],
    );
    return rows.map((r) => r.id);
  }

  /** The breakdown of a purchase as the rules and campaigns stood at its occurredAt (budgets not drawn). */
  async simulate(
    req: PurchaseRequest,
  ): Promise<{ input: PurchaseInput; breakdown: Breakdown; awards: CampaignAward[]; capWindows: CapWindow[] }> {
    const input = checkPurchase(req);
    const program = await this.store.program(req.partnerId);
    const ruleSet = versionAt(program, input.occurredAt);
    const facts = await memberFacts(
      this.sql,
      this.members,
      program.memberVars,
      req.partnerId,
      req.memberId,
      input.occurredAt,
    );
    const needsPrice = ruleSet?.ruleSet.rules.some(
      (r) => r.kind === 'CASHBACK' && r.currency === 'PTS' && !r.unitPrice,
    );
    const { breakdown, awards } = evaluate({
      partnerId: req.partnerId,
      purchase: input,
      facts,
      ruleSet,
      campaigns: campaignsAt(program, input.occurredAt, facts.tier),
      ptsMinorPrice: needsPrice ? await this.ptsMinorPrice(req.partnerId, input) : null,
    });
    // Caps as the member's windows stand now (a simulation reads them; a purchase re-reads them under lock).
    const caps = ruleSet?.ruleSet.caps;
    const windows = caps ? capWindows(caps, input.occurredAt) : [];
    const { capLine } = applyCaps(
      breakdown.lines,
      req.partnerId,
      windows,
      await capUsage(this.sql, req.partnerId, req.memberId, windows, false),
    );
    const lines = [...breakdown.lines, ...(capLine ? [capLine] : []), ...awardLines(awards)];
    return { input, breakdown: { ...breakdown, lines }, awards, capWindows: windows };
  }

  /** The partner's issue price per PTS in minor units of the purchase currency (its contract in force then). */
  private async ptsMinorPrice(partnerId: string, p: PurchaseInput) {
    const contract = await this.settlement.contracts.inEffect(partnerId, p.occurredAt);
    if (!contract || contract.settlementCurrency !== p.currency) return null;
    return { units: contract.issuePrice.units * 10n ** BigInt(contract.fiatScale), scale: contract.issuePrice.scale };
  }

  async record(req: PurchaseRequest & { idempotencyKey: string }): Promise<{ purchase: Purchase; replayed: boolean }> {
    const orderRef = req.orderRef ?? null;
    const { input, breakdown, awards, capWindows: windows } = await this.simulate(req);
    const uncapped = breakdown.lines.filter((l) => l.source === 'RULE' && l.kind !== 'CAP');
    const planned = legsOf(breakdown.lines);
    const purchaseId = newId();
    // What this request recorded (a replay records nothing: its purchase is read back).
    let recorded: Purchase | undefined;
    const outcome = await this.ledger.multiEarn.earn({
      partnerId: req.partnerId,
      memberId: req.memberId,
      orderRef,
      idempotencyKey: req.idempotencyKey,
      kind: 'PURCHASE',
      hash: purchaseHash(req.memberId, input, req.occurredAt, orderRef),
      result: { purchaseId },
      legs: planned.map((l) => ({ currency: l.currency, issuerPartnerId: l.issuerPartnerId, amount: l.amount })),
      decide: async (tx, legs, ids) => {
        const granted = await this.drawBudgets(tx, awards);
        const ruleLines = await this.capRuleLines(tx, req, uncapped, windows);
        const lines = [...ruleLines, ...awardLines(granted), ...refusedLines(awards, granted)];
        const final = legsOf(lines);
        const amounts = legs.map(
          (leg) =>
            final.find((f) => f.currency === leg.currency && f.issuerPartnerId === leg.issuerPartnerId)?.amount ?? 0n,
        );
        const stored: Leg[] = legs.map((leg, i) => ({
          currency: leg.currency,
          partnerId: leg.issuerPartnerId,
          points: amounts[i]!,
          transferId: amounts[i]! > 0n ? ids.transferIds[i]! : null,
        }));
        recorded = {
          id: purchaseId,
          partnerId: req.partnerId,
          memberId: req.memberId,
          operationId: ids.operationId,
          orderRef,
          currency: input.currency,
          total: input.total,
          occurredAt: input.occurredAt,
          breakdown: { ruleSetVersion: breakdown.ruleSetVersion, lines },
          legs: stored.filter((l) => l.points > 0n),
        };
        const event: EventDraft = {
          type: 'purchase.recorded',
          partnerId: req.partnerId,
          memberId: req.memberId,
          payload: {
            purchaseId,
            operationId: ids.operationId,
            ...(orderRef ? { orderRef } : {}),
            currency: input.currency,
            total: input.total.toString(),
            legs: recorded.legs.map((l) => ({
              currency: l.currency,
              partnerId: l.partnerId,
              points: l.points.toString(),
            })),
          },
        };
        await tx.query(this.insertSql, [
          purchaseId,
          req.partnerId,
          req.memberId,
          ids.operationId,
          orderRef,
          input.currency,
          input.total.toString(),
          input.occurredAt,
          JSON.stringify({ ruleSetVersion: breakdown.ruleSetVersion, lines: lines.map(lineJson) }),
          JSON.stringify(stored.filter((l) => l.points > 0n).map((l) => ({ ...l, points: l.points.toString() }))),
          granted.map((a) => a.campaign.id),
          granted.map((a) => a.points.toString()),
          granted.map((a) =>
            JSON.stringify(
              Object.fromEntries(
                splitAward(a.points, a.campaign.funders).map((p, i) => [
                  a.campaign.funders[i]!.partnerId,
                  p.toString(),
                ]),
              ),
            ),
          ),
          ...this.event.params([event]),
        ]);
        return amounts;
      },
    });
    if (!outcome.replayed && recorded) return { purchase: recorded, replayed: false };
    const [row] = await this.sql.query<Record<string, unknown>>(
      `select ${PURCHASE_COLUMNS} from program_purchase where id = $1`,
      [outcome.result.purchaseId],
    );
    return { purchase: purchaseFrom(row!), replayed: outcome.replayed };
  }

  /** The rule lines with the caps applied under the usage rows' locks, and the usage recorded. */
  private async capRuleLines(
    tx: SqlClient,
    req: PurchaseRequest,
    uncapped: BreakdownLine[],
    windows: CapWindow[],
  ): Promise<BreakdownLine[]> {
    if (windows.length === 0) return uncapped;
    const used = await capUsage(tx, req.partnerId, req.memberId, windows, true);
    const { capLine, granted } = applyCaps(uncapped, req.partnerId, windows, used);
    await addCapUsage(tx, req.partnerId, req.memberId, windows, granted);
    return capLine ? [...uncapped, capLine] : uncapped;
  }

  /** Budgeted campaigns' awards are drawn all or nothing (one statement); unbudgeted ones always pass. */
  private async drawBudgets(tx: SqlClient, awards: readonly CampaignAward[]): Promise<CampaignAward[]> {
    const budgeted = awards.filter((a) => a.campaign.budget != null);
    if (budgeted.length === 0) return [...awards];
    const rows = await tx.query<{ campaign_id: string }>(DRAW_SQL, [
      budgeted.map((a) => a.campaign.id),
      budgeted.map((a) => a.points.toString()),
    ]);
    const fit = new Set(rows.map((r) => r.campaign_id));
    return awards.filter((a) => a.campaign.budget == null || fit.has(a.campaign.id));
  }
}
