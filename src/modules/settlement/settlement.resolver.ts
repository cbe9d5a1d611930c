/** Settlement over GraphQL: contracts and fees (operator), statements, payments, reconciliation and flows (finance). */
import { Audited } from '../../platform/graphql/audited.js';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../platform/graphql/context.js';
import { isHubWide, requireRole } from '../../platform/auth/guards.js';
import { Role } from '../../platform/auth/principal.js';
import { badInput } from '../../platform/graphql/errors.js';
import { checkId } from '../../platform/graphql/ids.js';
import { sub, toFixed, toString } from '../../platform/decimal.js';
import type { ContractRow, Statement } from './settlement.model.js';
import { requireFinance, requireSettlementReader } from './settlement.access.js';
import {
  InterPartnerFlow,
  PartnerBudget,
  PartnerContract,
  ReconciliationReport,
  RecordSettlementFeeInput,
  SettlementFee,
  SetPartnerContractInput,
  SettlementStatement,
  StatementRefInput,
  StatementReconciliation,
} from './settlement.types.js';
import { hasControlCharacter } from '../../platform/text.js';

export const contractOut = (c: ContractRow): PartnerContract => ({
  ...c,
  issuePrice: toString(c.issuePrice),
  redemptionPrice: toString(c.redemptionPrice),
  creditLimit: c.creditLimit && toString(c.creditLimit),
});

export const statementOut = (s: Statement): SettlementStatement => ({
  ...s,
  lines: s.lines.map((l) => ({ ...l, amount: toString(l.amount) })),
  dueToHub: toString(s.dueToHub),
  dueToPartner: toString(s.dueToPartner),
  netExact: toString(s.netExact),
  net: toFixed(s.netRounded, s.fiatScale),
  rounding: toString(sub(s.netRounded, s.netExact)),
});

@Resolver()
export class SettlementResolver {
  @Audited()
  @Mutation(() => PartnerContract, { description: 'Add a contract version for a partner (operator).' })
  async setPartnerContract(
    @Arg('input', () => SetPartnerContractInput) input: SetPartnerContractInput,
    @Ctx() ctx: HubContext,
  ): Promise<PartnerContract> {
    requireRole(ctx.principal, Role.OPERATOR);
    checkId(input.partnerId, 'Partner');
    return contractOut(await ctx.services.settlement.contracts.set(input));
  }

  @Query(() => [PartnerContract], { description: 'Every contract version of a partner, newest first.' })
  async partnerContracts(
    @Arg('partnerId', () => ID) partnerId: string,
    @Ctx() ctx: HubContext,
  ): Promise<PartnerContract[]> {
    requireSettlementReader(ctx.principal, partnerId);
    return (await ctx.services.settlement.contracts.versions(partnerId)).map(contractOut);
  }

  @Audited()
  @Mutation(() => PartnerBudget, { description: 'Record prepaid funds a prepaid partner paid in (operator).' })
  async recordPrepaidTopUp(
    @Arg('partnerId', () => ID) partnerId: string,
    @Arg('amount', () => String, { description: "Exact, in the settlement currency's major units." }) amount: string,
    @Arg('reference', () => String, { nullable: true }) reference: string | null,
    @Ctx() ctx: HubContext,
  ): Promise<PartnerBudget> {
    requireRole(ctx.principal, Role.OPERATOR);
    checkId(partnerId, 'Partner');
    return {
      partnerId,
      remaining: toString(await ctx.services.settlement.contracts.topUp(partnerId, amount, reference)),
    };
  }

  @Audited()
  @Mutation(() => SettlementFee, {
    description:
      "Record a fee (positive) or credit (negative) against a partner; it appears as the FEES line of the partner's next statement (operator).",
  })
  async recordSettlementFee(
    @Arg('input', () => RecordSettlementFeeInput) input: RecordSettlementFeeInput,
    @Ctx() ctx: HubContext,
  ): Promise<SettlementFee> {
    requireRole(ctx.principal, Role.OPERATOR);
    checkId(input.partnerId, 'Partner');
    const fee = await ctx.services.settlement.fees.record(input.partnerId, input.amount, input.description);
    return { ...fee, amount: toString(fee.amount) };
  }

  @Query(() => PartnerBudget, { description: 'Prepaid funds or postpaid credit a partner has left.' })
  async partnerBudget(@Arg('partnerId', () => ID) partnerId: string, @Ctx() ctx: HubContext): Promise<PartnerBudget> {
    requireSettlementReader(ctx.principal, partnerId);
    const remaining = await ctx.services.settlement.contracts.budget(partnerId);
    return { partnerId, remaining: remaining && toString(remaining) };
  }

  @Query(() => SettlementStatement, {
    description: 'The statement of the period containing `at` (now when omitted): closed, or a live draft.',
  })
  async settlementStatement(
    @Arg('partnerId', () => ID) partnerId: string,
    @Arg('at', () => Date, { nullable: true }) at: Date | null,
    @Ctx() ctx: HubContext,
  ): Promise<SettlementStatement> {
    requireSettlementReader(ctx.principal, partnerId);
    return statementOut(await ctx.services.settlement.statements.statement(partnerId, at));
  }

