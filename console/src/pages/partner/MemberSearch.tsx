/**
 * Partner staff: find one of the partner's members by the partner's own customer id, or by e-mail address, then
 * the member's page. The e-mail search is consent-aware in the hub: it finds only members who grant this
 * partner the `contact` scope (anyone else looks exactly like an unknown address). What the member page shows
 * is what the partner may see: its own link and transactions, PTS and its own currencies, and the profile
 * fields the member's consents allow.
 */
import { useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { navigate } from '../../router';
import { Empty, ErrorBox, Link, Loading } from '../../ui';

const ByEmail = graphql(`
  query ConsoleMembersByEmail($email: String!) {
    membersByEmail(email: $email) {
      id
      profile {
        displayName
        email
      }
      partnerLink {
        customerId
      }
    }
  }
`);

function EmailResults({ email }: { email: string }) {
  const [{ data, fetching, error }] = useQuery({ query: ByEmail, variables: { email }, requestPolicy: 'network-only' });
  if (fetching) return <Loading />;
  if (error) return <ErrorBox error={error} />;
  const found = data?.membersByEmail ?? [];
  if (found.length === 0)
    return <Empty>No member of yours with that address shares it with you (contact consent).</Empty>;
  return (
    <ul className="card" aria-label="Members found">
      {found.map((m) => {
        const customerId = m.partnerLink?.customerId;
        return (
          <li key={m.id}>
            {customerId ? (
              <Link to={`/partner/members/${encodeURIComponent(customerId)}`}>{customerId}</Link>
            ) : (
              <span className="code">{m.id}</span>
            )}{' '}
            {m.profile.displayName ?? ''} <span className="muted">{m.profile.email}</span>
          </li>
        );
      })}
    </ul>
  );
}

export function MemberSearch() {
  // Each search is a new one (a new key), so searching the same address again asks the hub again.
  const [search, setSearch] = useState<{ email: string; n: number }>();
  function byCustomer(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const customerId = String(new FormData(e.currentTarget).get('customerId') ?? '').trim();
    if (customerId) navigate(`/partner/members/${encodeURIComponent(customerId)}`);
  }
  function byEmail(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const value = String(new FormData(e.currentTarget).get('email') ?? '').trim();
    if (value) setSearch((prev) => ({ email: value, n: (prev?.n ?? 0) + 1 }));
  }
  return (
    <main>
      <h1>Find a member</h1>
      <form className="card row" onSubmit={byCustomer} role="search" aria-label="By customer id">
        <label>
          Customer id (yours)
          <input name="customerId" required maxLength={200} autoComplete="off" />
        </label>
        <button type="submit">Find</button>
      </form>
      <form className="card row" onSubmit={byEmail} role="search" aria-label="By e-mail">
        <label>
          E-mail address
          <input name="email" type="email" required maxLength={254} autoComplete="off" />
        </label>
        <button type="submit">Search</button>
      </form>
      {search && <EmailResults key={search.n} email={search.email} />}
    </main>
  );
}
