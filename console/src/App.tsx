/** The console's shell: who is signed in, the navigation for their role, the locale, and the pages. */
import { useEffect, useMemo, useState } from 'react';
import { Provider } from 'urql';
import { staffClient } from './api';
import { defaultLocale, LOCALES, type Locale } from './format';
import { match, navigate, usePath } from './router';
import { currentSession, signOut, type StaffSession } from './session';
import { Link, LocaleContext, Loading } from './ui';
import { SignIn } from './pages/SignIn';
import { Statements } from './pages/Statements';
import { StatementDetail } from './pages/StatementDetail';
import { Reconciliations } from './pages/Reconciliations';
import { Member } from './pages/Member';
import { Partners } from './pages/operator/Partners';
import { PartnerDetail } from './pages/operator/PartnerDetail';
import { Currencies } from './pages/operator/Currencies';
import { Invariants } from './pages/operator/Invariants';
import { Flows } from './pages/Flows';
import { MemberSearch } from './pages/partner/MemberSearch';
import { PartnerMember } from './pages/partner/PartnerMember';
import { Webhooks } from './pages/partner/Webhooks';
import { PartnerRewards } from './pages/partner/PartnerRewards';
import { finishMemberSignIn, startMemberSignIn } from './member-auth';

const FINANCE_NAV = [
  { to: '/finance/statements', label: 'Statements' },
  { to: '/finance/reconciliation', label: 'Reconciliation' },
  { to: '/finance/flows', label: 'Flows' },
];

const PARTNER_NAV = [
  { to: '/partner/members', label: 'Members' },
  { to: '/partner/webhooks', label: 'Webhooks' },
  { to: '/partner/rewards', label: 'Rewards' },
];

const OPERATOR_NAV = [
  { to: '/operator/partners', label: 'Partners' },
  { to: '/operator/currencies', label: 'Currencies' },
  { to: '/operator/invariants', label: 'Invariants' },
];

function navFor(session: StaffSession) {
  switch (session.account.role) {
    case 'OPERATOR':
      return [...OPERATOR_NAV, ...FINANCE_NAV];
    case 'FINANCE':
      return FINANCE_NAV;
    default:
      return PARTNER_NAV;
  }
}

function StaffPage({ path, session }: { path: string; session: StaffSession }) {
  // Partner-scoped staff see their own partner only; the hub enforces it whatever the URL says.
  const own = session.account.partnerId ?? undefined;
  let params: Record<string, string> | undefined;
  if (path === '/finance/statements') return <Statements partnerId={own} />;
  if (path === '/finance/reconciliation') return <Reconciliations partnerId={own} />;
  if (path === '/finance/flows') return <Flows hubWide={!own} />;
  if (path === '/partner/members') return <MemberSearch />;
  if (path === '/partner/webhooks') return <Webhooks />;
  if (path === '/partner/rewards') return <PartnerRewards />;
  if ((params = match('/partner/members/:customerId', path)))
    return <PartnerMember key={path} customerId={params.customerId!} />;
  if (path === '/operator/partners') return <Partners />;
  if (path === '/operator/currencies') return <Currencies />;
  if (path === '/operator/invariants') return <Invariants />;
  if ((params = match('/operator/partners/:id', path))) return <PartnerDetail key={path} id={params.id!} />;
  if ((params = match('/finance/statements/:partnerId/:periodStart', path)))
    return <StatementDetail key={path} partnerId={params.partnerId!} periodStart={params.periodStart!} />;
  return (
    <main>
      <h1>Welcome</h1>
      <p>
        Signed in as {session.account.email} ({session.account.role.replace('_', ' ').toLowerCase()}).
      </p>
      <ul>
        {navFor(session).map((n) => (
          <li key={n.to}>
            <Link to={n.to}>{n.label}</Link>
          </li>
        ))}
      </ul>
    </main>
  );
}

/** The member's area: its own sign-in (OpenID Connect at the hub), no staff session. */
function MemberArea({ path }: { path: string }) {
  const [token, setToken] = useState<string>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (path === '/member/start') void startMemberSignIn();
    else if (path === '/callback')
      finishMemberSignIn().then(
        (t) => (setToken(t), navigate('/member', true)),
        (e: Error) => (setError(e.message), navigate('/member', true)),
      );
  }, []);
  if (path !== '/member')
    return (
      <main>
        <Loading />
      </main>
    );
  return (
    <Member
      token={token}
      error={error}
      onSignIn={() => void startMemberSignIn()}
      onSignOut={() => (setToken(undefined), setError(undefined))}
    />
  );
}

export function App() {
  const path = usePath();
  const memberArea = path === '/member' || path === '/member/start' || path === '/callback';
  const [locale, setLocale] = useState<Locale>(defaultLocale);
  const [session, setSession] = useState<StaffSession | null>();
  const client = useMemo(() => staffClient(), [session?.account.id]);

  useEffect(() => {
    void currentSession().then((s) => setSession(s ?? null));
  }, []);
  useEffect(() => {
    localStorage.setItem('console.locale', locale);
    document.documentElement.lang = locale;
  }, [locale]);

  let content;
  if (memberArea) content = <MemberArea path={path} />;
  else if (session === undefined)
    content = (
      <main>
        <Loading />
      </main>
    );
  else if (!session) content = <SignIn onSignedIn={(s) => (setSession(s), navigate('/', true))} />;
  else content = <StaffPage path={path} session={session} />;

  const nav = session && !memberArea ? navFor(session) : [];
  return (
    <LocaleContext.Provider value={locale}>
      <Provider value={client}>
        <header className="top">
          <Link to="/" className="brand">
            Coalition hub
          </Link>
          {nav.length > 0 && (
            <nav className="main" aria-label="Main">
              {nav.map((n) => (
                <Link key={n.to} to={n.to}>
                  {n.label}
                </Link>
              ))}
            </nav>
          )}
          <label className="locale">
            <span className="visually-hidden">Language and formats</span>
            <select
              value={locale}
              onChange={(e) => setLocale(e.target.value as Locale)}
              aria-label="Language and formats"
            >
              {LOCALES.map((l) => (
                <option key={l} value={l}>
                  {l}
                </option>
              ))}
            </select>
          </label>
          {session && !memberArea && (
            <>
              <button className="linklike" onClick={() => void signOut(false).then(() => setSession(null))}>
                Sign out
              </button>
              <button className="linklike" onClick={() => void signOut(true).then(() => setSession(null))}>
                Sign out everywhere
              </button>
            </>
          )}
        </header>
        {content}
      </Provider>
    </LocaleContext.Provider>
  );
}
