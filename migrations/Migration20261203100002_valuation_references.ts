import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 16, item 2: the foreign keys of `transfer_valuation` are dropped, like those of the ledger's
 * append-only rows (Migration20261203100001_lighter_posting). The posting statement writes a valuation for
 * a transfer it inserts itself, priced by the partner's contract it has just read; each key check was a
 * `select ... for key share` on that transfer, on the hot partner row and on the contract row, per posting.
 * Valuations, transfers, partners and contracts are never deleted, and `ledgerInvariants`
 * (VALUATIONS_REFERENCE_THEIR_TRANSFER) checks what the keys proved, and more: the valuation's partner is its
 * transfer's and its contract is that partner's.
 */
export class Migration20261203100002_valuation_references extends Migration {
  override name = 'Migration20261203100002_valuation_references';

  override up(): void {
    for (const column of ['transfer_id', 'partner_id', 'contract_id'])
      this.addSql(`alter table transfer_valuation drop constraint transfer_valuation_${column}_fkey`);
  }
}
