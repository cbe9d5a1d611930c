import { Migration } from '@mikro-orm/migrations';

/**
 * A lighter posting (issue 16, item 2): the ledger stops paying, on every posting, for checks that prove
 * nothing its own locks and `ledgerInvariants` do not already prove (src/modules/ledger/README.md, "Which
 * constraint guards which invariant").
 *
 * - `entry` becomes a view over `transfer`: a transfer's two entries were its debit (-amount) and its credit
 *   (+amount), written as two more rows with their own primary key and two foreign keys each. Derived from
 *   the transfer row, a transfer can no longer have other than exactly two balancing entries.
 * - The foreign keys of the append-only ledger rows (`transfer`, `lot`, `lot_movement`, `hold`,
 *   `hold_allocation`) are dropped: each one ran a `select ... for key share` per row, and those on the hot
 *   rows (the partner, the coalition currency, the issuance account) made every concurrent earn share-lock
 *   the same row (a multixact per posting). The rows they point at are never deleted, the referencing
 *   columns are never updated, and the ledger writes them from rows it has just read, locked or inserted in
 *   the same transaction; `ledgerInvariants` (REFERENCES_EXIST) checks every one of them.
 *
 * The existing entries must be exactly what the view derives; the migration refuses to run otherwise.
 */
export class Migration20261203100001_lighter_posting extends Migration {
  override name = 'Migration20261203100001_lighter_posting';

  override up(): void {
    this.addSql(`
      do $$ begin
        if exists (
          (select transfer_id, account_id, amount from entry
           except all
           select id, debit_account_id, -amount from transfer union all select id, credit_account_id, amount from transfer)
          union all
          ((select id, debit_account_id, -amount from transfer union all select id, credit_account_id, amount from transfer)
           except all
           select transfer_id, account_id, amount from entry)
        ) then
          raise exception 'entry rows differ from their transfers'' debits and credits: not migrating';
        end if;
      end $$`);
    this.addSql(`drop table entry`);
    this.addSql(`
      create view entry (transfer_id, account_id, amount) as
        select id, debit_account_id, -amount from transfer
        union all
        select id, credit_account_id, amount from transfer`);
    for (const [table, columns] of Object.entries(DROPPED)) {
      for (const column of columns) this.addSql(`alter table ${table} drop constraint ${table}_${column}_fkey`);
    }
  }
}

/** The foreign keys dropped, by table (PostgreSQL's default names: `<table>_<column>_fkey`). */
const DROPPED: Record<string, string[]> = {
  transfer: [
    'operation_id',
    'currency',
    'debit_account_id',
    'credit_account_id',
    'partner_id',
    'member_id',
    'reverses_transfer_id',
  ],
  lot: ['wallet_account_id', 'currency', 'issuer_partner_id', 'source_transfer_id'],
  lot_movement: ['lot_id', 'transfer_id'],
  hold: ['operation_id', 'partner_id', 'member_id', 'currency'],
  hold_allocation: ['hold_id', 'lot_id'],
};
