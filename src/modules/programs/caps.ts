/**
 * Per-member caps on what a partner's rules award (per calendar day / month in the rule set's time zone).
 *
 * What a member has been awarded in each window is a counter row (`program_cap_usage`), added to in the
 * purchase's transaction. Exact under concurrency: a capped purchase always has a PTS leg, so the ledger has
 * locked the member's PTS wallet before `decide` runs, and purchases of one member are serialised there; the
 * counter rows are read `for update` as well, so the cap holds even without that lock. A refund does not give
 * room back (the cap limits what is awarded, not what is kept).
 */
import type { SqlClient } from '../../platform/db/sql.js';
import type { BreakdownLine, Caps } from './programs.model.js';

export interface CapWindow {
  key: string;
  limit: bigint;
  label: string;
}

/** The day and month windows `at` falls in, in the caps' time zone (`D:2026-12-02`, `M:2026-12`). */
export function capWindows(caps: Caps, at: Date): CapWindow[] {
  const day = new Intl.DateTimeFormat('en-CA', {
    timeZone: caps.timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
  const out: CapWindow[] = [];
  if (caps.perDay !== null) out.push({ key: `D:${day}`, limit: caps.perDay, label: `day ${day}` });
  if (caps.perMonth !== null)
    out.push({ key: `M:${day.slice(0, 7)}`, limit: caps.perMonth, label: `month ${day.slice(0, 7)}` });
  return out;
}

/** The points the capped rule lines award (PTS funded by the partner itself). */
export const cappedPoints = (lines: readonly BreakdownLine[], partnerId: string) =>
  lines
    .filter((l) => l.source === 'RULE' && l.currency === 'PTS' && l.funderPartnerId === partnerId)
    .reduce((s, l) => s + l.points, 0n);

/**
 * The CAP line that takes back what the windows have no room for (a negative line, so the breakdown still
 * adds up to the legs), or none; and what the purchase adds to each window.
 */
export function applyCaps(
  lines: readonly BreakdownLine[],
  partnerId: string,
  windows: readonly CapWindow[],
  used: ReadonlyMap<string, bigint>,
): { capLine: BreakdownLine | undefined; granted: bigint } {
  const wanted = cappedPoints(lines, partnerId);
  let granted = wanted;
  let binding: CapWindow | undefined;
  for (const w of windows) {
    const room = w.limit - (used.get(w.key) ?? 0n);
    const fits = room > 0n ? room : 0n;
    if (fits < granted) {
      granted = fits;
      binding = w;
    }
  }
  if (!binding) return { capLine: undefined, granted };
  return {
    granted,
    capLine: {
      source: 'RULE',
      ref: 'caps',
      kind: 'CAP',
      currency: 'PTS',
      points: granted - wanted,
      funderPartnerId: partnerId,
      explanation: `cap of ${binding.limit} for the ${binding.label}: ${used.get(binding.key) ?? 0n} already awarded, ${granted} of ${wanted} awarded`,
    },
  };
}

/** What the member was awarded in these windows; `lock` inside a purchase's transaction. */
export async function capUsage(
  db: Pick<SqlClient, 'query'>,
  partnerId: string,
  memberId: string,
  windows: readonly CapWindow[],
  lock: boolean,
): Promise<Map<string, bigint>> {
  if (windows.length === 0) return new Map();
  const rows = await db.query<{ window_key: string; points: string }>(
    `select window_key, points::text from program_cap_usage
      where partner_id = $1 and member_id = $2 and window_key = any($3::text[])${lock ? ' for update' : ''}`,
    [partnerId, memberId, windows.map((w) => w.key)],
  );
  return new Map(rows.map((r) => [r.window_key, BigInt(r.points)]));
}

export async function addCapUsage(
  tx: SqlClient,
  partnerId: string,
  memberId: string,
  windows: readonly CapWindow[],
  points: bigint,
): Promise<void> {
  if (windows.length === 0 || points === 0n) return;
  await tx.query(
    `insert into program_cap_usage (partner_id, member_id, window_key, points)
     select $1, $2, k, $4::bigint from unnest($3::text[]) k
     on conflict (partner_id, member_id, window_key) do update set points = program_cap_usage.points + excluded.points`,
    [partnerId, memberId, windows.map((w) => w.key), points.toString()],
  );
}
