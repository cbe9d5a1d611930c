/**
 * The audit module: the append-only trail of administrative changes (who, what, when, the request, before and
 * after), written by database triggers in the same transaction as each change, read through `auditRecords`
 * and `GET /audit/records.csv`. Which mutations are administrative: `@Audited()` on the resolver
 * (src/platform/graphql/audited.ts); the rest are listed with the reason in `audit.classification.ts`.
 */
import type { HubModule } from '../../platform/module.js';
import { Migration20261202200001_audit } from '../../../migrations/Migration20261202200001_audit.js';
import { Migration20261203900001_audit_programs_staff } from '../../../migrations/Migration20261203900001_audit_programs_staff.js';
import { AuditService } from './audit.service.js';
import { AuditResolver } from './audit.resolver.js';
import { createAuditCsvHandler } from './audit-csv.handler.js';
import type { AuditServices } from './index.js';

export const auditModule: HubModule<AuditServices> = {
  name: 'audit',
  // The audit triggers of later modules' tables come after those modules' own migrations (names sort by time).
  migrations: [Migration20261202200001_audit, Migration20261203900001_audit_programs_staff],
  services: ({ db }) => ({ audit: new AuditService(db.sql) }),
  resolvers: [AuditResolver],
  routes: ({ services, authenticate }) => ({
    '/audit/records.csv': createAuditCsvHandler(services.audit, authenticate),
  }),
};
