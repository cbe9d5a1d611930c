/** Finance: a partner's live draft statement and its closed ones (newest first, paged by period). */
import { useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { ErrorBox, Link, Loading, Money, pageState, TableBox, When } from '../ui';
import { PartnerPicker } from './PartnerPicker';
import { LiabilityChart } from './LiabilityChart';

const Draft = graphql(`
  query ConsoleDraftStatement($partnerId: ID!) {
    settlementStatement(partnerId: $partnerId) {
      partnerId
      periodStart
      periodEnd
      status
      fiatCurrency
      net
      transferCount
    }
  }
`);

/** The period just before the current one: ended, and a draft until finance closes it. */
const Previous = graphql(`
  query ConsolePreviousStatement($partnerId: ID!, $at: DateTime!) {
    settlementStatement(partnerId: $partnerId, at: $at) {
      partnerId
      periodStart
      periodEnd
      status
      fiatCurrency
      net
      transferCount
    }
  }
`);

const Closed = graphql(`
  query ConsoleClosedStatements($partnerId: ID!, $before: DateTime) {
    settlementStatements(partnerId: $partnerId, before: $before) {
      id
      partnerId
      periodStart
      periodEnd
      status
      fiatCurrency
      net
      transferCount
      paidAt
    }
  }
`);

type Row = {
  partnerId: string;
  periodStart: string;
  periodEnd: string;
  status: string;
  fiatCurrency: string;
  net: string;
  transferCount: number;
};

function StatementRows({ rows }: { rows: Row[] }) {
  return (
    <>
      {rows.map((s) => (
        <tr key={s.periodStart}>
          <td>
            <Link to={`/finance/statements/${s.partnerId}/${encodeURIComponent(s.periodStart)}`}>
              <When iso={s.periodStart} time={false} /> – <When iso={s.periodEnd} time={false} />
            </Link>
          </td>
          <td>
            <span className={`badge ${s.status}`}>{s.status}</span>
          </td>
          <td className="num">{s.transferCount}</td>
          <td className="num">
            <Money amount={s.net} currency={s.fiatCurrency} />
          </td>
        </tr>
      ))}
    </>
  );
}

const PAGE = 12;

function ClosedPage({
  partnerId,
  before,
  onMore,
}: {
  partnerId: string;
  before?: string;
  onMore: (b: string) => void;
}) {
  const [{ data, fetching, error }] = useQuery({ query: Closed, variables: { partnerId, before } });
  const rows = (data?.settlementStatements ?? []).slice(0, PAGE);
  const state = pageState(
    4,
    { fetching, hasData: !!data, error, empty: !rows.length && !before },
    'No closed statements yet.',
  );
  if (state) return state;
  const last = rows.at(-1);
  return (
    <>
      <StatementRows rows={rows} />
      {rows.length === PAGE && last && (
        <tr>
          <td colSpan={4}>
            <button className="secondary" onClick={() => onMore(last.periodStart)}>
              Older statements
            </button>
          </td>
        </tr>
      )}
    </>
  );
}

export function Statements({ partnerId }: { partnerId?: string }) {
  const [chosen, setChosen] = useState(partnerId);
  const [pages, setPages] = useState<(string | undefined)[]>([undefined]);
  const [draft] = useQuery({ query: Draft, variables: { partnerId: chosen ?? '' }, pause: !chosen });
  const current = draft.data?.settlementStatement;
  const before = current ? new Date(Date.parse(current.periodStart) - 1).toISOString() : '';
  const [previous] = useQuery({
    query: Previous,
    variables: { partnerId: chosen ?? '', at: before },
    pause: !chosen || !current,
  });
  const ended = previous.data?.settlementStatement;
  return (
    <main>
      <h1>Settlement statements</h1>
      <PartnerPicker fixed={partnerId} value={chosen} onChange={(id) => (setChosen(id), setPages([undefined]))} />
      {chosen && (
        <>
          <h2>Open periods (live drafts)</h2>
          {draft.fetching && !draft.data ? <Loading /> : <ErrorBox error={draft.error} />}
          {draft.data && (
            <TableBox label="Open periods">
              <table>
                <thead>
                  <tr>
                    <th>Period (UTC)</th>
                    <th>Status</th>
                    <th className="num">Transfers</th>
                    <th className="num">Net</th>
                  </tr>
                </thead>
                <tbody>
                  <StatementRows rows={[draft.data.settlementStatement]} />
                  {ended?.status === 'DRAFT' && <StatementRows rows={[ended]} />}
                </tbody>
              </table>
            </TableBox>
          )}
          <LiabilityChart partnerId={chosen} />
          <h2>Closed periods</h2>
          <TableBox label="Closed periods">
            <table>
              <thead>
                <tr>
                  <th>Period (UTC)</th>
                  <th>Status</th>
                  <th className="num">Transfers</th>
                  <th className="num">Net</th>
                </tr>
              </thead>
              <tbody>
                {pages.map((before, i) => (
                  <ClosedPage
                    key={before ?? 'first'}
                    partnerId={chosen}
                    before={before}
                    onMore={(b) => i === pages.length - 1 && setPages([...pages, b])}
                  />
                ))}
              </tbody>
            </table>
          </TableBox>
        </>
      )}
    </main>
  );
}