  @Query(() => [SettlementStatement], { description: 'Closed statements of a partner, newest first.' })
  async settlementStatements(
    @Arg('partnerId', () => ID) partnerId: string,
    @Arg('before', () => Date, { nullable: true }) before: Date | null,
    @Ctx() ctx: HubContext,
  ): Promise<SettlementStatement[]> {
    requireSettlementReader(ctx.principal, partnerId);
    return (await ctx.services.settlement.statements.list(partnerId, 100, before ?? undefined)).map(statementOut);
  }

  @Audited()
  @Mutation(() => SettlementStatement, {
    description:
      'Close an ended period: its statement becomes immutable, with a digest of the transfers it covers (finance).',
  })
  async closeSettlementPeriod(
    @Arg('input', () => StatementRefInput) input: StatementRefInput,
    @Ctx() ctx: HubContext,
  ): Promise<SettlementStatement> {
    requireFinance(ctx.principal, input.partnerId);
    return statementOut(await ctx.services.settlement.statements.close(input.partnerId, input.periodStart));
  }

  @Audited()
  @Mutation(() => SettlementStatement, { description: 'Record the payment of a closed statement (finance).' })
  async markStatementPaid(
    @Arg('input', () => StatementRefInput) input: StatementRefInput,
    @Arg('paymentReference', () => String) paymentReference: string,
    @Ctx() ctx: HubContext,
  ): Promise<SettlementStatement> {
    requireFinance(ctx.principal, input.partnerId);
    if (paymentReference.trim().length < 1 || paymentReference.length > 128 || hasControlCharacter(paymentReference)) {
      throw badInput('paymentReference must be 1 to 128 characters, without control characters.', 'paymentReference');
    }
    return statementOut(
      await ctx.services.settlement.statements.markPaid(input.partnerId, input.periodStart, paymentReference.trim()),
    );
  }

  @Query(() => ReconciliationReport, {
    description: 'Recompute every closed statement from the ledger and report any difference (finance).',
  })
  async reconcileSettlements(@Ctx() ctx: HubContext): Promise<ReconciliationReport> {
    const principal = requireFinance(ctx.principal);
    return ctx.services.settlement.reconciliation.run(isHubWide(principal) ? null : principal.partnerId);
  }

  @Audited()
  @Mutation(() => StatementReconciliation, {
    description:
      "Reconcile one closed statement (in time proportional to its period) and store the result; the partner's finance or hub-wide finance.",
  })
  async reconcileSettlementPeriod(
    @Arg('input', () => StatementRefInput) input: StatementRefInput,
    @Ctx() ctx: HubContext,
  ): Promise<StatementReconciliation> {
    requireFinance(ctx.principal, input.partnerId);
    const { statements, reconciliation } = ctx.services.settlement;
    return reconciliation.period(await statements.requireClosed(input.partnerId, input.periodStart));
  }

  @Query(() => [StatementReconciliation], {
    description: "A partner's stored reconciliation results, newest period first, at most 100 (finance).",
  })
  async settlementReconciliations(
    @Arg('partnerId', () => ID) partnerId: string,
    @Arg('before', () => Date, { nullable: true, description: 'Only periods starting before this instant.' })
    before: Date | null,
    @Ctx() ctx: HubContext,
  ): Promise<StatementReconciliation[]> {
    requireFinance(ctx.principal, partnerId);
    return ctx.services.settlement.reconciliation.results(partnerId, 100, before ?? undefined);
  }

  @Query(() => [InterPartnerFlow], {
    description:
      'Points issued by one partner and redeemed at another in [from, to), with fiat at both sides (finance).',
  })
  async interPartnerFlows(
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date) to: Date,
    @Ctx() ctx: HubContext,
  ): Promise<InterPartnerFlow[]> {
    const principal = requireFinance(ctx.principal);
    if (!(from < to)) throw badInput('from must be before to.', 'to');
    const own = isHubWide(principal) ? null : principal.partnerId!;
    const rows = await ctx.services.settlement.flows.matrix(from, to, own);
    // A partner-scoped view shows only its own side's money: the other side's prices are private.
    return rows.map((r) => ({
      ...r,
      issuerFiat: r.issuerFiat && (!own || r.issuerPartnerId === own) ? toString(r.issuerFiat) : null,
      issuerCurrency: !own || r.issuerPartnerId === own ? r.issuerCurrency : null,
      redeemerFiat: r.redeemerFiat && (!own || r.redeemerPartnerId === own) ? toString(r.redeemerFiat) : null,
      redeemerCurrency: !own || r.redeemerPartnerId === own ? r.redeemerCurrency : null,
    }));
  }
}

/** A statement's fields that cost a read of their own. */
@Resolver(() => SettlementStatement)
export class SettlementStatementResolver {
  /** A closed statement's digest is stored; a draft's reads every transfer it covers, so only when asked. */
  @FieldResolver(() => String)
  async digest(@Root() s: SettlementStatement, @Ctx() ctx: HubContext): Promise<string> {
    if (s.digest != null) return s.digest;
    return ctx.services.settlement.statements.digestOf({
      partnerId: s.partnerId,
      periodEnd: s.periodEnd,
      draftUntil: s.draftUntil,
      digest: null,
    });
  }
}
