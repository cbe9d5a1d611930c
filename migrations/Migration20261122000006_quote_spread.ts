import { Migration } from '@mikro-orm/migrations';

/** Quotes show the spread they include (combined over both legs of a cross conversion). */
export class Migration20261122000006_quote_spread extends Migration {
  override name = 'Migration20261122000006_quote_spread';

  override up(): void {
    this.addSql(`alter table exchange_quote add column spread text not null default '0', add column gross_rate text`);
  }
}
