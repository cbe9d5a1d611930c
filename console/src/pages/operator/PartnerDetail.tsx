/**
 * Operator: one partner — its status, new client credentials (the secret is shown once, here, and never
 * again), revoking credentials, and its contract versions with a form for the next one.
 */
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import { Empty, ErrorBox, Loading, TableBox, When } from '../../ui';

const PartnerQuery = graphql(`
  query ConsolePartner($id: ID!) {
    partner(id: $id) {
      id
      code
      name
      status
      settlementCurrency
      createdAt
    }
    partnerContracts(partnerId: $id) {
      id
      version
      effectiveFrom
      settlementCurrency
      issuePrice
      redemptionPrice
      billingMode
      creditLimit
      period
      periodSeconds
    }
  }
`);

const CreateCredentials = graphql(`
  mutation ConsoleCreateCredentials($input: CreatePartnerCredentialsInput!) {
    createPartnerCredentials(input: $input) {
      clientId
      clientSecret
      scopes
      tokenEndpoint
    }
  }
`);

const RevokeCredentials = graphql(`
  mutation ConsoleRevokeCredentials($clientId: String!) {
    revokePartnerCredentials(clientId: $clientId)
  }
`);

const SetContract = graphql(`
  mutation ConsoleSetContract($input: SetPartnerContractInput!) {
    setPartnerContract(input: $input) {
      id
      version
    }
  }
`);

const SCOPES = ['members:read', 'members:write', 'points:read', 'points:write', 'apps:write'];

function Credentials({ partnerId }: { partnerId: string }) {
  const [created, create] = useMutation(CreateCredentials);
  const [revoked, revoke] = useMutation(RevokeCredentials);
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const scopes = form.getAll('scope').map(String);
    await create({ input: { partnerId, scopes, label: String(form.get('label') || '') || null } });
  }
  const secret = created.data?.createPartnerCredentials;
  return (
    <section className="card" aria-label="Credentials">
      <form onSubmit={submit}>
        <fieldset>
          <legend>Scopes of the new credentials</legend>
          {SCOPES.map((s) => (
            <label key={s} className="check">
              <input type="checkbox" name="scope" value={s} defaultChecked /> {s}
            </label>
          ))}
        </fieldset>
        <div className="row">
          <label>
            Label
            <input name="label" maxLength={100} />
          </label>
          <button type="submit" disabled={created.fetching}>
            Create credentials
          </button>
        </div>
      </form>
      <ErrorBox error={created.error} />
      {secret && (
        <div className="ok" role="status">
          <p>
            <strong>Copy the secret now: it is shown only once.</strong>
          </p>
          <dl className="facts">
            <dt>Client id</dt>
            <dd className="secret" data-testid="client-id">
              {secret.clientId}
            </dd>
            <dt>Client secret</dt>
            <dd className="secret" data-testid="client-secret">
              {secret.clientSecret}
            </dd>
            <dt>Scopes</dt>
            <dd>{secret.scopes.join(' ')}</dd>
            <dt>Token endpoint</dt>
            <dd className="code">{secret.tokenEndpoint}</dd>
          </dl>
        </div>
      )}
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void revoke({ clientId: String(new FormData(e.currentTarget).get('clientId')).trim() });
        }}
      >
        <label>
          Revoke credentials (client id)
          <input name="clientId" required />
        </label>
        <button className="danger" type="submit" disabled={revoked.fetching}>
          Revoke
        </button>
      </form>
      {revoked.data && <p role="status">{revoked.data.revokePartnerCredentials ? 'Revoked.' : 'Nothing to revoke.'}</p>}
      <ErrorBox error={revoked.error} />
    </section>
  );
}

