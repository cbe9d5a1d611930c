/** Currencies of the ledger: the coalition's PTS and partner-branded points. */
import type { Sql } from '../../platform/db/sql.js';
import { badInput } from '../../platform/graphql/errors.js';
import { COALITION_CURRENCY, ExpiryPolicy, toDate } from './ledger.model.js';
import { LedgerErrors } from './ledger.exception.js';

export interface CurrencyRow {
  code: string;
  name: string;
  kind: 'COALITION' | 'BRANDED';
  scale: number;
  issuerPartnerId: string | null;
  expiryPolicy: ExpiryPolicy;
  /** PostgreSQL interval text, e.g. "2 years" (null when points never expire). */
  expiryPeriod: string | null;
  createdAt: Date;
}

export interface NewCurrency {
  code: string;
  name: string;
  scale: number;
  issuerPartnerId: string;
  expiryPolicy: ExpiryPolicy;
  expiryPeriod?: string | null;
}

/** ISO 8601 durations of whole units: P2Y, P18M, P30D, PT2H, PT90S … */
const DURATION = /^P(?:(\d{1,4})Y)?(?:(\d{1,4})M)?(?:(\d{1,5})D)?(?:T(?:(\d{1,6})H)?(?:(\d{1,7})M)?(?:(\d{1,9})S)?)?$/;

export function durationToInterval(iso: string): string {
  const m = DURATION.exec(iso);
  if (!m || iso === 'P' || iso.endsWith('T'))
    throw badInput('expiryPeriod must be an ISO 8601 duration such as P24M or PT30S.', 'expiryPeriod');
  const units = ['years', 'months', 'days', 'hours', 'minutes', 'seconds'];
  const parts = m.slice(1).flatMap((v, i) => (v ? [`${Number(v)} ${units[i]}`] : []));
  if (parts.length === 0 || parts.every((p) => p.startsWith('0 ')))
    throw badInput('expiryPeriod must be longer than zero.', 'expiryPeriod');
  return parts.join(' ');
}

const CODE = /^[A-Z][A-Z0-9]{1,11}$/;

export class CurrencyService {
  private readonly cache = new Map<string, CurrencyRow>();

  constructor(private readonly sql: Sql) {}

  private static fromRow(r: Record<string, unknown>): CurrencyRow {
    return {
      code: r.code as string,
      name: r.name as string,
      kind: r.kind as CurrencyRow['kind'],
      scale: Number(r.scale),
      issuerPartnerId: (r.issuer_partner_id as string | null) ?? null,
      expiryPolicy: r.expiry_policy as ExpiryPolicy,
      expiryPeriod: (r.expiry_period as string | null) ?? null,
      createdAt: toDate(r.created_at),
    };
  }

  private static readonly COLUMNS = `code, name, kind, scale, issuer_partner_id, expiry_policy, expiry_period::text as expiry_period, created_at`;

  /** Currencies never change once created, so they are cached per process. */
  async get(code: string): Promise<CurrencyRow> {
    const cached = this.cache.get(code);
    if (cached) return cached;
    if (!CODE.test(code)) throw LedgerErrors.unknownCurrency(code);
    const [row] = await this.sql.query(`select ${CurrencyService.COLUMNS} from currency where code = $1`, [code]);
    if (!row) throw LedgerErrors.unknownCurrency(code);
    const currency = CurrencyService.fromRow(row);
    this.cache.set(code, currency);
    return currency;
  }

  async list(): Promise<CurrencyRow[]> {
    const rows = await this.sql.query(`select ${CurrencyService.COLUMNS} from currency order by kind, code`);
    return rows.map(CurrencyService.fromRow);
  }

  /** A branded currency issued by one partner. */
  async create(input: NewCurrency): Promise<CurrencyRow> {
    if (!CODE.test(input.code))
      throw badInput('code must be 2 to 12 upper-case letters or digits, starting with a letter.', 'code');
    if (input.name.trim().length < 1 || input.name.length > 100)
      throw badInput('name must be 1 to 100 characters.', 'name');
    if (!Number.isInteger(input.scale) || input.scale < 0 || input.scale > 6)
      throw badInput('scale must be 0 to 6.', 'scale');
    const period = input.expiryPolicy === ExpiryPolicy.NONE ? null : durationToInterval(input.expiryPeriod ?? '');
    if (input.expiryPolicy === ExpiryPolicy.NONE && input.expiryPeriod)
      throw badInput('expiryPeriod must be empty when expiryPolicy is NONE.', 'expiryPeriod');
    const rows = await this.sql.query(
      `insert into currency (code, name, kind, scale, issuer_partner_id, expiry_policy, expiry_period)
       select $1, $2, 'BRANDED', $3, $4, $5, $6::interval where exists (select 1 from partner where id = $4)
       on conflict (code) do nothing returning ${CurrencyService.COLUMNS}`,
      [input.code, input.name.trim(), input.scale, input.issuerPartnerId, input.expiryPolicy, period],
    );
    if (!rows[0]) {
      const exists = await this.sql.query(`select 1 from currency where code = $1`, [input.code]);
      if (exists.length) throw LedgerErrors.currencyExists(input.code);
      throw badInput('issuerPartnerId does not name a partner.', 'issuerPartnerId');
    }
    return CurrencyService.fromRow(rows[0]);
  }

  /** PTS is issued and accepted by every partner; a branded currency only by its issuer. */
  async forPartner(code: string | null | undefined, partnerId: string): Promise<CurrencyRow> {
    const currency = await this.get(code ?? COALITION_CURRENCY);
    if (currency.kind === 'BRANDED' && currency.issuerPartnerId !== partnerId)
      throw LedgerErrors.currencyNotIssuable(currency.code);
    return currency;
  }
}
