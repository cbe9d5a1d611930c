/**
 * Who reads the audit trail: operators and hub-wide finance all of it; partner-scoped finance and partners
 * only the records of their own partner (whatever filter they send). Members never.
 */
import { isHubWide, requirePrincipal } from '../../platform/auth/guards.js';
import { Role, type Principal } from '../../platform/auth/principal.js';
import { badInput, forbidden } from '../../platform/graphql/errors.js';
import { checkId } from '../../platform/graphql/ids.js';
import { hasControlCharacter } from '../../platform/text.js';
import type { AuditFilter } from './audit.service.js';
import type { AuditRecordFilter } from './audit.types.js';

export function auditFilterFor(
  principal: Principal | undefined,
  given: AuditRecordFilter | null | undefined,
): AuditFilter {
  const p = requirePrincipal(principal);
  if (p.role === Role.MEMBER) throw forbidden('reading the audit trail');
  const f = given ?? {};
  for (const key of ['operation', 'targetTable', 'targetId', 'actorSubject', 'requestId'] as const) {
    const v = f[key];
    if (v != null && (v.length > 200 || hasControlCharacter(v))) throw badInput(`${key} is not valid.`, key);
  }
  if (f.partnerId != null) checkId(f.partnerId, 'Partner');
  if (f.from && f.to && !(f.from < f.to)) throw badInput('from must be before to.', 'to');
  const own = isHubWide(p) ? (f.partnerId ?? undefined) : p.partnerId;
  if (!own && !isHubWide(p)) throw forbidden('reading the audit trail');
  if (!isHubWide(p) && f.partnerId != null && f.partnerId !== own) throw forbidden("another partner's audit trail");
  return {
    partnerId: own,
    operation: f.operation ?? undefined,
    targetTable: f.targetTable ?? undefined,
    targetId: f.targetId ?? undefined,
    actorSubject: f.actorSubject ?? undefined,
    requestId: f.requestId ?? undefined,
    from: f.from ?? undefined,
    to: f.to ?? undefined,
  };
}
