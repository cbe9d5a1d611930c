/** Programs over GraphQL: thin — authorise, resolve the member, delegate. */
import { Audited } from '../../platform/graphql/audited.js';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { HubContext } from '../../platform/graphql/context.js';
import { requirePartner, requirePrincipal } from '../../platform/auth/guards.js';
import { Role } from '../../platform/auth/principal.js';
import { forbidden } from '../../platform/graphql/errors.js';
import { checkId } from '../../platform/graphql/ids.js';
import { clock } from '../../platform/clock.js';
import { toString } from '../../platform/decimal.js';
import { checkOrderRef } from '../ledger/index.js';
import { campaignNotFound, canSeeCampaign, programReader, programWriter } from './programs.access.js';
import { statusAt } from './program.store.js';
import { legsOf } from './evaluate.js';
import { CampaignStatus, type Campaign as CampaignModel, type RuleSetVersion } from './programs.model.js';
import type { Purchase as PurchaseModel } from './purchase.service.js';
import {
  Campaign,
  CampaignFunderCost,
  CreateCampaignInput,
  EarnRuleSet,
  Purchase,
  PurchaseEvaluation,
  PurchaseInput,
  PurchaseRefund,
  RecordPurchaseInput,
  RecordPurchaseResult,
  RefundPurchaseInput,
  SetEarnRulesInput,
} from './programs.types.js';

const ruleSetOut = (v: RuleSetVersion): EarnRuleSet => ({ ...v, rules: JSON.stringify(v.source) });

const campaignOut = (c: CampaignModel): Campaign => ({
  ...c,
  definition: JSON.stringify(c.source),
  funders: c.funders.map((f) => ({ partnerId: f.partnerId, share: toString(f.share) })),
  status: statusAt(c, clock.now()),
});

const purchaseOut = (p: PurchaseModel): Purchase => ({
  ...p,
  ruleSetVersion: p.breakdown.ruleSetVersion,
  breakdown: p.breakdown.lines,
});

/** The caller recording a purchase (points:write) and the member, which must be linked to it. */
async function purchaser(ctx: HubContext, input: PurchaseInput) {
  const partnerId = requirePartner(ctx.principal, 'points:write');
  const memberId = await ctx.services.members.resolveForPartner(partnerId, input.member);
  return {
    partnerId,
    memberId,
    total: input.total,
    currency: input.currency,
    channel: input.channel,
    storeId: input.storeId,
    lines: input.lines,
    occurredAt: input.occurredAt,
    orderRef: checkOrderRef(input.orderRef),
  };
}

@Resolver()
export class ProgramsResolver {
  @Audited()
  @Mutation(() => EarnRuleSet, {
    description:
      "Add a version of a partner's earn rules (a partner its own; the operator any). Never edits, never backdates.",
  })
  async setEarnRules(
    @Arg('input', () => SetEarnRulesInput) input: SetEarnRulesInput,
    @Ctx() ctx: HubContext,
  ): Promise<EarnRuleSet> {
    const partnerId = programWriter(ctx.principal, input.partnerId);
    return ruleSetOut(await ctx.services.programs.rules.set(partnerId, input.rules, input.effectiveFrom));
  }

  @Query(() => [EarnRuleSet], { description: "Every version of a partner's earn rules, newest first." })
  async earnRuleSets(
    @Arg('partnerId', () => ID, { nullable: true }) partnerId: string | null,
    @Ctx() ctx: HubContext,
  ): Promise<EarnRuleSet[]> {
    const owner = programReader(ctx.principal, partnerId);
    return (await ctx.services.programs.rules.versions(owner)).map(ruleSetOut);
  }

  @Audited()
  @Mutation(() => Campaign, {
    description: "Create a campaign. A partner creates campaigns it funds alone; co-funded ones are the operator's.",
  })
  async createCampaign(
    @Arg('input', () => CreateCampaignInput) input: CreateCampaignInput,
    @Ctx() ctx: HubContext,
  ): Promise<Campaign> {
    const partnerId = programWriter(ctx.principal, input.partnerId);
    const p = requirePrincipal(ctx.principal);
    // A partner never commits another partner's money: funding by others is arranged by the operator.
    if (p.role !== Role.OPERATOR && input.funders?.some((f) => f.partnerId !== partnerId))
      throw forbidden('naming another partner as a funder');
    for (const f of input.funders ?? []) checkId(f.partnerId, 'Partner');
    const campaign = await ctx.services.programs.campaigns.create({ ...input, partnerId });
    return campaignOut(campaign);
  }

  @Query(() => [Campaign], { description: "A partner's campaigns, oldest first." })
  async campaigns(
    @Arg('partnerId', () => ID, { nullable: true }) partnerId: string | null,
    @Ctx() ctx: HubContext,
  ): Promise<Campaign[]> {
    const owner = programReader(ctx.principal, partnerId);
    return (await ctx.services.programs.campaigns.list(owner)).map(campaignOut);
  }

