/**
 * The outbox: the one way a module says "this happened" to the outside world. An event is a row of
 * `outbox_event`, written inside the caller's own transaction, so it commits or rolls back with the change it
 * describes (README.md). Two ways in:
 *
 * - `emit(tx, events)`: one INSERT sent on the caller's transaction (not waited for: its COMMIT is).
 * - `postingContributor(...)`: for the ledger, a part of the posting statement itself, so an earn writes its
 *   event without one more statement or round trip (ledger README, "How other modules take part in a posting").
 *
 * Event types are declared once, at composition (`declare`), with their version and meaning: endpoints filter on
 * them, the API lists them, and emitting an undeclared type is a programming error caught by the tests.
 */
import { newId } from '../../platform/ids.js';
import type { SqlClient } from '../../platform/db/sql.js';

/** What a module emits: about one partner (who receives it) and, usually, one member. */
export interface EventDraft {
  /** A declared type, `<subject>.<past tense>` (e.g. `points.earned`). */
  type: string;
  /** The partner the event is about and delivered to. */
  partnerId: string;
  /** The member it is about (the order key of delivery); null for partner-level events. */
  memberId: string | null;
  /** JSON-safe: ids, amounts as decimal strings, codes. Never personal data (names, e-mails, phones, birth dates). */
  payload: Record<string, unknown>;
}

export interface EventType {
  type: string;
  version: number;
  /** Who declared it (a module name). */
  module: string;
  description: string;
}

/** The PostgreSQL-array parameters of one INSERT of events, in the column order of `EVENT_COLUMNS`. */
const EVENT_COLUMNS = 'id, type, version, partner_id, member_id, payload';
const eventRows = (param: (i: number) => string) =>
  `select * from unnest(${param(0)}::uuid[], ${param(1)}::text[], ${param(2)}::int[], ${param(3)}::uuid[], ${param(4)}::uuid[], ${param(5)}::jsonb[])`;

const TYPE_NAME = /^[a-z][a-z_]*(\.[a-z][a-z_]*)+$/;

/** The parts of a posting contributor (structurally the ledger's `PostingContributor`, without importing it). */
export interface EventContributor<T> {
  name: string;
  parameters: number;
  ctes(param: (i: number) => string): string;
  params(items: readonly T[]): unknown[];
}

export class Outbox {
  private readonly types = new Map<string, EventType>();

  /** @param enabled false only to measure the hub without events (bench): nothing is written then. */
  constructor(readonly enabled: boolean) {}

  /** Declares event types (each module its own, while the hub is composed). */
  declare(module: string, types: Record<string, { version: number; description: string }>): void {
    for (const [type, t] of Object.entries(types)) {
      if (!TYPE_NAME.test(type)) throw new Error(`event type "${type}" is not <subject>.<verb>`);
      const owner = this.types.get(type);
      if (owner) throw new Error(`event type ${type} is declared by "${owner.module}" and "${module}"`);
      this.types.set(type, { type, version: t.version, module, description: t.description });
    }
  }

  /** Every declared type, by name. */
  eventTypes(): EventType[] {
    return [...this.types.values()].sort((a, b) => a.type.localeCompare(b.type));
  }

  isDeclared(type: string): boolean {
    return this.types.has(type);
  }

  /**
   * Writes events in the caller's transaction. Sent without waiting: the transaction's COMMIT (or its next
   * statement) fails with its error, so the change and its events commit together or not at all.
   */
  emit(tx: SqlClient, events: readonly EventDraft[]): void {
    if (!this.enabled || events.length === 0) return;
    tx.send(`insert into outbox_event (${EVENT_COLUMNS}) ${eventRows((i) => `$${i + 1}`)}`, this.columns(events));
  }

  /**
   * A part of another module's single write statement (the ledger's posting): one CTE, named `name`, that
   * inserts the events `toEvents` derives from the statement's items. Six parameters.
   */
  contributor<T>(
    name: string,
    cte: string,
    toEvents: (items: readonly T[]) => readonly EventDraft[],
  ): EventContributor<T> {
    return {
      name,
      parameters: 6,
      ctes: (param) => `${cte} as (\n  insert into outbox_event (${EVENT_COLUMNS}) ${eventRows(param)}\n)`,
      params: (items) => this.columns(this.enabled ? toEvents(items) : []),
    };
  }

  /** The six column arrays of a set of events. */
  private columns(events: readonly EventDraft[]): unknown[] {
    const cols: [string[], string[], number[], string[], (string | null)[], string[]] = [[], [], [], [], [], []];
    for (const e of events) {
      const declared = this.types.get(e.type);
      if (!declared) throw new Error(`event type ${e.type} is not declared`);
      cols[0].push(newId());
      cols[1].push(e.type);
      cols[2].push(declared.version);
      cols[3].push(e.partnerId);
      cols[4].push(e.memberId);
      cols[5].push(JSON.stringify(e.payload));
    }
    return cols;
  }
}
