/**
 * The inter-partner flow matrix: for a period, how many points issued by
 * partner A (the issuer of the lots they came from) were redeemed at partner
 * B, with each side's fiat value — A's issue price from the valuation of the
 * earn that created the lot, B's reimbursement from the valuation of the
 * redemption. Reversed redemptions are netted out.
 */
import type { Sql } from '../../platform/db/sql.js';
import { parseDecimal, type Decimal } from '../../platform/decimal.js';
import { LedgerReads } from '../ledger/index.js';

export interface FlowRow {
  issuerPartnerId: string;
  redeemerPartnerId: string;
  points: bigint;
  /** What the issuer was charged for these points, in its settlement currency. */
  issuerFiat: Decimal | null;
  issuerCurrency: string | null;
  /** What the redeemer is reimbursed, in its settlement currency. */
  redeemerFiat: Decimal | null;
  redeemerCurrency: string | null;
}

export class FlowsService {
  constructor(private readonly sql: Sql) {}

  async matrix(from: Date, to: Date, partnerId?: string | null): Promise<FlowRow[]> {
    const rows = await this.sql.reads.query<{
      issuer: string;
      redeemer: string;
      points: string;
      issuer_fiat: string | null;
      issuer_currency: string | null;
      redeemer_fiat: string | null;
      redeemer_currency: string | null;
    }>(
      `with moves as (
         -- Points leaving lots for a redemption, and coming back on its reversal, valued at both ends.
         select f.issuer_partner_id as issuer, f.redeemer_partner_id as redeemer, f.points,
                iv.unit_price as issue_price, iv.fiat_currency as issuer_currency,
                rv.unit_price as redemption_price, rv.fiat_currency as redeemer_currency
           from ${LedgerReads.redemptionLotFlows} f
           left join transfer_valuation iv on iv.transfer_id = f.issued_by_transfer_id
           left join transfer_valuation rv on rv.transfer_id = f.redeemed_by_transfer_id
          where f.at >= $1 and f.at < $2
       )
       select issuer, redeemer, sum(points)::text as points,
              sum(points * issue_price)::text as issuer_fiat, max(issuer_currency) as issuer_currency,
              sum(points * redemption_price)::text as redeemer_fiat, max(redeemer_currency) as redeemer_currency
         from moves where $3::uuid is null or issuer = $3 or redeemer = $3
        group by issuer, redeemer having sum(points) <> 0 order by issuer, redeemer`,
      [from, to, partnerId ?? null],
    );
    return rows.map((r) => ({
      issuerPartnerId: r.issuer,
      redeemerPartnerId: r.redeemer,
      points: BigInt(r.points),
      issuerFiat: r.issuer_fiat == null ? null : parseDecimal(r.issuer_fiat)!,
      issuerCurrency: r.issuer_currency,
      redeemerFiat: r.redeemer_fiat == null ? null : parseDecimal(r.redeemer_fiat)!,
      redeemerCurrency: r.redeemer_currency,
    }));
  }
}
