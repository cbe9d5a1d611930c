/**
 * GET /settlement/statement.csv: a statement as RFC 4180 CSV (UTF-8 BOM, CRLF,
 * one row per line plus the totals) that, parsed back, equals the statement
 * the GraphQL API returns — closed or draft. Same bearer token and the same
 * rules as GraphQL: no token 401, another partner 403.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLedgerInvariantsAfterEach, ledgerHelpers, type LedgerHelpers } from '../../support/ledger.js';
import { memberHelpers } from '../../support/members.js';
import { settlementHelpers, type SettlementHelpers } from '../../support/settlement.js';
import { initTestApp, LONG_LIVED_TOKENS, type TestApp, type TestPartner } from '../../support/test-app.js';

let app: TestApp;
let ledger: LedgerHelpers;
let st: SettlementHelpers;
let shop: TestPartner;
let other: TestPartner;
let member: string;
beforeAll(async () => {
  app = await initTestApp({ config: LONG_LIVED_TOKENS }); // periods are closed by moving hub time
  ledger = ledgerHelpers(app);
  st = settlementHelpers(app);
  [shop, other] = [await app.createPartner(), await app.createPartner()];
  await st.contractOk(shop, { issuePrice: '0.0125', redemptionPrice: '0.0071' });
  await st.contractOk(other);
  member = await ledger.enroll(shop);
});
afterAll(() => app?.close());
checkLedgerInvariantsAfterEach(() => app);

/** An RFC 4180 parser: quoted fields (with "" and embedded commas and line breaks), CRLF records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

const csvUrl = (params: Record<string, string>) =>
  `${app.url}/settlement/statement.csv?${new URLSearchParams(params).toString()}`;
const get = (params: Record<string, string>, token?: string) =>
  fetch(csvUrl(params), { headers: token ? { authorization: `Bearer ${token}` } : {} });

const HEADER = [
  'statement_id',
  'partner_id',
  'period_start',
  'period_end',
  'status',
  'row_kind',
  'transfers',
  'points',
  'amount',
  'currency',
];

type Statement = Awaited<ReturnType<SettlementHelpers['statement']>>;

/** The statement rebuilt from the CSV's rows. */
function fromCsv(rows: string[][]) {
  const [header, ...body] = rows;
  expect(header).toEqual(HEADER);
  for (const r of body) expect(r).toHaveLength(HEADER.length);
  const rec = body.map(
    (r) => Object.fromEntries(HEADER.map((h, i) => [h, r[i]!])) as Record<(typeof HEADER)[number], string>,
  );
  const first = rec[0]!;
  for (const r of rec)
    expect([r.statement_id, r.partner_id, r.period_start, r.period_end, r.status, r.currency]).toEqual([
      first.statement_id,
      first.partner_id,
      first.period_start,
      first.period_end,
      first.status,
      first.currency,
    ]);
  const total = (kind: string) => rec.find((r) => r.row_kind === kind)!;
  return {
    id: first.statement_id || null,
    partnerId: first.partner_id,
    periodStart: first.period_start,
    periodEnd: first.period_end,
    status: first.status,
    fiatCurrency: first.currency,
    lines: rec
      .filter((r) => r.transfers !== '' && r.points !== '')
      .map((r) => ({ kind: r.row_kind, transfers: Number(r.transfers), points: r.points, amount: r.amount })),
    dueToHub: total('DUE_TO_HUB').amount,
    dueToPartner: total('DUE_TO_PARTNER').amount,
    netExact: total('NET_EXACT').amount,
    net: total('NET').amount,
    transferCount: Number(total('NET').transfers),
    rounding: total('ROUNDING').amount,
  };
}

const comparable = (s: Statement) => ({
  id: s.id,
  partnerId: s.partnerId,
  periodStart: s.periodStart,
  periodEnd: s.periodEnd,
  status: s.status,
  fiatCurrency: s.fiatCurrency,
  lines: s.lines,
  dueToHub: s.dueToHub,
  dueToPartner: s.dueToPartner,
  netExact: s.netExact,
  net: s.net,
  transferCount: s.transferCount,
  rounding: s.rounding,
});

describe('statement.csv', () => {
  let closed: Statement;
  beforeAll(async () => {
    await ledger.earnOk(shop, member, 1001);
    await ledger.earnOk(shop, member, 7);
    const r = await ledger.redeem(shop, member, 333);
    await ledger.reverse(shop, r.data!.redeemPoints.transfer.id, 33);
    closed = await st.closeCurrent(shop);
  });

  it('a closed statement parsed back equals the statement; BOM, CRLF, a spreadsheet-friendly attachment', async () => {
    const res = await get({ partnerId: shop.id, periodStart: closed.periodStart }, await app.financeToken());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="statement-[^"]+\.csv"$/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/); // no bare line breaks
    const rows = parseCsv(text);
    expect(rows).toHaveLength(1 + 7 + 5);
    expect(fromCsv(rows)).toEqual(comparable(closed));
    expect(closed.lines.find((l) => l.kind === 'ISSUANCE')).toEqual({
      kind: 'ISSUANCE',
      transfers: 2,
      points: '1008',
      amount: '12.6',
    });
  });

  it('the partner itself, and finance scoped to it, get the same file', async () => {
    const want = await (
      await get({ partnerId: shop.id, periodStart: closed.periodStart }, await app.financeToken())
    ).text();
    for (const token of [shop.token, await app.financeToken(shop.id), await app.operatorToken()]) {
      const res = await get({ partnerId: shop.id, periodStart: closed.periodStart }, token);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe(want);
    }
  });

  it('the open period as a draft (no date, or `at`): equal to the GraphQL draft', async () => {
    await ledger.earnOk(shop, member, 5);
    const draft = await st.statement(shop);
    const variants: Record<string, string>[] = [
      { partnerId: shop.id },
      { partnerId: shop.id, at: app.now().toISOString() },
    ];
    for (const params of variants) {
      const res = await get(params, shop.token);
      expect(res.status).toBe(200);
      const parsed = fromCsv(parseCsv((await res.text()).replace(/^\uFEFF/, '')));
      expect(parsed).toEqual(comparable({ ...draft, periodStart: parsed.periodStart, periodEnd: parsed.periodEnd }));
      expect(parsed).toMatchObject({ id: null, status: 'DRAFT' });
    }
  });

  it('auth like GraphQL: no or bad token 401; another partner, finance scoped to it, a member 403', async () => {
    const params = { partnerId: shop.id, periodStart: closed.periodStart };
    const status = async (token?: string) => {
      const res = await get(params, token);
      const body = await res.text();
      expect(body).not.toContain(closed.digest);
      return res.status;
    };
    expect(await status()).toBe(401);
    expect(await status('not-a-jwt')).toBe(401);
    expect(await status(other.token)).toBe(403);
    expect(await status(await app.financeToken(other.id))).toBe(403);
    expect(await status(await memberHelpers(app).token(shop, member))).toBe(403);
    const res = await get(params, other.token);
    expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe(
      'FORBIDDEN',
    );
  });

  it('bad requests: a bad date 400, an unknown partner or one without a contract 404, POST 405', async () => {
    const finance = await app.financeToken();
    expect((await get({ partnerId: shop.id, periodStart: 'yesterday' }, finance)).status).toBe(400);
    expect((await get({ partnerId: 'nope' }, finance)).status).toBe(404);
    expect((await get({ partnerId: (await app.createPartner()).id }, finance)).status).toBe(404);
    const post = await fetch(csvUrl({ partnerId: shop.id }), {
      method: 'POST',
      headers: { authorization: `Bearer ${finance}` },
    });
    expect(post.status).toBe(405);
  });
});
