/**
 * Reads the audit trail: filtered, newest first, in keyset pages. Rows are written only by the database's
 * `hub_audit_row` triggers (migrations/Migration20261202200001_audit.ts), never by this service.
 */
import type { Sql } from '../../platform/db/sql.js';

export interface AuditFilter {
  /** Only records of this partner (a partner's own view; set by the resolver for partner-scoped callers). */
  partnerId?: string;
  operation?: string;
  targetTable?: string;
  targetId?: string;
  actorSubject?: string;
  requestId?: string;
  from?: Date;
  to?: Date;
}

export interface AuditRow {
  id: string;
  at: Date;
  requestId: string | null;
  operation: string;
  actorRole: string;
  actorSubject: string;
  actorPartnerId: string | null;
  partnerId: string | null;
  targetTable: string;
  targetId: string;
  action: 'INSERT' | 'UPDATE' | 'DELETE';
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

const COLUMNS: [keyof AuditFilter, string][] = [
  ['partnerId', 'partner_id'],
  ['operation', 'operation'],
  ['targetTable', 'target_table'],
  ['targetId', 'target_id'],
  ['actorSubject', 'actor_subject'],
  ['requestId', 'request_id'],
];

export class AuditService {
  constructor(private readonly sql: Sql) {}

  /** Newest first; `beforeId` is the keyset cursor (the last id of the previous page). */
  async list(filter: AuditFilter, limit: number, beforeId?: string): Promise<AuditRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (clause: (n: string) => string, value: unknown) => {
      params.push(value);
      where.push(clause(`$${params.length}`));
    };
    for (const [key, column] of COLUMNS) if (filter[key] !== undefined) add((n) => `${column} = ${n}`, filter[key]);
    if (filter.from) add((n) => `at >= ${n}`, filter.from);
    if (filter.to) add((n) => `at < ${n}`, filter.to);
    if (beforeId !== undefined) add((n) => `id < ${n}::bigint`, beforeId);
    params.push(limit);
    const rows = await this.sql.reads.query<Record<string, unknown>>(
      `select id::text, at, request_id, operation, actor_role, actor_subject, actor_partner_id, partner_id,
              target_table, target_id, action, before, after
         from audit_record ${where.length ? `where ${where.join(' and ')}` : ''}
        order by id desc limit $${params.length}`,
      params,
    );
    return rows.map((r) => ({
      id: r.id as string,
      at: new Date(r.at as string),
      requestId: (r.request_id as string | null) ?? null,
      operation: r.operation as string,
      actorRole: r.actor_role as string,
      actorSubject: r.actor_subject as string,
      actorPartnerId: (r.actor_partner_id as string | null) ?? null,
      partnerId: (r.partner_id as string | null) ?? null,
      targetTable: r.target_table as string,
      targetId: r.target_id as string,
      action: r.action as AuditRow['action'],
      before: (r.before as Record<string, unknown> | null) ?? null,
      after: (r.after as Record<string, unknown> | null) ?? null,
    }));
  }
}

/** The fields whose value differs between before and after (all of them for an insert or a delete). */
export function changedFields(
  row: Pick<AuditRow, 'before' | 'after'>,
): { field: string; before: string | null; after: string | null }[] {
  const keys = [...new Set([...Object.keys(row.before ?? {}), ...Object.keys(row.after ?? {})])].sort();
  const text = (v: unknown) => (v === undefined ? null : JSON.stringify(v));
  return keys
    .map((field) => ({ field, before: text(row.before?.[field]), after: text(row.after?.[field]) }))
    .filter((c) => c.before !== c.after);
}
