/**
 * The one source of application time. Ledger decisions that must agree across
 * processes (hold expiry, period boundaries) use database time instead.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
