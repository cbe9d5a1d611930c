/**
 * Finance: points issued by one partner and redeemed at another in a date range, as a heat map (issuer ×
 * redeemer) with the fiat on both sides in the table. Points are BigInt strings; the chart gets numbers only
 * for colour and position (the exact values are in the table and the tooltip text).
 */
import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { Chart } from '../charts';
import { graphql } from '../gql';
import { Empty, ErrorBox, Loading, Money, Points, TableBox } from '../ui';

const FlowsQuery = graphql(`
  query ConsoleFlows($from: DateTime!, $to: DateTime!) {
    interPartnerFlows(from: $from, to: $to) {
      issuerPartnerId
      redeemerPartnerId
      points
      issuerFiat
      issuerCurrency
      redeemerFiat
      redeemerCurrency
    }
  }
`);

const NamesQuery = graphql(`
  query ConsoleFlowPartnerNames {
    partners(first: 200) {
      nodes {
        id
        name
      }
    }
  }
`);

const day = (d: Date) => d.toISOString().slice(0, 10);

export function Flows({ hubWide }: { hubWide: boolean }) {
  const [range, setRange] = useState(() => {
    const to = new Date(Date.now() + 86_400_000);
    return { from: day(new Date(to.getTime() - 31 * 86_400_000)), to: day(to) };
  });
  const [{ data, fetching, error }] = useQuery({
    query: FlowsQuery,
    variables: { from: `${range.from}T00:00:00.000Z`, to: `${range.to}T00:00:00.000Z` },
  });
  const [names] = useQuery({ query: NamesQuery, pause: !hubWide });
  const nameOf = useMemo(() => {
    const map = new Map(names.data?.partners.nodes.map((p) => [p.id, p.name]));
    return (id: string) => map.get(id) ?? id.slice(0, 8);
  }, [names.data]);
  const flows = data?.interPartnerFlows ?? [];
  const option = useMemo(() => {
    const issuers = [...new Set(flows.map((f) => f.issuerPartnerId))];
    const redeemers = [...new Set(flows.map((f) => f.redeemerPartnerId))];
    const values = flows.map((f) => Number(f.points));
    return {
      tooltip: { position: 'top' },
      grid: { left: 120, right: 20, top: 20, bottom: 100 },
      xAxis: {
        type: 'category',
        data: redeemers.map(nameOf),
        name: 'redeemed at',
        nameLocation: 'middle',
        nameGap: 28,
      },
      yAxis: { type: 'category', data: issuers.map(nameOf), name: 'issued by' },
      visualMap: {
        min: 0,
        max: Math.max(1, ...values),
        calculable: true,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
      },
      series: [
        {
          type: 'heatmap',
          data: flows.map((f) => [
            redeemers.indexOf(f.redeemerPartnerId),
            issuers.indexOf(f.issuerPartnerId),
            Number(f.points),
          ]),
          label: { show: true },
        },
      ],
    };
  }, [flows, nameOf]);
  return (
    <main>
      <h1>Inter-partner flows</h1>
      <form className="card row" aria-label="Period">
        <label>
          From
          <input
            type="date"
            value={range.from}
            onChange={(e) => e.target.value && setRange({ ...range, from: e.target.value })}
          />
        </label>
        <label>
          To (exclusive)
          <input
            type="date"
            value={range.to}
            onChange={(e) => e.target.value && setRange({ ...range, to: e.target.value })}
          />
        </label>
      </form>
      {fetching && !data && <Loading />}
      <ErrorBox error={error} />
      {data && !flows.length && <Empty>No points issued by one partner were redeemed at another in this period.</Empty>}
      {flows.length > 0 && (
        <>
          <Chart
            option={option}
            label="Heat map of points issued by one partner (rows) and redeemed at another (columns)"
          />
          <TableBox label="Flows">
            <table>
              <thead>
                <tr>
                  <th>Issued by</th>
                  <th>Redeemed at</th>
                  <th className="num">Points</th>
                  <th className="num">Issuer side</th>
                  <th className="num">Redeemer side</th>
                </tr>
              </thead>
              <tbody>
                {flows.map((f) => (
                  <tr key={`${f.issuerPartnerId}:${f.redeemerPartnerId}`}>
                    <td>{nameOf(f.issuerPartnerId)}</td>
                    <td>{nameOf(f.redeemerPartnerId)}</td>
                    <td className="num">
                      <Points value={f.points} />
                    </td>
                    <td className="num">
                      <Money amount={f.issuerFiat} currency={f.issuerCurrency} />
                    </td>
                    <td className="num">
                      <Money amount={f.redeemerFiat} currency={f.redeemerCurrency} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableBox>
        </>
      )}
    </main>
  );
}
