/**
 * The member page signs the member in at the hub's own OpenID Connect provider, as its first-party client
 * `hub-console` (issue 25): authorization code with PKCE (S256). The verifier and state wait in sessionStorage
 * across the redirect and are deleted when used; the code is removed from the address bar before it is
 * exchanged; the access token lives only in memory (a reload signs in again, usually without a new code while
 * the hub's sign-in session lasts). No token is ever put in a URL.
 *
 * Deep link for partner apps: `<hub>/console/member/start` starts this sign-in at once.
 */
export const CLIENT_ID = 'hub-console';
const PENDING = 'console.member.pending';
export const redirectUri = () => `${window.location.origin}/console/callback`;

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const random = (n: number) => base64url(crypto.getRandomValues(new Uint8Array(n)));

export async function startMemberSignIn(): Promise<void> {
  const verifier = random(32);
  const state = random(16);
  const challenge = base64url(
    new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))),
  );
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state }));
  const params = new URLSearchParams({
    client_id: CLIENT_ID,
    redirect_uri: redirectUri(),
    response_type: 'code',
    scope: 'openid member',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state,
  });
  window.location.assign(`/oidc/auth?${params}`);
}

export class MemberSignInError extends Error {}

/**
 * On /console/callback: takes the code and state out of the address bar at once, checks the state, and
 * exchanges the code (with the verifier) for the member's access token.
 */
let finishing: Promise<string> | undefined;
export function finishMemberSignIn(): Promise<string> {
  // Once per page load (React may run an effect twice in development).
  return (finishing ??= exchange());
}

async function exchange(): Promise<string> {
  const params = new URLSearchParams(window.location.search);
  window.history.replaceState(null, '', '/console/member');
  const pending = sessionStorage.getItem(PENDING);
  sessionStorage.removeItem(PENDING);
  const code = params.get('code');
  if (params.get('error')) throw new MemberSignInError(`Sign-in was not completed (${params.get('error')}).`);
  if (!pending || !code) throw new MemberSignInError('This sign-in link is not valid any more. Sign in again.');
  const { verifier, state } = JSON.parse(pending) as { verifier: string; state: string };
  if (params.get('state') !== state) throw new MemberSignInError('This sign-in did not start here. Sign in again.');
  const res = await fetch('/oidc/token', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri(),
      client_id: CLIENT_ID,
      code_verifier: verifier,
    }),
  });
  const body = (await res.json()) as { access_token?: string; error_description?: string };
  if (!res.ok || !body.access_token) throw new MemberSignInError(body.error_description ?? 'Sign-in failed.');
  return body.access_token;
}
