/** Staff sign-in: e-mail and password; wrong passwords count towards a lock-out. */
import { useState, type FormEvent } from 'react';
import { signIn, SignInError, type StaffSession } from '../session';

const MESSAGES: Record<string, string> = {
  SIGN_IN_FAILED: 'Wrong e-mail or password.',
  ACCOUNT_LOCKED: 'This account is locked after too many wrong passwords. Try again later.',
  SIGN_IN_THROTTLED: 'Too many attempts from here. Wait a few minutes.',
};

export function SignIn({ onSignedIn }: { onSignedIn: (s: StaffSession) => void }) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(undefined);
    try {
      onSignedIn(await signIn(String(form.get('email')), String(form.get('password'))));
    } catch (err) {
      setError(err instanceof SignInError ? (MESSAGES[err.code] ?? err.message) : 'The hub could not be reached.');
    } finally {
      setBusy(false);
    }
  }
  return (
    <main>
      <h1>Sign in to the console</h1>
      <form className="stack card" onSubmit={submit}>
        <label>
          E-mail
          <input name="email" type="email" autoComplete="username" required />
        </label>
        <label>
          Password
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          Sign in
        </button>
      </form>
      <p className="muted">
        Members: <a href="/console/member">open your member page</a> (you sign in with a one-time code).
      </p>
    </main>
  );
}
