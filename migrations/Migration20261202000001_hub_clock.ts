import { Migration } from '@mikro-orm/migrations';

/**
 * One clock for SQL: statements and column defaults read hub time through
 * `hub_now()` (transaction time, like `now()`) and `hub_clock_timestamp()`
 * (like `clock_timestamp()`). Here both return the database's own time; simple
 * SQL functions that PostgreSQL inlines, so a statement plans and runs as if it
 * called `now()`. Tests redefine them to move hub time (src/platform/clock.ts,
 * src/platform/db/hub-clock.ts); production never does.
 */
export class Migration20261202000001_hub_clock extends Migration {
  override name = 'Migration20261202000001_hub_clock';

  override up(): void {
    this.addSql(
      `create function hub_now() returns timestamptz language sql stable parallel safe as $$ select now() $$`,
    );
    this.addSql(
      `create function hub_clock_timestamp() returns timestamptz language sql volatile parallel safe as $$ select clock_timestamp() $$`,
    );
    // Every column that defaulted to now() (created_at, updated_at, verified_at, closed_at…) now defaults to hub time.
    this.addSql(`
      do $$
      declare c record;
      begin
        for c in
          select table_name, column_name from information_schema.columns
           where table_schema = current_schema() and column_default = 'now()'
        loop
          execute format('alter table %I alter column %I set default hub_now()', c.table_name, c.column_name);
        end loop;
      end $$`);
  }
}
