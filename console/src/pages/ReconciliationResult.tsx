/** A reconciliation result: matched, or each difference (stored against recomputed) highlighted. */
import { TableBox, When } from '../ui';

export interface Reconciliation {
  periodStart: string;
  reconciledAt: string;
  ok: boolean;
  transfersChecked: number;
  differences: { field: string; stored: string; recomputed: string; statementId?: string | null }[];
}

export function ReconciliationResult({ r }: { r: Reconciliation }) {
  return (
    <section className="card" aria-label="Reconciliation result">
      <p className={r.ok ? 'ok' : 'error'} role="status">
        {r.ok ? 'Reconciled: matches the ledger.' : `${r.differences.length} difference(s) found.`} Checked{' '}
        {r.transfersChecked} transfers at <When iso={r.reconciledAt} />.
      </p>
      {r.differences.length > 0 && (
        <TableBox label="Differences">
          <table>
            <thead>
              <tr>
                <th>Field</th>
                <th>Stored</th>
                <th>Recomputed</th>
              </tr>
            </thead>
            <tbody>
              {r.differences.map((d, i) => (
                <tr key={i} className="diff">
                  <td>{d.field}</td>
                  <td className="code">{d.stored}</td>
                  <td className="code">{d.recomputed}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableBox>
      )}
    </section>
  );
}
