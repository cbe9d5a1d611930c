import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import type { HubContext } from '../../platform/graphql/context.js';
import { ForwardPageArgs, pageFromArgs, toConnection } from '../../platform/graphql/pagination.js';
import { auditFilterFor } from './audit.access.js';
import { changedFields, type AuditRow } from './audit.service.js';
import { AuditAction, AuditRecord, AuditRecordConnection, AuditRecordFilter } from './audit.types.js';

export const auditRecordOut = (r: AuditRow): AuditRecord => ({
  ...r,
  action: r.action as AuditAction,
  changes: changedFields(r),
});

const isCursor = (key: unknown): key is string => typeof key === 'string' && /^\d{1,19}$/.test(key);

@Resolver()
export class AuditResolver {
  @Query(() => AuditRecordConnection, {
    description:
      'The audit trail of administrative changes, newest first (operators and hub-wide finance: all; partners and partner-scoped finance: their own). CSV: GET /audit/records.csv with the same filters.',
  })
  async auditRecords(
    @Arg('filter', () => AuditRecordFilter, { nullable: true }) filter: AuditRecordFilter | null,
    @Args(() => ForwardPageArgs) args: ForwardPageArgs,
    @Ctx() ctx: HubContext,
  ): Promise<AuditRecordConnection> {
    const where = auditFilterFor(ctx.principal, filter);
    const page = pageFromArgs(args, isCursor);
    const rows = await ctx.services.audit.list(where, page.limit + 1, page.after);
    return toConnection(rows.map(auditRecordOut), page.limit, (r) => r.id);
  }
}
