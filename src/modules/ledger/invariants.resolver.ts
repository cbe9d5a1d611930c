/** The full invariant check as a paged job, over GraphQL: operator and hub-wide finance, like `ledgerInvariants`. */
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Audited } from '../../platform/graphql/audited.js';
import type { HubContext } from '../../platform/graphql/context.js';
import { isHubWide, requireRole } from '../../platform/auth/guards.js';
import { Role, type Principal } from '../../platform/auth/principal.js';
import { badInput, forbidden, notFound } from '../../platform/graphql/errors.js';
import { checkId } from '../../platform/graphql/ids.js';
import { INVARIANT_PAGE_SIZE, type InvariantJobRow } from './invariants.job.js';
import { InvariantCheckJob, InvariantCheckJobState } from './ledger.types.js';

function requireChecker(ctx: HubContext): Principal {
  const principal = requireRole(ctx.principal, Role.OPERATOR, Role.FINANCE);
  if (!isHubWide(principal)) throw forbidden('checking ledger invariants');
  return principal;
}

const toJob = (row: InvariantJobRow): InvariantCheckJob => ({
  ...row,
  state: row.state === 'DONE' ? InvariantCheckJobState.DONE : InvariantCheckJobState.RUNNING,
});

@Resolver()
export class InvariantJobResolver {
  @Audited()
  @Mutation(() => InvariantCheckJob, {
    description: `Start the full invariant check as a paged job (jobs run one after another, oldest first); follow it with invariantCheckJob. pageSize: 1 to ${INVARIANT_PAGE_SIZE.max}.`,
  })
  async startInvariantCheckJob(
    // Nullable, so an explicit null gets this clear refusal rather than a coercion error.
    @Arg('pageSize', () => Int, { nullable: true, defaultValue: INVARIANT_PAGE_SIZE.default }) pageSize: number | null,
    @Ctx() ctx: HubContext,
  ): Promise<InvariantCheckJob> {
    const principal = requireChecker(ctx);
    if (pageSize === null || !Number.isInteger(pageSize) || pageSize < 1 || pageSize > INVARIANT_PAGE_SIZE.max)
      throw badInput(`pageSize must be from 1 to ${INVARIANT_PAGE_SIZE.max}.`, 'pageSize');
    return toJob(await ctx.services.ledger.invariantJobs.start(pageSize, principal.subject));
  }

  @Query(() => InvariantCheckJob, { description: 'A full invariant check job: its progress and what it found.' })
  async invariantCheckJob(@Arg('id', () => ID) id: string, @Ctx() ctx: HubContext): Promise<InvariantCheckJob> {
    requireChecker(ctx);
    const job = await ctx.services.ledger.invariantJobs.get(checkId(id, 'InvariantCheckJob'));
    if (!job) throw notFound('InvariantCheckJob');
    return toJob(job);
  }
}
