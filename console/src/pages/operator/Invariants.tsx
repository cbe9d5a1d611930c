/** Operator: every ledger invariant, checked on demand against the live tables. */
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { ErrorBox, Loading, TableBox, When } from '../../ui';

const InvariantsQuery = graphql(`
  query ConsoleInvariants {
    ledgerInvariants {
      ok
      checkedAt
      violations {
        invariant
        subject
        detail
      }
    }
  }
`);

export function Invariants() {
  const [{ data, fetching, error }, check] = useQuery({ query: InvariantsQuery, requestPolicy: 'network-only' });
  const report = data?.ledgerInvariants;
  return (
    <main>
      <h1>Ledger invariants</h1>
      <button onClick={() => check({ requestPolicy: 'network-only' })} disabled={fetching}>
        Check now
      </button>
      {fetching && !data && <Loading />}
      <ErrorBox error={error} />
      {report && (
        <>
          <p className={report.ok ? 'ok' : 'error'} role="status">
            {report.ok ? 'Every invariant holds.' : `${report.violations.length} violation(s).`} Checked at{' '}
            <When iso={report.checkedAt} />.
          </p>
          {report.violations.length > 0 && (
            <TableBox label="Violations">
              <table>
                <thead>
                  <tr>
                    <th>Invariant</th>
                    <th>Subject</th>
                    <th>Detail</th>
                  </tr>
                </thead>
                <tbody>
                  {report.violations.map((v, i) => (
                    <tr key={i} className="diff">
                      <td>{v.invariant}</td>
                      <td className="code">{v.subject}</td>
                      <td>{v.detail}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableBox>
          )}
        </>
      )}
    </main>
  );
}
