/**
 * `GET /settlement/statement.csv?partnerId=…&periodStart=…` (or `at=…`): a
 * statement as CSV, one row per line plus the totals, with the same bearer
 * token and the same rules as the GraphQL API. RFC 4180: quoted where needed,
 * CRLF line ends, a UTF-8 BOM so spreadsheets read it as UTF-8.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../../platform/http/body.js';
import type { Principal } from '../../platform/auth/principal.js';
import { sendCsv, sendDownloadError } from '../../platform/http/csv.js';
import type { SettlementService } from './settlement.service.js';
import { requireSettlementReader } from './settlement.access.js';
import { statementOut } from './settlement.resolver.js';

export const CSV_HEADER = [
  'statement_id',
  'partner_id',
  'period_start',
  'period_end',
  'status',
  'row_kind',
  'transfers',
  'points',
  'amount',
  'currency',
];

export function createStatementCsvHandler(
  settlement: SettlementService,
  authenticate: (req: IncomingMessage) => Promise<Principal | undefined>,
) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      if (req.method !== 'GET') return sendJson(res, 405, { error: 'method_not_allowed' });
      const url = new URL(req.url ?? '/', 'http://hub');
      const partnerId = url.searchParams.get('partnerId') ?? '';
      const when = url.searchParams.get('periodStart') ?? url.searchParams.get('at');
      const at = when ? new Date(when) : null;
      if (at && Number.isNaN(at.getTime()))
        return sendJson(res, 400, {
          errors: [{ message: 'periodStart is not a date.', extensions: { code: 'BAD_USER_INPUT' } }],
        });
      requireSettlementReader(await authenticate(req), partnerId);
      const s = statementOut(await settlement.statements.statement(partnerId, at));
      const common = [s.id, s.partnerId, s.periodStart.toISOString(), s.periodEnd.toISOString(), s.status];
      const rows = [
        CSV_HEADER,
        ...s.lines.map((l) => [...common, l.kind, l.transfers, l.points.toString(), l.amount, s.fiatCurrency]),
        [...common, 'DUE_TO_HUB', null, null, s.dueToHub, s.fiatCurrency],
        [...common, 'DUE_TO_PARTNER', null, null, s.dueToPartner, s.fiatCurrency],
        [...common, 'NET_EXACT', null, null, s.netExact, s.fiatCurrency],
        [...common, 'NET', s.transferCount, null, s.net, s.fiatCurrency],
        [...common, 'ROUNDING', null, null, s.rounding, s.fiatCurrency],
      ];
      const name = `statement-${s.partnerId}-${s.periodStart.toISOString().slice(0, 19).replace(/:/g, '')}.csv`;
      sendCsv(res, name, rows);
    } catch (error) {
      sendDownloadError(res, error, ['NOT_FOUND', 'NO_CONTRACT']);
    }
  };
}
