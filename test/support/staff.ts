/**
 * Console staff in tests: an account made through the service (what `npm run hub -- staff add` does), signed in
 * over HTTP like the console does, and GraphQL sent with the session cookie and its CSRF token.
 */
import type { TestApp } from './test-app.js';
import type { StaffRole } from '../../src/modules/staff/index.js';

export interface StaffSessionHandle {
  email: string;
  password: string;
  cookie: string;
  csrfToken: string;
  /** Headers a console request carries (cookie and CSRF token). */
  headers: Record<string, string>;
}

let counter = 0;

export async function signInStaff(
  app: TestApp,
  email: string,
  password: string,
  extra: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${app.url}/staff/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...extra },
    body: JSON.stringify({ email, password }),
  });
}

/** The cookie pair (`hub_staff=…`) from a Set-Cookie header. */
export const sessionCookie = (res: Response): string | undefined => res.headers.get('set-cookie')?.split(';')[0];

export async function staffSession(app: TestApp, role: StaffRole, partnerId?: string): Promise<StaffSessionHandle> {
  const email = `staff-${process.pid}-${++counter}-${role.toLowerCase()}@example.org`;
  const { password } = await app.hub.services.staff.add({ email, role, partnerId });
  const res = await signInStaff(app, email, password);
  if (res.status !== 200) throw new Error(`staff sign-in answered ${res.status}: ${await res.text()}`);
  const body = (await res.json()) as { csrfToken: string };
  const cookie = sessionCookie(res)!;
  return {
    email,
    password,
    cookie,
    csrfToken: body.csrfToken,
    headers: { cookie, 'x-csrf-token': body.csrfToken },
  };
}
