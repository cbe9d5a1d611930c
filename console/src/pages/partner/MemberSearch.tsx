/**
 * Partner staff: find one of the partner's members by the partner's own customer id, then the member's page.
 * What shows is what the partner may see: its own link and transactions, PTS and its own currencies, and the
 * profile fields the member's consents allow (the hub hides the rest).
 */
import { type FormEvent } from 'react';
import { navigate } from '../../router';

export function MemberSearch() {
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const customerId = String(new FormData(e.currentTarget).get('customerId') ?? '').trim();
    if (customerId) navigate(`/partner/members/${encodeURIComponent(customerId)}`);
  }
  return (
    <main>
      <h1>Find a member</h1>
      <form className="card row" onSubmit={submit} role="search">
        <label>
          Customer id (yours)
          <input name="customerId" required maxLength={200} autoComplete="off" />
        </label>
        <button type="submit">Find</button>
      </form>
    </main>
  );
}
