/** Ledger operations and reads over GraphQL: thin — authorise, resolve the member, delegate. */
import { Audited } from '../../platform/graphql/audited.js';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../platform/graphql/context.js';
import { isHubWide, requirePartner, requirePrincipal, requireRole } from '../../platform/auth/guards.js';
import { appHas } from '../../platform/auth/member-access.js';
import type { MemberRefInput } from '../members/index.js';
import { Role } from '../../platform/auth/principal.js';
import { AppError, forbidden, notFound } from '../../platform/graphql/errors.js';
import { checkId } from '../../platform/graphql/ids.js';
import type { OperationOutcome } from './operations.js';
import { MAX_BATCH_ITEMS } from './earn.service.js';
import { canSeeCurrency, canSeeLedgerRow, requirePointsRead } from './ledger.access.js';
import { checkCustomerId, checkMemberRef } from '../members/index.js';
import { badInput } from '../../platform/graphql/errors.js';
import {
  AuthorizeRedemptionInput,
  CaptureRedemptionInput,
  CreateCurrencyInput,
  EarnBatchResult,
  EarnPointsBatchInput,
  EarnPointsInput,
  ExpirySweepResult,
  InvariantCheckMode,
  InvariantReport,
  LedgerCurrency,
  LedgerTransfer,
  PointsBalance,
  PointsHold,
  PointsOperationResult,
  RedeemPointsInput,
  ReverseTransferInput,
  VoidRedemptionInput,
} from './ledger.types.js';
import { clock } from '../../platform/clock.js';
import { hubCounters } from '../../platform/observability/counters.js';

function toResult(outcome: OperationOutcome, memberId?: string, currency?: string): PointsOperationResult {
  if (outcome.replayed) hubCounters.idempotentReplays++;
  return {
    operationId: outcome.operationId,
    replayed: outcome.replayed,
    transferId: outcome.result.transferId!,
    holdId: outcome.result.holdId,
    memberId,
    currency,
  };
}

/**
 * Who redeems: a partner (points:write) for its linked member, or a partner app the member granted
 * points:redeem, for that member only, at the app's own partner.
 */
async function redeemingCaller(ctx: HubContext, ref: MemberRefInput): Promise<{ partnerId: string; memberId: string }> {
  const principal = requirePrincipal(ctx.principal);
  if (principal.role === Role.MEMBER) {
    if (!appHas(principal, 'points:redeem')) throw forbidden("this operation without the member's points:redeem grant");
    const memberId = await ctx.services.members.resolveForPartner(principal.partnerId!, ref);
    if (memberId !== principal.memberId) throw forbidden("redeeming another member's points");
    return { partnerId: principal.partnerId!, memberId };
  }
  const partnerId = requirePartner(principal, 'points:write');
  return { partnerId, memberId: await ctx.services.members.resolveForPartner(partnerId, ref) };
}

export async function loadVisibleTransfer(ctx: HubContext, id: string): Promise<LedgerTransfer> {
  const principal = requirePrincipal(ctx.principal);
  const transfer = await ctx.loaders.transfer.load(checkId(id, 'Transfer'));
  // Someone else's transfer is reported exactly like a missing one.
  if (!transfer || !canSeeLedgerRow(principal, transfer)) throw notFound('Transfer');
  return transfer;
}

@Resolver()
export class LedgerResolver {
  @Mutation(() => PointsOperationResult, {
    description: "Credit a member's wallet from the partner's issuance: points the partner puts into circulation.",
  })
  async earnPoints(
    @Arg('input', () => EarnPointsInput) input: EarnPointsInput,
    @Ctx() ctx: HubContext,
  ): Promise<PointsOperationResult> {
    const partnerId = requirePartner(ctx.principal, 'points:write');
    if (input.member.customerId != null && input.member.memberId == null) {
      // By the partner's customer id: resolved inside the earn's own lock statement (no round trip of its own).
      const customerId = checkCustomerId(input.member.customerId);
      const { memberId, ...outcome } = await ctx.services.ledger.earning.earnForCustomer({
        partnerId,
        customerId,
        ...input,
      });
      return toResult(outcome, memberId, input.currency ?? 'PTS');
    }
    const memberId = await ctx.services.members.resolveForPartner(partnerId, input.member);
    const outcome = await ctx.services.ledger.earning.earn({ partnerId, memberId, ...input });
    return toResult(outcome, memberId, input.currency ?? 'PTS');
  }

