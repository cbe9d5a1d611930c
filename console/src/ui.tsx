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

/**
 * The row a paged table shows instead of its rows while a page loads, when it failed, or when the first page
 * is empty; undefined when the page's rows should show.
 */
export function pageState(
  cols: number,
  state: { fetching: boolean; hasData: boolean; error: CombinedError | undefined; empty: boolean },
  emptyText: string,
): ReactNode | undefined {
  let content: ReactNode;
  if (state.fetching && !state.hasData) content = <Loading />;
  else if (state.error) content = <ErrorBox error={state.error} />;
  else if (state.empty) content = <Empty>{emptyText}</Empty>;
  else return undefined;
  return (
    <tr>
      <td colSpan={cols}>{content}</td>
    </tr>
  );
}

/** A member's balances per currency (the member's own page and a partner's view of the member). */
export function BalancesTable({ balances }: { balances: { currency: string; available: string; held: string }[] }) {
  return (
    <TableBox label="Balances">
      <table>
        <thead>
          <tr>
            <th>Currency</th>
            <th className="num">Available</th>
            <th className="num">Held</th>
          </tr>
        </thead>
        <tbody>
          {balances.length === 0 && (
            <tr>
              <td colSpan={3} className="muted">
                No points yet.
              </td>
            </tr>
          )}
          {balances.map((b) => (
            <tr key={b.currency}>
              <td>{b.currency}</td>
              <td className="num">
                <Points value={b.available} />
              </td>
              <td className="num">
                <Points value={b.held} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableBox>
  );
}
