/** Finance: a partner's stored reconciliation results, newest period first, differences highlighted. */
import { useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { Empty, ErrorBox, Link, Loading, TableBox, When } from '../ui';
import { PartnerPicker } from './PartnerPicker';

const ReconciliationsQuery = graphql(`
  query ConsoleReconciliations($partnerId: ID!) {
    settlementReconciliations(partnerId: $partnerId) {
      partnerId
      periodStart
      statementId
      reconciledAt
      ok
      transfersChecked
      differences {
        field
        stored
        recomputed
      }
    }
  }
`);

export function Reconciliations({ partnerId }: { partnerId?: string }) {
  const [chosen, setChosen] = useState(partnerId);
  const [{ data, fetching, error }] = useQuery({
    query: ReconciliationsQuery,
    variables: { partnerId: chosen ?? '' },
    pause: !chosen,
  });
  const rows = data?.settlementReconciliations ?? [];
  return (
    <main>
      <h1>Reconciliation report</h1>
      <PartnerPicker fixed={partnerId} value={chosen} onChange={setChosen} />
      {fetching && !data && <Loading />}
      <ErrorBox error={error} />
      {chosen && data && !rows.length && <Empty>No reconciliations yet: reconcile a closed statement.</Empty>}
      {rows.length > 0 && (
        <TableBox label="Reconciliations">
          <table>
            <thead>
              <tr>
                <th>Period</th>
                <th>Result</th>
                <th className="num">Transfers</th>
                <th>Reconciled</th>
                <th>Differences</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.periodStart} className={r.ok ? '' : 'diff'}>
                  <td>
                    <Link to={`/finance/statements/${r.partnerId}/${encodeURIComponent(r.periodStart)}`}>
                      <When iso={r.periodStart} time={false} />
                    </Link>
                  </td>
                  <td>{r.ok ? 'matches' : 'DIFFERS'}</td>
                  <td className="num">{r.transfersChecked}</td>
                  <td>
                    <When iso={r.reconciledAt} />
                  </td>
                  <td>
                    {r.differences.map((d, i) => (
                      <div key={i} className="code">
                        {d.field}: {d.stored} → {d.recomputed}
                      </div>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableBox>
      )}
    </main>
  );
}