  @Mutation(() => EarnBatchResult, {
    description: `Up to ${MAX_BATCH_ITEMS} earns in one call; each item has its own key and its own result.`,
  })
  async earnPointsBatch(
    @Arg('input', () => EarnPointsBatchInput) input: EarnPointsBatchInput,
    @Ctx() ctx: HubContext,
  ): Promise<EarnBatchResult> {
    const partnerId = requirePartner(ctx.principal, 'points:write');
    if (input.items.length === 0 || input.items.length > MAX_BATCH_ITEMS)
      throw badInput(`items must hold 1 to ${MAX_BATCH_ITEMS} earns.`, 'items');
    const results = await ctx.services.ledger.earning.earnBatch(
      partnerId,
      input.items.map((item) => {
        const member = checkMemberRef(item.member);
        return member instanceof AppError ? member : { ...item, member };
      }),
    );
    const items = results.map((r, index) => {
      const item = input.items[index]!;
      return r.ok
        ? {
            index,
            idempotencyKey: item.idempotencyKey,
            result: toResult(r.outcome, r.memberId, item.currency ?? 'PTS'),
            error: null,
          }
        : {
            index,
            idempotencyKey: item.idempotencyKey,
            result: null,
            error: { code: r.error.code, message: r.error.message },
          };
    });
    const succeeded = items.filter((i) => i.result).length;
    return { succeeded, failed: items.length - succeeded, items };
  }

  @Mutation(() => PointsOperationResult, {
    description:
      'Spend points at the partner in one step (wallet → partner redemption): by the partner, or by its app for the signed-in member who granted it points:redeem.',
  })
  async redeemPoints(
    @Arg('input', () => RedeemPointsInput) input: RedeemPointsInput,
    @Ctx() ctx: HubContext,
  ): Promise<PointsOperationResult> {
    const { partnerId, memberId } = await redeemingCaller(ctx, input.member);
    return toResult(
      await ctx.services.ledger.redemption.redeem({ partnerId, memberId, ...input }),
      memberId,
      input.currency ?? 'PTS',
    );
  }

  @Mutation(() => PointsOperationResult, {
    description: 'Reserve points for a redemption; capture or void the hold later.',
  })
  async authorizeRedemption(
    @Arg('input', () => AuthorizeRedemptionInput) input: AuthorizeRedemptionInput,
    @Ctx() ctx: HubContext,
  ): Promise<PointsOperationResult> {
    const partnerId = requirePartner(ctx.principal, 'points:write');
    const memberId = await ctx.services.members.resolveForPartner(partnerId, input.member);
    return toResult(
      await ctx.services.ledger.redemption.authorize({ partnerId, memberId, ...input }),
      memberId,
      input.currency ?? 'PTS',
    );
  }

  @Mutation(() => PointsOperationResult, {
    description: 'Capture all or part of a hold; the rest returns to the member.',
  })
  async captureRedemption(
    @Arg('input', () => CaptureRedemptionInput) input: CaptureRedemptionInput,
    @Ctx() ctx: HubContext,
  ): Promise<PointsOperationResult> {
    const partnerId = requirePartner(ctx.principal, 'points:write');
    checkId(input.holdId, 'Hold');
    return toResult(await ctx.services.ledger.redemption.capture({ partnerId, ...input }));
  }

  @Mutation(() => PointsOperationResult, { description: 'Cancel a hold; all its points return to the member.' })
  async voidRedemption(
    @Arg('input', () => VoidRedemptionInput) input: VoidRedemptionInput,
    @Ctx() ctx: HubContext,
  ): Promise<PointsOperationResult> {
    const partnerId = requirePartner(ctx.principal, 'points:write');
    checkId(input.holdId, 'Hold');
    return toResult(await ctx.services.ledger.redemption.void({ partnerId, ...input }));
  }

  @Mutation(() => PointsOperationResult, {
    description: 'Refund all or part of an earn or a redemption of this partner.',
  })
  async reverseTransfer(
    @Arg('input', () => ReverseTransferInput) input: ReverseTransferInput,
    @Ctx() ctx: HubContext,
  ): Promise<PointsOperationResult> {
    const partnerId = requirePartner(ctx.principal, 'points:write');
    return toResult(await ctx.services.ledger.reversal.reverse({ partnerId, ...input }));
  }

  @Audited()
  @Mutation(() => LedgerCurrency, { description: 'Create a partner-branded currency (operator).' })
  async createCurrency(
    @Arg('input', () => CreateCurrencyInput) input: CreateCurrencyInput,
    @Ctx() ctx: HubContext,
  ): Promise<LedgerCurrency> {
    requireRole(ctx.principal, Role.OPERATOR);
    checkId(input.issuerPartnerId, 'Partner');
    return ctx.services.ledger.currencies.create({ ...input, scale: input.scale ?? 0 });
  }

