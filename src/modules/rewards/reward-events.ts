/**
 * THE spot where reward events leave the module (issue 19 builds the event outbox in parallel). Today it
 * does nothing. When the outbox lands, write the event here INSIDE the redemption's transaction (design.md:
 * derived rows commit with the change they derive from): move the call into the rider's `within` and the
 * hold hook, and give this function the transaction. Payloads must never carry the voucher code.
 */
import type { Redemption } from './rewards.model.js';

export type RewardEventKind = 'reward.redeemed' | 'reward.fulfilled';

export function emitRewardEvent(kind: RewardEventKind, redemption: Redemption): void {
  void kind;
  void redemption;
}
