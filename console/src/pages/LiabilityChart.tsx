/**
 * Finance: how the points a partner put into circulation and took back add up over its closed periods —
 * cumulative (issued − issuance reversals − redeemed at it + redemption reversals), from the statements'
 * lines. Sums are BigInt; the chart gets numbers only to draw. The hub has no history of true outstanding
 * liability (expiry, breakage, conversions), so this is labelled for what it is.
 */
import { useMemo } from 'react';
import { useQuery } from 'urql';
import { Chart } from '../charts';
import { graphql } from '../gql';
import { useLocale } from '../ui';
import { formatDate, formatPoints } from '../format';

const LinesQuery = graphql(`
  query ConsoleStatementLines($partnerId: ID!) {
    settlementStatements(partnerId: $partnerId) {
      periodStart
      lines {
        kind
        points
      }
    }
  }
`);

const SIGN: Record<string, bigint> = { ISSUANCE: 1n, ISSUANCE_REVERSAL: -1n, REDEMPTION: -1n, REDEMPTION_REVERSAL: 1n };

export function LiabilityChart({ partnerId }: { partnerId: string }) {
  const locale = useLocale();
  const [{ data }] = useQuery({ query: LinesQuery, variables: { partnerId } });
  const series = useMemo(() => {
    let total = 0n;
    return [...(data?.settlementStatements ?? [])].reverse().map((s) => {
      for (const l of s.lines) total += (SIGN[l.kind] ?? 0n) * BigInt(l.points);
      return { period: s.periodStart, total };
    });
  }, [data]);
  if (series.length < 2) return null;
  const last = series.at(-1)!;
  return (
    <section aria-label="Net points in circulation">
      <h2>Net points in circulation from this partner (closed periods)</h2>
      <Chart
        label={`Line chart: net points issued less redeemed, cumulative; ${formatPoints(last.total.toString(), locale)} at the last closed period`}
        option={{
          tooltip: { trigger: 'axis' },
          grid: { left: 70, right: 20, top: 20, bottom: 40 },
          xAxis: { type: 'category', data: series.map((p) => formatDate(p.period, locale, false)) },
          yAxis: { type: 'value' },
          series: [{ type: 'line', name: 'points', data: series.map((p) => Number(p.total)) }],
        }}
      />
    </section>
  );
}
