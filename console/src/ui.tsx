/** Shared pieces: the viewer's locale, loading/empty/error states, money and dates. */
import { createContext, useContext, type ReactNode } from 'react';
import type { CombinedError } from 'urql';
import { errorCode } from './api';
import { formatDate, formatMoney, formatPoints, type Locale } from './format';
import { BASE, navigate } from './router';

export const LocaleContext = createContext<Locale>('en-US');
export const useLocale = () => useContext(LocaleContext);

const MESSAGES: Record<string, string> = {
  NOT_FOUND: 'Not found, or not yours to see.',
  FORBIDDEN: 'Your role does not allow this.',
  UNAUTHENTICATED: 'Your session has ended. Sign in again.',
  NETWORK: 'The hub could not be reached. Try again.',
};

export function ErrorBox({ error }: { error: CombinedError | undefined }) {
  if (!error) return null;
  const code = errorCode(error)!;
  const message = MESSAGES[code] ?? error.graphQLErrors[0]?.message ?? error.message;
  return (
    <p className="error" role="alert" data-code={code}>
      {message} <span className="code">({code})</span>
    </p>
  );
}

export const Loading = () => (
  <p className="muted" role="status">
    Loading…
  </p>
);

export const Empty = ({ children }: { children: ReactNode }) => <p className="muted">{children}</p>;

export function Money({
  amount,
  currency,
}: {
  amount: string | null | undefined;
  currency: string | null | undefined;
}) {
  const locale = useLocale();
  if (amount == null || !currency) return <>—</>;
  return (
    <span className={amount.startsWith('-') ? 'num negative' : 'num'}>{formatMoney(amount, currency, locale)}</span>
  );
}

export const Points = ({ value }: { value: string }) => <span className="num">{formatPoints(value, useLocale())}</span>;

export const When = ({ iso, time = true }: { iso: string | null | undefined; time?: boolean }) => (
  <time dateTime={iso ?? undefined}>{formatDate(iso, useLocale(), time)}</time>
);

/** An in-console link (history navigation, no reload). */
export function Link({ to, children, className }: { to: string; children: ReactNode; className?: string }) {
  return (
    <a
      href={BASE + to}
      className={className}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </a>
  );
}

/** Wide tables scroll sideways inside their box on a phone instead of widening the page. */
export const TableBox = ({ children, label }: { children: ReactNode; label: string }) => (
  <div className="table-box" role="region" aria-label={label} tabIndex={0}>
    {children}
  </div>
);
