/**
 * One statement: its lines and totals; close the period, mark it paid, reconcile it, download the CSV. The
 * URL names the partner and period; the hub decides whether this viewer may see it (a partner-scoped finance
 * user gets "not found" for another partner's statement, with nothing shown).
 */
import { type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { ErrorBox, Loading, Money, Points, TableBox, When } from '../ui';
import { ConfirmButton } from '../confirm';
import { ReconciliationResult } from './ReconciliationResult';

const Statement = graphql(`
  query ConsoleStatement($partnerId: ID!, $at: DateTime!) {
    settlementStatement(partnerId: $partnerId, at: $at) {
      id
      partnerId
      periodStart
      periodEnd
      status
      fiatCurrency
      lines {
        kind
        transfers
        points
        amount
      }
      dueToHub
      dueToPartner
      netExact
      net
      rounding
      transferCount
      digest
      closedAt
      paidAt
      paymentReference
    }
  }
`);

const Close = graphql(`
  mutation ConsoleClosePeriod($input: StatementRefInput!) {
    closeSettlementPeriod(input: $input) {
      id
      status
      closedAt
    }
  }
`);

const MarkPaid = graphql(`
  mutation ConsoleMarkPaid($input: StatementRefInput!, $paymentReference: String!) {
    markStatementPaid(input: $input, paymentReference: $paymentReference) {
      id
      status
      paidAt
      paymentReference
    }
  }
`);

const Reconcile = graphql(`
  mutation ConsoleReconcilePeriod($input: StatementRefInput!) {
    reconcileSettlementPeriod(input: $input) {
      partnerId
      periodStart
      statementId
      reconciledAt
      ok
      transfersChecked
      differences {
        statementId
        partnerId
        field
        stored
        recomputed
      }
    }
  }
`);

export function StatementDetail({ partnerId, periodStart }: { partnerId: string; periodStart: string }) {
  const [{ data, fetching, error }, refetch] = useQuery({
    query: Statement,
    variables: { partnerId, at: periodStart },
    requestPolicy: 'network-only',
  });
  const [closing, close] = useMutation(Close);
  const [paying, markPaid] = useMutation(MarkPaid);
  const [reconciling, reconcile] = useMutation(Reconcile);
  const input = { partnerId, periodStart };

  if (fetching && !data)
    return (
      <main>
        <Loading />
      </main>
    );
  if (error || !data)
    return (
      <main>
        <h1>Statement</h1>
        <ErrorBox error={error} />
      </main>
    );
  const s = data.settlementStatement;
  const csv = `/settlement/statement.csv?partnerId=${encodeURIComponent(partnerId)}&periodStart=${encodeURIComponent(s.periodStart)}`;

  async function pay(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const reference = String(new FormData(e.currentTarget).get('reference') ?? '').trim();
    const result = await markPaid({ input, paymentReference: reference });
    if (!result.error) refetch({ requestPolicy: 'network-only' });
  }

  return (
    <main>
      <h1>
        Statement <When iso={s.periodStart} time={false} /> – <When iso={s.periodEnd} time={false} />{' '}
        <span className={`badge ${s.status}`} data-testid="status">
          {s.status}
        </span>
      </h1>
      <div className="card">
        <dl className="facts">
          <dt>Net (rounded)</dt>
          <dd>
            <Money amount={s.net} currency={s.fiatCurrency} />
          </dd>
          <dt>Due to the hub</dt>
          <dd>
            <Money amount={s.dueToHub} currency={s.fiatCurrency} />
          </dd>
          <dt>Due to the partner</dt>
          <dd>
            <Money amount={s.dueToPartner} currency={s.fiatCurrency} />
          </dd>
          <dt>Rounding</dt>
          <dd className="code">{s.rounding}</dd>
          <dt>Transfers</dt>
          <dd>{s.transferCount}</dd>
          <dt>Closed</dt>
          <dd>
            <When iso={s.closedAt} />
          </dd>
          <dt>Paid</dt>
          <dd>
            <When iso={s.paidAt} /> {s.paymentReference && <span className="code">{s.paymentReference}</span>}
          </dd>
          <dt>Digest</dt>
          <dd className="code">{s.digest}</dd>
        </dl>
      </div>
      <h2>Lines</h2>
      <TableBox label="Statement lines">
        <table>
          <thead>
            <tr>
              <th>Kind</th>
              <th className="num">Transfers</th>
              <th className="num">Points</th>
              <th className="num">Amount</th>
            </tr>
          </thead>
          <tbody>
            {s.lines.length === 0 && (
              <tr>
                <td colSpan={4} className="muted">
                  No transfers in this period.
                </td>
              </tr>
            )}
            {s.lines.map((l) => (
              <tr key={l.kind}>
                <td>{l.kind}</td>
                <td className="num">{l.transfers}</td>
                <td className="num">
                  <Points value={l.points} />
                </td>
                <td className="num">
                  <Money amount={l.amount} currency={s.fiatCurrency} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableBox>
      <h2>Actions</h2>
      <div className="card row">
        <a href={csv} download>
          Download CSV
        </a>
        {s.status === 'DRAFT' && (
          <ConfirmButton
            label="Close period"
            danger={false}
            question="Close this period? Its statement becomes immutable."
            yes="Yes, close the period"
            busy={closing.fetching}
            error={closing.error}
            onConfirm={async () => {
              const r = await close({ input });
              if (!r.error) refetch({ requestPolicy: 'network-only' });
              return !r.error;
            }}
          />
        )}
        {s.status === 'CLOSED' && (
          <form className="row" onSubmit={pay}>
            <label>
              Payment reference
              <input name="reference" required maxLength={200} />
            </label>
            <button type="submit" disabled={paying.fetching}>
              Mark paid
            </button>
          </form>
        )}
        {s.status !== 'DRAFT' && (
          <button className="secondary" disabled={reconciling.fetching} onClick={() => reconcile({ input })}>
            Reconcile
          </button>
        )}
      </div>
      <ErrorBox error={paying.error ?? reconciling.error} />
      {reconciling.data && <ReconciliationResult r={reconciling.data.reconcileSettlementPeriod} />}
    </main>
  );
}
