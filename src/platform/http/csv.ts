/**
 * CSV downloads (statements, the audit trail): RFC 4180 — quoted where needed, CRLF line ends — with a UTF-8
 * BOM so spreadsheets read it as UTF-8; and the JSON error answer of a download refused by a GraphQL rule.
 */
import type { ServerResponse } from 'node:http';
import { AppError } from '../graphql/errors.js';
import { sendJson } from './body.js';

export type CsvCell = string | number | null | undefined;

const cell = (v: CsvCell) => {
  const s = v == null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function sendCsv(res: ServerResponse, filename: string, rows: readonly (readonly CsvCell[])[]): void {
  const body = '\uFEFF' + rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
  res.writeHead(200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${filename}"`,
    'cache-control': 'no-store',
  });
  res.end(body);
}

/** Answers a download refused with an AppError (401/403/404/400 and the error's code); rethrows anything else. */
export function sendDownloadError(
  res: ServerResponse,
  error: unknown,
  notFound: readonly string[] = ['NOT_FOUND'],
): void {
  if (!(error instanceof AppError)) throw error;
  const status =
    error.code === 'UNAUTHENTICATED'
      ? 401
      : error.code === 'FORBIDDEN'
        ? 403
        : notFound.includes(error.code)
          ? 404
          : 400;
  sendJson(res, status, { errors: [{ message: error.message, extensions: { code: error.code } }] });
}
