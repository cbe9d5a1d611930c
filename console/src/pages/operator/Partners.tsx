/** Operator: every partner (paged), create one, suspend or reactivate one (with a confirmation). */
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import { navigate } from '../../router';
import { ErrorBox, Link, pageState, TableBox, When } from '../../ui';
import { ConfirmButton } from '../../confirm';

const PartnersPage = graphql(`
  query ConsolePartners($after: String) {
    partners(first: 25, after: $after) {
      nodes {
        id
        code
        name
        status
        settlementCurrency
        createdAt
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const CreatePartner = graphql(`
  mutation ConsoleCreatePartner($input: CreatePartnerInput!) {
    createPartner(input: $input) {
      id
      code
    }
  }
`);

export const UpdatePartnerStatus = graphql(`
  mutation ConsoleUpdatePartnerStatus($input: UpdatePartnerInput!) {
    updatePartner(input: $input) {
      id
      status
    }
  }
`);

function StatusButton({ id, status }: { id: string; status: string }) {
  const [state, update] = useMutation(UpdatePartnerStatus);
  const next = status === 'ACTIVE' ? 'SUSPENDED' : 'ACTIVE';
  const label = next === 'SUSPENDED' ? 'Suspend' : 'Reactivate';
  return (
    <ConfirmButton
      label={`${label}…`}
      danger={next === 'SUSPENDED'}
      question={next === 'SUSPENDED' ? 'Its tokens stop at once.' : 'Its credentials work again.'}
      yes={`Yes, ${label.toLowerCase()}`}
      busy={state.fetching}
      error={state.error}
      onConfirm={async () => !(await update({ input: { id, status: next } })).error}
    />
  );
}

function Page({ after, last, onMore }: { after?: string; last: boolean; onMore: (c: string) => void }) {
  const [{ data, fetching, error }] = useQuery({ query: PartnersPage, variables: { after } });
  const state = pageState(5, { fetching, hasData: !!data, error, empty: false }, '');
  if (state || !data) return state;
  const page = data.partners;
  return (
    <>
      {page.nodes.map((p) => (
        <tr key={p.id}>
          <td>
            <Link to={`/operator/partners/${p.id}`}>{p.name}</Link>
          </td>
          <td className="code">{p.code}</td>
          <td>{p.settlementCurrency}</td>
          <td>
            <span className="badge">{p.status}</span> <When iso={p.createdAt} time={false} />
          </td>
          <td>
            <StatusButton id={p.id} status={p.status} />
          </td>
        </tr>
      ))}
      {last && page.pageInfo.hasNextPage && (
        <tr>
          <td colSpan={5}>
            <button className="secondary" onClick={() => onMore(page.pageInfo.endCursor!)}>
              More partners
            </button>
          </td>
        </tr>
      )}
    </>
  );
}

export function Partners() {
  const [pages, setPages] = useState<(string | undefined)[]>([undefined]);
  const [created, create] = useMutation(CreatePartner);
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const result = await create({
      input: {
        code: String(form.get('code')).trim(),
        name: String(form.get('name')).trim(),
        settlementCurrency: String(form.get('currency')).trim().toUpperCase(),
      },
    });
    if (result.data) navigate(`/operator/partners/${result.data.createPartner.id}`);
  }
  return (
    <main>
      <h1>Partners</h1>
      <form className="card row" onSubmit={submit} aria-label="New partner">
        <label>
          Code
          <input name="code" required pattern="[a-z0-9-]{2,63}" title="2 to 63 lower-case letters, digits or dashes" />
        </label>
        <label>
          Name
          <input name="name" required maxLength={200} />
        </label>
        <label>
          Settlement currency
          <input name="currency" required pattern="[A-Za-z]{3}" placeholder="IDR" size={5} />
        </label>
        <button type="submit" disabled={created.fetching}>
          Create partner
        </button>
      </form>
      <ErrorBox error={created.error} />
      <TableBox label="Partners">
        <table>
          <thead>
            <tr>
              <th>Name</th>
              <th>Code</th>
              <th>Currency</th>
              <th>Status</th>
              <th>Actions</th>
            </tr>
          </thead>
          <tbody>
            {pages.map((after, i) => (
              <Page
                key={after ?? 'first'}
                after={after}
                last={i === pages.length - 1}
                onMore={(c) => setPages([...pages, c])}
              />
            ))}
          </tbody>
        </table>
      </TableBox>
    </main>
  );
}
