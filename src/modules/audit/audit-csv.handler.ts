/**
 * `GET /audit/records.csv?operation=…&targetTable=…&partnerId=…&from=…&to=…`: the audit trail as CSV (newest
 * first, up to 10,000 rows per file; narrow the window for more), same token and rules as `auditRecords`.
 * One line per changed field; RFC 4180 with a UTF-8 BOM, like the statement CSV.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../../platform/http/body.js';
import { sendCsv, sendDownloadError, type CsvCell } from '../../platform/http/csv.js';
import type { Principal } from '../../platform/auth/principal.js';
import { AppError } from '../../platform/graphql/errors.js';
import { auditFilterFor } from './audit.access.js';
import { changedFields, type AuditService } from './audit.service.js';

const MAX_ROWS = 10_000;
const HEADER: CsvCell[] = [
  'id',
  'at',
  'request_id',
  'operation',
  'actor_role',
  'actor_subject',
  'partner_id',
  'target_table',
  'target_id',
  'action',
  'field',
  'before',
  'after',
];

export function createAuditCsvHandler(
  audit: AuditService,
  authenticate: (req: IncomingMessage) => Promise<Principal | undefined>,
) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      if (req.method !== 'GET') return sendJson(res, 405, { error: 'method_not_allowed' });
      const q = new URL(req.url ?? '/', 'http://hub').searchParams;
      const date = (name: string) => {
        const v = q.get(name);
        if (v === null) return null;
        const d = new Date(v);
        if (Number.isNaN(d.getTime())) throw new AppError('BAD_USER_INPUT', `${name} is not a date.`, { field: name });
        return d;
      };
      const filter = auditFilterFor(await authenticate(req), {
        partnerId: q.get('partnerId'),
        operation: q.get('operation'),
        targetTable: q.get('targetTable'),
        targetId: q.get('targetId'),
        actorSubject: q.get('actorSubject'),
        requestId: q.get('requestId'),
        from: date('from'),
        to: date('to'),
      });
      const rows = await audit.list(filter, MAX_ROWS);
      const lines: CsvCell[][] = [HEADER];
      for (const r of rows) {
        const common = [
          r.id,
          r.at.toISOString(),
          r.requestId,
          r.operation,
          r.actorRole,
          r.actorSubject,
          r.partnerId,
          r.targetTable,
          r.targetId,
          r.action,
        ];
        const changes = changedFields(r);
        if (!changes.length) lines.push([...common, null, null, null]);
        for (const c of changes) lines.push([...common, c.field, c.before, c.after]);
      }
      sendCsv(res, 'audit-records.csv', lines);
    } catch (error) {
      sendDownloadError(res, error);
    }
  };
}
