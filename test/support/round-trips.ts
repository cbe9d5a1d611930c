/**
 * How much database work a request cost: the statements a hub sent and the
 * times it waited for the database (its own counters, hub.db.sql), read
 * before and after `run`.
 */
import type { Hub } from '../../src/app.js';

export interface DatabaseWork {
  statements: number;
  roundTrips: number;
}

export async function countDatabaseWork<T>(hub: Hub, run: () => Promise<T>): Promise<{ result: T } & DatabaseWork> {
  const [statements, roundTrips] = [hub.db.sql.statementCount, hub.db.sql.roundTripCount];
  const result = await run();
  return {
    result,
    statements: hub.db.sql.statementCount - statements,
    roundTrips: hub.db.sql.roundTripCount - roundTrips,
  };
}