  @Mutation(() => ExpirySweepResult, {
    description: 'Release expired holds and expire lots now, instead of waiting for the scheduled sweep (operator).',
  })
  async runLedgerExpiry(@Ctx() ctx: HubContext): Promise<ExpirySweepResult> {
    requireRole(ctx.principal, Role.OPERATOR);
    return ctx.services.ledger.expiry.sweep();
  }

  @Query(() => LedgerTransfer)
  transfer(@Arg('id', () => ID) id: string, @Ctx() ctx: HubContext): Promise<LedgerTransfer> {
    requirePointsRead(requirePrincipal(ctx.principal), 'history');
    return loadVisibleTransfer(ctx, id);
  }

  @Query(() => PointsHold)
  async hold(@Arg('id', () => ID) id: string, @Ctx() ctx: HubContext): Promise<PointsHold> {
    const principal = requirePrincipal(ctx.principal);
    requirePointsRead(principal, 'history');
    const hold = await ctx.loaders.hold.load(checkId(id, 'Hold'));
    if (!hold || !canSeeLedgerRow(principal, hold)) throw notFound('Hold');
    return hold;
  }

  @Query(() => [LedgerCurrency])
  async currencies(@Ctx() ctx: HubContext): Promise<LedgerCurrency[]> {
    requirePrincipal(ctx.principal);
    return ctx.services.ledger.currencies.list();
  }

  @Query(() => InvariantReport, {
    description:
      'Check the ledger invariants now (operator and hub-wide finance): by default what changed since the last clean check (INCREMENTAL), or everything (FULL).',
  })
  async ledgerInvariants(
    @Arg('mode', () => InvariantCheckMode, { nullable: true, defaultValue: InvariantCheckMode.INCREMENTAL })
    mode: InvariantCheckMode | null,
    @Ctx() ctx: HubContext,
  ): Promise<InvariantReport> {
    const principal = requireRole(ctx.principal, Role.OPERATOR, Role.FINANCE);
    if (!isHubWide(principal)) throw forbidden('checking ledger invariants');
    if (mode === InvariantCheckMode.FULL) {
      const violations = await ctx.services.ledger.checkInvariants();
      return { ok: violations.length === 0, mode: InvariantCheckMode.FULL, checkedAt: clock.now(), violations };
    }
    const report = await ctx.services.ledger.checkIncrementally();
    return {
      ok: report.violations.length === 0,
      mode: report.full ? InvariantCheckMode.FULL : InvariantCheckMode.INCREMENTAL,
      transfersChecked: report.full ? null : report.transfersChecked,
      accountsChecked: report.full ? null : report.accountsChecked,
      checkedAt: clock.now(),
      violations: report.violations,
    };
  }
}

@Resolver(() => PointsOperationResult)
export class PointsOperationResultResolver {
  @FieldResolver(() => LedgerTransfer, { description: 'The main transfer of the operation.' })
  transfer(@Root() result: PointsOperationResult, @Ctx() ctx: HubContext): Promise<LedgerTransfer> {
    return loadVisibleTransfer(ctx, result.transferId);
  }

  @FieldResolver(() => [LedgerTransfer], {
    description: 'Every transfer of the operation (e.g. an earn that also pays back owed points).',
  })
  async transfers(@Root() result: PointsOperationResult, @Ctx() ctx: HubContext): Promise<LedgerTransfer[]> {
    const principal = requirePrincipal(ctx.principal);
    return (await ctx.loaders.transfersByOperation.load(result.operationId)).filter((t) =>
      canSeeLedgerRow(principal, t),
    );
  }

  @FieldResolver(() => PointsHold, { nullable: true })
  async hold(@Root() result: PointsOperationResult, @Ctx() ctx: HubContext): Promise<PointsHold | null> {
    return result.holdId ? ((await ctx.loaders.hold.load(result.holdId)) ?? null) : null;
  }

  @FieldResolver(() => PointsBalance, {
    nullable: true,
    description: "The member's balance in the operation's currency, as it is now.",
  })
  async balance(@Root() result: PointsOperationResult, @Ctx() ctx: HubContext): Promise<PointsBalance | null> {
    const principal = requirePrincipal(ctx.principal);
    let { memberId, currency } = result;
    if (!memberId || !currency) {
      const transfer = await loadVisibleTransfer(ctx, result.transferId);
      memberId = transfer.memberId ?? undefined;
      currency = transfer.currency;
    }
    if (!memberId || !(await canSeeCurrency(ctx, principal, currency))) return null;
    const balances = await ctx.loaders.balances.load(memberId);
    return balances.find((b) => b.currency === currency) ?? { currency, available: 0n, held: 0n, owed: 0n };
  }
}
