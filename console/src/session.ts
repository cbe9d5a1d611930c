/**
 * The staff session: the hub keeps it in an HttpOnly cookie (the page never sees it); the page holds only the
 * session's CSRF token, which every request that may change something carries in `x-csrf-token`.
 */
export interface StaffAccount {
  id: string;
  email: string;
  role: 'OPERATOR' | 'FINANCE' | 'PARTNER_ADMIN' | 'PARTNER_ANALYST';
  partnerId: string | null;
}
export interface StaffSession {
  account: StaffAccount;
  csrfToken: string;
  expiresAt: string;
}

let csrfToken: string | undefined;
export const csrfHeader = (): Record<string, string> => (csrfToken ? { 'x-csrf-token': csrfToken } : {});

async function call(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(path, {
    method,
    credentials: 'same-origin',
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...csrfHeader() },
    body: body ? JSON.stringify(body) : undefined,
  });
}

export async function currentSession(): Promise<StaffSession | undefined> {
  const res = await call('GET', '/staff/session');
  if (!res.ok) return undefined;
  const session = (await res.json()) as StaffSession;
  csrfToken = session.csrfToken;
  return session;
}

export async function signIn(email: string, password: string): Promise<StaffSession> {
  const res = await call('POST', '/staff/session', { email, password });
  const body = (await res.json()) as StaffSession & { error?: { code: string; message: string; lockedUntil?: string } };
  if (!res.ok) throw new SignInError(body.error?.code ?? 'SIGN_IN_FAILED', body.error?.message ?? 'Sign-in failed.');
  csrfToken = body.csrfToken;
  return body;
}

export async function signOut(everywhere: boolean): Promise<void> {
  await call(everywhere ? 'POST' : 'DELETE', everywhere ? '/staff/sessions/revoke-all' : '/staff/session');
  csrfToken = undefined;
}

export class SignInError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
