/**
 * The console's session endpoints (JSON; the console page itself is static):
 *   POST   /staff/session              sign in: { email, password } → the session cookie and its CSRF token
 *   GET    /staff/session              who is signed in, and the CSRF token (after a reload)
 *   DELETE /staff/session              sign out (CSRF token required)
 *   POST   /staff/sessions/revoke-all  sign out everywhere: every session of the account (CSRF token required)
 * Sign-in accepts only application/json, so a cross-site HTML form cannot sign a browser in to another account.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RouteHandler } from '../../platform/http/server.js';
import { mediaType, readBody, sendJson } from '../../platform/http/body.js';
import { AppError } from '../../platform/graphql/errors.js';
import { SESSION_COOKIE, SESSION_HOURS, type StaffService, type StaffSession } from './staff.service.js';

const NO_STORE = { 'cache-control': 'no-store' };
const SIGN_IN_BODY_LIMIT = 4096;

function sendError(res: ServerResponse, status: number, error: AppError, headers: Record<string, string> = {}) {
  const { code, http: _http, ...details } = error.extensions as Record<string, unknown>;
  sendJson(res, status, { error: { code, message: error.message, ...details } }, { ...NO_STORE, ...headers });
}

const sessionBody = (s: StaffSession) => ({
  account: s.account,
  csrfToken: s.csrfToken,
  expiresAt: s.expiresAt.toISOString(),
});

export function createStaffRoutes(staff: StaffService, secureCookies: boolean): Record<string, RouteHandler> {
  const cookie = (value: string, maxAge: number) =>
    `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${secureCookies ? '; Secure' : ''}`;
  const notSignedIn = (res: ServerResponse) => sendError(res, 401, new AppError('UNAUTHENTICATED', 'Not signed in.'));

  async function signIn(req: IncomingMessage, res: ServerResponse) {
    if (mediaType(req) !== 'application/json')
      return sendError(res, 415, new AppError('BAD_REQUEST', 'Send the sign-in as application/json.'));
    // Too large a body is the server's 413 (thrown by readBody), not a JSON error.
    const raw = await readBody(req, SIGN_IN_BODY_LIMIT);
    let body: { email?: unknown; password?: unknown };
    try {
      body = JSON.parse(raw) as typeof body;
    } catch {
      return sendError(res, 400, new AppError('BAD_REQUEST', 'The request body is not valid JSON.'));
    }
    if (typeof body !== 'object' || body === null)
      return sendError(res, 400, new AppError('BAD_REQUEST', 'The body is { email, password }.'));
    // A session named by a cookie sent now is ended, never promoted: sign-in always starts a new one.
    const previous = await staff.sessionOf(req);
    if (previous) await staff.signOut(previous.tokenHash);
    const result = await staff.signIn(body.email, body.password, req.socket.remoteAddress ?? 'unknown');
    if (!result.ok)
      return sendError(
        res,
        result.status,
        result.error,
        result.retryAfterSeconds ? { 'retry-after': String(result.retryAfterSeconds) } : {},
      );
    sendJson(res, 200, sessionBody(result.session), {
      ...NO_STORE,
      'set-cookie': cookie(result.token, SESSION_HOURS * 3600),
    });
  }

  const session: RouteHandler = async (req, res) => {
    if (req.method === 'POST') return signIn(req, res);
    const current = await staff.sessionOf(req);
    if (req.method === 'GET') return current ? sendJson(res, 200, sessionBody(current), NO_STORE) : notSignedIn(res);
    if (req.method === 'DELETE') {
      if (!current) return notSignedIn(res);
      staff.checkCsrf(req, current.csrfToken);
      await staff.signOut(current.tokenHash);
      return sendJson(res, 200, { signedOut: 1 }, { ...NO_STORE, 'set-cookie': cookie('', 0) });
    }
    sendJson(
      res,
      405,
      { error: { code: 'BAD_REQUEST', message: 'GET, POST or DELETE.' } },
      { allow: 'GET, POST, DELETE' },
    );
  };

  const revokeAll: RouteHandler = async (req, res) => {
    if (req.method !== 'POST')
      return sendJson(res, 405, { error: { code: 'BAD_REQUEST', message: 'POST only.' } }, { allow: 'POST' });
    const current = await staff.sessionOf(req);
    if (!current) return notSignedIn(res);
    staff.checkCsrf(req, current.csrfToken);
    const signedOut = await staff.signOutEverywhere(current.account.id);
    sendJson(res, 200, { signedOut }, { ...NO_STORE, 'set-cookie': cookie('', 0) });
  };

  // A refused CSRF check is an answer (403), not a server error.
  const guarded =
    (handler: RouteHandler): RouteHandler =>
    async (req, res, id) => {
      try {
        await handler(req, res, id);
      } catch (error) {
        if (error instanceof AppError && error.code === 'CSRF_REJECTED') return sendError(res, 403, error);
        throw error;
      }
    };
  return { '/staff/session': guarded(session), '/staff/sessions/revoke-all': guarded(revokeAll) };
}
