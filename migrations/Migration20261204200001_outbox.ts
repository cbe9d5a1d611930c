import { Migration } from '@mikro-orm/migrations';

/**
 * The transactional outbox (issue 19): every domain event is a row written in the same transaction as the change
 * it describes (the ledger's events by the posting statement itself). `seq` is the order events are handed to
 * delivery; `dispatched` turns true once the webhooks module has made its deliveries (the partial index keeps the
 * waiting rows cheap to find however long the table grows). Rows carry no foreign keys: like the ledger's
 * append-only rows they are written on the hot path from ids the writer has just read or written, and a key
 * check per event would share-lock the partner's row from every concurrent earn.
 */
export class Migration20261204200001_outbox extends Migration {
  override name = 'Migration20261204200001_outbox';

  override up(): void {
    this.addSql(`
      create table outbox_event (
        seq bigint generated always as identity primary key,
        id uuid not null,
        type text not null,
        version int not null default 1,
        partner_id uuid not null,
        member_id uuid,
        occurred_at timestamptz not null default hub_now(),
        payload jsonb not null,
        dispatched boolean not null default false
      )`);
    this.addSql(`create index outbox_event_waiting on outbox_event (seq) where not dispatched`);
  }
}
