/**
 * `@Audited()` marks an administrative mutation: it runs inside an audit context (its caller, its request id,
 * its name), so the rows it changes in administrative tables are recorded in `audit_record` by the database in
 * the same transaction (src/platform/db/audit-context.ts). The audit module's test walks the schema and
 * fails when a mutation is neither `@Audited()` nor listed as not administrative, with the reason.
 */
import { UseMiddleware, type MiddlewareFn } from 'type-graphql';
import { runAudited } from '../db/audit-context.js';
import type { HubContext } from './context.js';

/** The mutations marked `@Audited()` (filled as the resolver classes are defined). */
export const auditedMutations = new Set<string>();

const auditContext: MiddlewareFn<HubContext> = ({ context, info }, next) =>
  runAudited(
    {
      operation: info.fieldName,
      role: context.principal?.role ?? 'ANONYMOUS',
      subject: context.principal?.subject ?? 'anonymous',
      partnerId: context.principal?.partnerId,
      requestId: context.requestId,
    },
    next,
  );

export function Audited(): MethodDecorator {
  const middleware = UseMiddleware(auditContext);
  return (target, key, descriptor) => {
    auditedMutations.add(String(key));
    return middleware(target, key, descriptor);
  };
}