  @Audited()
  @Mutation(() => Campaign, { description: 'Pause a campaign now (its host partner or the operator).' })
  pauseCampaign(@Arg('id', () => ID) id: string, @Ctx() ctx: HubContext): Promise<Campaign> {
    return this.setStatus(ctx, id, CampaignStatus.PAUSED);
  }

  @Audited()
  @Mutation(() => Campaign, { description: 'Resume a paused campaign now.' })
  resumeCampaign(@Arg('id', () => ID) id: string, @Ctx() ctx: HubContext): Promise<Campaign> {
    return this.setStatus(ctx, id, CampaignStatus.ACTIVE);
  }

  @Audited()
  @Mutation(() => Campaign, { description: 'End a campaign now, for good.' })
  endCampaign(@Arg('id', () => ID) id: string, @Ctx() ctx: HubContext): Promise<Campaign> {
    return this.setStatus(ctx, id, CampaignStatus.ENDED);
  }

  private async setStatus(ctx: HubContext, id: string, status: CampaignStatus): Promise<Campaign> {
    const p = requirePrincipal(ctx.principal);
    if (p.role !== Role.OPERATOR && p.role !== Role.PARTNER) throw forbidden('changing a campaign');
    const campaign = await ctx.services.programs.campaigns.get(checkId(id, 'Campaign'));
    if (!campaign || (p.role !== Role.OPERATOR && !(p.role === Role.PARTNER && campaign.partnerId === p.partnerId)))
      throw campaignNotFound();
    programWriter(ctx.principal, campaign.partnerId);
    return campaignOut(await ctx.services.programs.campaigns.setStatus(campaign, status));
  }

  @Query(() => [CampaignFunderCost], {
    description: "What a campaign's awards cost each funder so far, in points (finance, the operator, the host).",
  })
  async campaignCost(@Arg('id', () => ID) id: string, @Ctx() ctx: HubContext): Promise<CampaignFunderCost[]> {
    const p = requirePrincipal(ctx.principal);
    if (p.role === Role.MEMBER) throw forbidden('reading programs');
    if (p.role === Role.PARTNER && !p.scopes.has('points:read'))
      throw forbidden('this operation without the points:read scope');
    const campaign = await ctx.services.programs.campaigns.get(checkId(id, 'Campaign'));
    if (!campaign || !canSeeCampaign(p, campaign)) throw campaignNotFound();
    return ctx.services.programs.campaigns.costByFunder(campaign.id);
  }

  @Query(() => PurchaseEvaluation, {
    description: 'What a purchase would earn, with its breakdown, without posting anything (budgets are not drawn).',
  })
  async simulatePurchase(
    @Arg('input', () => PurchaseInput) input: PurchaseInput,
    @Ctx() ctx: HubContext,
  ): Promise<PurchaseEvaluation> {
    const { breakdown } = await ctx.services.programs.purchases.simulate(await purchaser(ctx, input));
    return {
      ruleSetVersion: breakdown.ruleSetVersion,
      breakdown: breakdown.lines,
      legs: legsOf(breakdown.lines).map((l) => ({
        currency: l.currency,
        partnerId: l.issuerPartnerId,
        points: l.amount,
        transferId: null,
      })),
    };
  }

  @Mutation(() => RecordPurchaseResult, {
    description:
      "Report a purchase: the hub evaluates the partner's rules and campaigns as they stood at occurredAt and posts ONE ledger operation.",
  })
  async recordPurchase(
    @Arg('input', () => RecordPurchaseInput) input: RecordPurchaseInput,
    @Ctx() ctx: HubContext,
  ): Promise<RecordPurchaseResult> {
    const req = { ...(await purchaser(ctx, input)), idempotencyKey: input.idempotencyKey };
    const { purchase, replayed } = await ctx.services.programs.purchases.record(req);
    return { purchase: purchaseOut(purchase), replayed };
  }

  @Mutation(() => PurchaseRefund, {
    description: 'Refund a purchase in full or in part: its points are taken back in proportion, through reversals.',
  })
  async refundPurchase(
    @Arg('input', () => RefundPurchaseInput) input: RefundPurchaseInput,
    @Ctx() ctx: HubContext,
  ): Promise<PurchaseRefund> {
    const partnerId = requirePartner(ctx.principal, 'points:write');
    if (input.purchaseId != null) checkId(input.purchaseId, 'Purchase');
    const refund = await ctx.services.programs.refunds.refund({
      partnerId,
      ...input,
      orderRef: input.orderRef == null ? null : checkOrderRef(input.orderRef),
    });
    return {
      id: refund.id,
      purchaseId: refund.purchase.id,
      amount: refund.amount,
      replayed: refund.replayed,
      reversals: refund.reversals.map((r) => ({
        transferId: r.leg.transferId,
        partnerId: r.leg.partnerId,
        points: r.leg.points,
        operationId: r.operationId,
        reversalTransferId: r.result.transferId!,
      })),
    };
  }
}
