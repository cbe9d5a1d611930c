import { Migration } from '@mikro-orm/migrations';

/**
 * Incremental invariant checks (issue 24, step 3; src/modules/ledger/README.md, "Incremental invariant
 * checks"):
 *
 * - `transfer.tx`: the id of the transaction that wrote the row (`pg_current_xact_id()`, the top-level one
 *   even inside a savepoint). Rows written before this migration get 0: the first check after it is the full
 *   one. A BRIN index finds the recent end of the table (rows are appended in roughly transaction order),
 *   and costs a posting almost nothing: the pages being filled are not summarised until a vacuum.
 * - a partial index on `transfer.hold_id`: the holds named by new transfers are checked against all their
 *   transfers; earns carry no hold, so it costs them nothing.
 * - `invariant_checkpoint` (one row: the horizon; null until the first clean check) and
 *   `invariant_checked_balance` (per account, the sum of the legs of every transfer below the horizon).
 */
export class Migration20261204100001_invariant_checkpoint extends Migration {
  override name = 'Migration20261204100001_invariant_checkpoint';

  override up(): void {
    // A constant default first (no table rewrite), then the per-row one for new rows.
    this.addSql(`alter table transfer add column tx bigint not null default 0`);
    this.addSql(`alter table transfer alter column tx set default (pg_current_xact_id()::text::bigint)`);
    this.addSql(`create index transfer_tx_brin on transfer using brin (tx) with (pages_per_range = 32)`);
    this.addSql(`create index transfer_hold_idx on transfer (hold_id) where hold_id is not null`);
    this.addSql(`
      create table invariant_checkpoint (
        id int primary key check (id = 1),
        horizon bigint,
        checked_at timestamptz
      )`);
    this.addSql(`insert into invariant_checkpoint (id) values (1)`);
    this.addSql(`
      create table invariant_checked_balance (
        account_id bigint primary key,
        balance bigint not null
      )`);
  }
}
