/**
 * The member's own page (signed in at the hub): balances in every currency, history across brands, tier,
 * rewards (catalog, redeem, redemptions with codes), consents per partner (grant and revoke), data export and
 * erasure with confirmation.
 */
import { useMemo, useState } from 'react';
import { Provider, useMutation, useQuery } from 'urql';
import { bearerClient } from '../api';
import { graphql } from '../gql';
import { BalancesTable, Empty, ErrorBox, Loading, pageState, Points, TableBox, When } from '../ui';
import { MemberRewards } from './MemberRewards';

const Me = graphql(`
  query ConsoleMe {
    me {
      id
      erasedAt
      profile {
        displayName
        email
      }
      tier {
        name
        qualifyingPoints
        nextTier
        pointsToNextTier
      }
      links {
        partnerId
        customerId
        linkedAt
      }
      balances {
        currency
        available
        held
      }
      consents {
        partnerId
        scope
        granted
        at
      }
    }
  }
`);

const History = graphql(`
  query ConsoleMyHistory($after: String) {
    me {
      id
      transactions(first: 20, after: $after) {
        nodes {
          id
          kind
          currency
          walletDelta
          partnerId
          orderRef
          createdAt
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

const SetConsent = graphql(`
  mutation ConsoleSetConsent($input: SetConsentInput!) {
    setConsent(input: $input) {
      partnerId
      scope
      granted
      at
    }
  }
`);

const Export = graphql(`
  query ConsoleExportMyData {
    exportMyData
  }
`);

const Erase = graphql(`
  mutation ConsoleEraseMyData {
    eraseMyData {
      id
      erasedAt
    }
  }
`);

const SCOPES = [
  { scope: 'profile', label: 'Name, birth date and language' },
  { scope: 'contact', label: 'E-mail and phone' },
  { scope: 'marketing', label: 'Marketing preferences' },
];

function HistoryPage({ after, onMore }: { after?: string; onMore: (cursor: string) => void }) {
  const [{ data, fetching, error }] = useQuery({ query: History, variables: { after } });
  const page = data?.me.transactions;
  const state = pageState(
    4,
    { fetching, hasData: !!data, error, empty: !page?.nodes.length && !after },
    'No points movements yet.',
  );
  if (state || !page) return state;
  return (
    <>
      {page.nodes.map((t) => (
        <tr key={t.id}>
          <td>
            <When iso={t.createdAt} />
          </td>
          <td>{t.kind}</td>
          <td className="code">{t.orderRef ?? ''}</td>
          <td className="num">
            <Points value={t.walletDelta} /> {t.currency}
          </td>
        </tr>
      ))}
      {page.pageInfo.hasNextPage && page.pageInfo.endCursor && (
        <tr>
          <td colSpan={4}>
            <button className="secondary" onClick={() => onMore(page.pageInfo.endCursor!)}>
              More
            </button>
          </td>
        </tr>
      )}
    </>
  );
}

function Consents({
  links,
  consents,
}: {
  links: { partnerId: string; customerId: string }[];
  consents: { partnerId: string; scope: string; granted: boolean }[];
}) {
  const [state, setConsent] = useMutation(SetConsent);
  // What the member just chose shows at once; a refused change goes back to what the hub holds.
  const [chosen, setChosen] = useState<Record<string, boolean>>({});
  const granted = (partnerId: string, scope: string) =>
    chosen[`${partnerId}:${scope}`] ??
    consents.some((c) => c.partnerId === partnerId && c.scope === scope && c.granted);
  async function change(partnerId: string, scope: string, value: boolean) {
    const key = `${partnerId}:${scope}`;
    setChosen((c) => ({ ...c, [key]: value }));
    const result = await setConsent({ input: { partnerId, scope, granted: value } });
    if (result.error) setChosen(({ [key]: _dropped, ...rest }) => rest);
  }
  if (!links.length) return <Empty>No partner knows you yet.</Empty>;
  return (
    <>
      {links.map((l) => (
        <fieldset key={l.partnerId} className="card">
          <legend>
            Partner <span className="code">{l.partnerId.slice(0, 8)}</span> (your id there: {l.customerId})
          </legend>
          {SCOPES.map(({ scope, label }) => (
            <label key={scope} className="check">
              <input
                type="checkbox"
                name={`${l.partnerId}:${scope}`}
                checked={granted(l.partnerId, scope)}
                onChange={(e) => void change(l.partnerId, scope, e.target.checked)}
              />{' '}
              {scope}: {label}
            </label>
          ))}
        </fieldset>
      ))}
      <ErrorBox error={state.error} />
    </>
  );
}

function DataControls({ onErased }: { onErased: () => void }) {
  const [exported, reexport] = useQuery({ query: Export, pause: true, requestPolicy: 'network-only' });
  const [erasing, erase] = useMutation(Erase);
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');
  const download = useMemo(() => {
    if (!exported.data) return undefined;
    return URL.createObjectURL(
      new Blob([JSON.stringify(exported.data.exportMyData, null, 2)], { type: 'application/json' }),
    );
  }, [exported.data]);
  return (
    <div className="card">
      <div className="row">
        <button className="secondary" onClick={() => reexport()} disabled={exported.fetching}>
          Prepare my data export
        </button>
        {download && (
          <a href={download} download="my-coalition-data.json">
            Download my data (JSON)
          </a>
        )}
      </div>
      <ErrorBox error={exported.error} />
      <h3>Erase my data</h3>
      <p>Your personal data and links to partners are removed. Your points history stays, without your name.</p>
      {!confirming ? (
        <button className="danger" onClick={() => setConfirming(true)}>
          Erase my data…
        </button>
      ) : (
        <form
          className="row"
          onSubmit={async (e) => {
            e.preventDefault();
            const r = await erase({});
            if (!r.error) onErased();
          }}
        >
          <label>
            Type ERASE to confirm
            <input value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
          </label>
          <button className="danger" type="submit" disabled={typed !== 'ERASE' || erasing.fetching}>
            Erase for good
          </button>
          <button className="secondary" type="button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </form>
      )}
      <ErrorBox error={erasing.error} />
    </div>
  );
}

function MemberPage({ onSignOut }: { onSignOut: () => void }) {
  const [{ data, fetching, error }] = useQuery({ query: Me });
  const [pages, setPages] = useState<(string | undefined)[]>([undefined]);
  const [erased, setErased] = useState(false);
  if (erased)
    return (
      <main>
        <h1>Your data was erased</h1>
        <button onClick={onSignOut}>Done</button>
      </main>
    );
  if (fetching && !data)
    return (
      <main>
        <Loading />
      </main>
    );
  if (error || !data)
    return (
      <main>
        <h1>Your points</h1>
        <ErrorBox error={error} />
      </main>
    );
  const me = data.me;
  return (
    <main>
      <div className="row">
        <h1>Hello{me.profile.displayName ? `, ${me.profile.displayName}` : ''}</h1>
        <button className="secondary" onClick={onSignOut}>
          Sign out
        </button>
      </div>
      <section className="card" aria-label="Tier">
        <strong>{me.tier.name}</strong> · <Points value={me.tier.qualifyingPoints} /> qualifying points
        {me.tier.nextTier && me.tier.pointsToNextTier && (
          <>
            {' '}
            · <Points value={me.tier.pointsToNextTier} /> more for {me.tier.nextTier}
          </>
        )}
      </section>
      <h2>Balances</h2>
      <BalancesTable balances={me.balances} />
      <h2>History at every brand</h2>
      <TableBox label="History">
        <table>
          <thead>
            <tr>
              <th>When</th>
              <th>What</th>
              <th>Reference</th>
              <th className="num">Points</th>
            </tr>
          </thead>
          <tbody>
            {pages.map((after, i) => (
              <HistoryPage
                key={after ?? 'first'}
                after={after}
                onMore={(c) => i === pages.length - 1 && setPages([...pages, c])}
              />
            ))}
          </tbody>
        </table>
      </TableBox>
      <MemberRewards />
      <h2>What each partner may see</h2>
      <Consents links={me.links} consents={me.consents} />
      <h2>Your data</h2>
      <DataControls onErased={() => setErased(true)} />
    </main>
  );
}

/** The member area: signed in (a client with the member's token) or the sign-in button. */
export function Member({
  token,
  error,
  onSignIn,
  onSignOut,
}: {
  token?: string;
  error?: string;
  onSignIn: () => void;
  onSignOut: () => void;
}) {
  const client = useMemo(() => (token ? bearerClient(token) : undefined), [token]);
  if (!client)
    return (
      <main>
        <h1>Your points across the coalition</h1>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <p>Sign in with a one-time code sent to the e-mail address or phone number a partner verified.</p>
        <button onClick={onSignIn}>Sign in</button>
      </main>
    );
  return (
    <Provider value={client}>
      <MemberPage onSignOut={onSignOut} />
    </Provider>
  );
}
