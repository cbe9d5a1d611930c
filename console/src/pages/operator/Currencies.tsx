/**
 * Operator: currencies, and for a branded currency its rate versions against PTS with a form for a new one.
 * A rate that would make a round trip profitable is refused by the hub (ARBITRAGE_CYCLE); the refusal is shown
 * with the cycle and its factor.
 */
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { graphql } from '../../gql';
import { ErrorBox, Loading, Points, TableBox, When } from '../../ui';

const CurrenciesQuery = graphql(`
  query ConsoleCurrencies {
    currencies {
      code
      name
      kind
      scale
      issuerPartnerId
      expiryPolicy
    }
  }
`);

const RatesQuery = graphql(`
  query ConsoleRates($currency: String!) {
    exchangeRates(currency: $currency) {
      id
      direction
      rate
      spread
      minimumAmount
      increment
      effectiveFrom
    }
  }
`);

const SetRate = graphql(`
  mutation ConsoleSetRate($input: SetExchangeRateInput!) {
    setExchangeRate(input: $input) {
      id
    }
  }
`);

function ArbitrageRefusal({ error }: { error: CombinedError | undefined }) {
  const refusal = error?.graphQLErrors.find((e) => e.extensions?.code === 'ARBITRAGE_CYCLE');
  if (!refusal) return <ErrorBox error={error} />;
  const { cycle, product } = refusal.extensions as { cycle?: string[]; product?: string };
  return (
    <div className="error" role="alert" data-code="ARBITRAGE_CYCLE">
      <strong>Refused: this rate would let points make money on a round trip.</strong>
      <div>
        Cycle <span className="code">{cycle?.join(' → ')}</span> multiplies by <span className="code">{product}</span>{' '}
        (more than 1).
      </div>
    </div>
  );
}

function Rates({ currency }: { currency: string }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: RatesQuery, variables: { currency } });
  const [state, setRate] = useMutation(SetRate);
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const text = (k: string) => String(f.get(k) ?? '').trim();
    const r = await setRate({
      input: {
        currency,
        direction: text('direction') as 'TO_PTS' | 'FROM_PTS',
        rate: text('rate'),
        spread: text('spread'),
        minimumAmount: text('minimumAmount'),
        increment: text('increment'),
      },
    });
    if (!r.error) refetch({ requestPolicy: 'network-only' });
  }
  return (
    <section aria-label={`Rates of ${currency}`}>
      <h2>Rates of {currency} against PTS</h2>
      {fetching && !data && <Loading />}
      <ErrorBox error={error} />
      {data && (
        <TableBox label="Rate versions">
          <table>
            <thead>
              <tr>
                <th>Direction</th>
                <th className="num">Rate</th>
                <th className="num">Spread</th>
                <th className="num">Minimum</th>
                <th className="num">Increment</th>
                <th>From</th>
              </tr>
            </thead>
            <tbody>
              {data.exchangeRates.length === 0 && (
                <tr>
                  <td colSpan={6} className="muted">
                    No rate yet.
                  </td>
                </tr>
              )}
              {data.exchangeRates.map((r) => (
                <tr key={r.id}>
                  <td>{r.direction}</td>
                  <td className="num code">{r.rate}</td>
                  <td className="num code">{r.spread}</td>
                  <td className="num">
                    <Points value={r.minimumAmount} />
                  </td>
                  <td className="num">
                    <Points value={r.increment} />
                  </td>
                  <td>
                    <When iso={r.effectiveFrom} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableBox>
      )}
      <form className="card row" onSubmit={submit} aria-label="New rate version">
        <label>
          Direction
          <select name="direction" defaultValue="FROM_PTS">
            <option value="TO_PTS">TO_PTS ({currency} → PTS)</option>
            <option value="FROM_PTS">FROM_PTS (PTS → {currency})</option>
          </select>
        </label>
        <label>
          Rate
          <input name="rate" required inputMode="decimal" pattern="[0-9]+(\.[0-9]+)?" />
        </label>
        <label>
          Spread
          <input name="spread" required defaultValue="0" inputMode="decimal" pattern="[0-9]+(\.[0-9]+)?" />
        </label>
        <label>
          Minimum
          <input name="minimumAmount" required defaultValue="1" inputMode="numeric" pattern="[0-9]+" />
        </label>
        <label>
          Increment
          <input name="increment" required defaultValue="1" inputMode="numeric" pattern="[0-9]+" />
        </label>
        <button type="submit" disabled={state.fetching}>
          Set rate
        </button>
      </form>
      <ArbitrageRefusal error={state.error} />
    </section>
  );
}

export function Currencies() {
  const [{ data, fetching, error }] = useQuery({ query: CurrenciesQuery });
  const [chosen, setChosen] = useState<string>();
  return (
    <main>
      <h1>Currencies and rates</h1>
      {fetching && !data && <Loading />}
      <ErrorBox error={error} />
      {data && (
        <TableBox label="Currencies">
          <table>
            <thead>
              <tr>
                <th>Code</th>
                <th>Name</th>
                <th>Kind</th>
                <th className="num">Decimals</th>
                <th>Expiry</th>
                <th>Rates</th>
              </tr>
            </thead>
            <tbody>
              {data.currencies.map((c) => (
                <tr key={c.code}>
                  <td className="code">{c.code}</td>
                  <td>{c.name}</td>
                  <td>{c.kind}</td>
                  <td className="num">{c.scale}</td>
                  <td>{c.expiryPolicy}</td>
                  <td>
                    {c.code !== 'PTS' && (
                      <button className="secondary" onClick={() => setChosen(c.code)} aria-label={`Rates of ${c.code}`}>
                        Rates
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableBox>
      )}
      {chosen && <Rates key={chosen} currency={chosen} />}
    </main>
  );
}
