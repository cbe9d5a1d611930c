import { Migration } from '@mikro-orm/migrations';

/**
 * Running totals of settlement statements (issue 24): per partner, settlement period (the period the
 * valuation was posted in), line kind and shard, the count, points and exact fiat amount of the valuations
 * no closed statement has claimed yet. The posting statement adds to a shard row (the backend's, like the
 * house accounts' balance shards, so hot partners do not queue on one row); a close subtracts what it
 * claimed on shard -1; rows of a (period, kind) that net to zero are deleted after a close. A live statement
 * sums the few rows left instead of scanning the period's valuations.
 *
 * `settlement_period_start` is the one definition, in SQL, of the period containing an instant; it agrees
 * with `periodAt` in settlement.model.ts (UTC days, ISO weeks from Monday, calendar months, or fixed
 * seconds from the Unix epoch).
 *
 * Existing valuations that no statement claims are summed into shard 0. Postings of a hub without this
 * migration would not add to the totals: migrate with postings stopped (the totals check then reports it).
 */
export class Migration20261202100001_settlement_totals extends Migration {
  override name = 'Migration20261202100001_settlement_totals';

  override up(): void {
    this.addSql(`
      create function settlement_period_start(period text, period_seconds int, at timestamptz) returns timestamptz
        language sql immutable parallel safe as $$
        select case period
          when 'DAILY' then date_trunc('day', at, 'UTC')
          when 'WEEKLY' then date_trunc('week', at, 'UTC')
          when 'MONTHLY' then date_trunc('month', at, 'UTC')
          else to_timestamp(floor(extract(epoch from at) / period_seconds) * period_seconds)
        end
      $$`);
    this.addSql(`
      create table settlement_totals (
        partner_id uuid not null references partner (id),
        period_start timestamptz not null,
        kind text not null check (kind in ('ISSUANCE', 'ISSUANCE_REVERSAL', 'REDEMPTION', 'REDEMPTION_REVERSAL', 'CONVERSION_IN', 'CONVERSION_OUT')),
        shard smallint not null check (shard >= -1),
        transfers bigint not null,
        points bigint not null,
        amount numeric not null,
        primary key (partner_id, period_start, kind, shard)
      ) with (fillfactor = 70)`);
    this.addSql(`
      insert into settlement_totals (partner_id, period_start, kind, shard, transfers, points, amount)
      select v.partner_id, settlement_period_start(c.period, c.period_seconds, v.created_at), v.kind, 0, count(*), sum(v.points), sum(v.amount)
        from transfer_valuation v join partner_contract c on c.id = v.contract_id
       where not exists (select 1 from statement_transfer st where st.transfer_id = v.transfer_id)
       group by 1, 2, 3`);
  }
}