function ContractForm({ partnerId, currency, onSaved }: { partnerId: string; currency: string; onSaved: () => void }) {
  const [state, save] = useMutation(SetContract);
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const text = (k: string) => String(f.get(k) ?? '').trim();
    const period = text('period');
    const r = await save({
      input: {
        partnerId,
        settlementCurrency: text('currency').toUpperCase(),
        issuePrice: text('issuePrice'),
        redemptionPrice: text('redemptionPrice'),
        billingMode: text('billingMode') as 'POSTPAID' | 'PREPAID',
        creditLimit: text('creditLimit') || null,
        period: period as 'DAILY' | 'WEEKLY' | 'MONTHLY',
        effectiveFrom: text('effectiveFrom') ? new Date(text('effectiveFrom')).toISOString() : null,
      },
    });
    if (!r.error) onSaved();
  }
  return (
    <form className="card row" onSubmit={submit} aria-label="New contract version">
      <label>
        Currency
        <input name="currency" defaultValue={currency} required pattern="[A-Za-z]{3}" size={5} />
      </label>
      <label>
        Issue price (per point)
        <input name="issuePrice" required inputMode="decimal" pattern="[0-9]+(\.[0-9]+)?" />
      </label>
      <label>
        Redemption price (per point)
        <input name="redemptionPrice" required inputMode="decimal" pattern="[0-9]+(\.[0-9]+)?" />
      </label>
      <label>
        Billing
        <select name="billingMode" defaultValue="POSTPAID">
          <option>POSTPAID</option>
          <option>PREPAID</option>
        </select>
      </label>
      <label>
        Credit limit (optional)
        <input name="creditLimit" inputMode="decimal" pattern="[0-9]+(\.[0-9]+)?" />
      </label>
      <label>
        Period
        <select name="period" defaultValue="MONTHLY">
          <option>DAILY</option>
          <option>WEEKLY</option>
          <option>MONTHLY</option>
        </select>
      </label>
      <label>
        Effective from (empty: now)
        <input name="effectiveFrom" type="datetime-local" />
      </label>
      <button type="submit" disabled={state.fetching}>
        Add contract version
      </button>
      <ErrorBox error={state.error} />
    </form>
  );
}

export function PartnerDetail({ id }: { id: string }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: PartnerQuery, variables: { id } });
  const [showContract, setShowContract] = useState(false);
  if (fetching && !data)
    return (
      <main>
        <Loading />
      </main>
    );
  if (error || !data)
    return (
      <main>
        <h1>Partner</h1>
        <ErrorBox error={error} />
      </main>
    );
  const p = data.partner;
  return (
    <main>
      <h1>
        {p.name} <span className="badge">{p.status}</span>
      </h1>
      <p className="muted">
        <span className="code">{p.code}</span> · settles in {p.settlementCurrency} · since{' '}
        <When iso={p.createdAt} time={false} />
      </p>
      <h2>Client credentials</h2>
      <Credentials partnerId={p.id} />
      <h2>Contract versions</h2>
      {data.partnerContracts.length === 0 ? (
        <Empty>No contract yet: its points are not valued until one is in effect.</Empty>
      ) : (
        <TableBox label="Contract versions">
          <table>
            <thead>
              <tr>
                <th>Version</th>
                <th>From</th>
                <th>Currency</th>
                <th className="num">Issue</th>
                <th className="num">Redemption</th>
                <th>Billing</th>
                <th>Period</th>
              </tr>
            </thead>
            <tbody>
              {data.partnerContracts.map((c) => (
                <tr key={c.id}>
                  <td>{c.version}</td>
                  <td>
                    <When iso={c.effectiveFrom} />
                  </td>
                  <td>{c.settlementCurrency}</td>
                  <td className="num code">{c.issuePrice}</td>
                  <td className="num code">{c.redemptionPrice}</td>
                  <td>
                    {c.billingMode}
                    {c.creditLimit ? ` (limit ${c.creditLimit})` : ''}
                  </td>
                  <td>
                    {c.period}
                    {c.periodSeconds ? ` ${c.periodSeconds}s` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableBox>
      )}
      {showContract ? (
        <ContractForm
          partnerId={p.id}
          currency={p.settlementCurrency}
          onSaved={() => (setShowContract(false), refetch({ requestPolicy: 'network-only' }))}
        />
      ) : (
        <button className="secondary" onClick={() => setShowContract(true)}>
          New contract version…
        </button>
      )}
    </main>
  );
}
