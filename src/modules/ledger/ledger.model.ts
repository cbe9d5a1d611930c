/** The ledger's vocabulary, shared by its services, queries and GraphQL types. */

export enum AccountKind {
  MEMBER_WALLET = 'MEMBER_WALLET',
  MEMBER_RECEIVABLE = 'MEMBER_RECEIVABLE',
  PARTNER_ISSUANCE = 'PARTNER_ISSUANCE',
  PARTNER_REDEMPTION = 'PARTNER_REDEMPTION',
  HOLDS = 'HOLDS',
  BREAKAGE = 'BREAKAGE',
  EXCHANGE_LIQUIDITY = 'EXCHANGE_LIQUIDITY',
}

/** House accounts: balance kept on shard rows, never locked by a request. */
export const SHARDED_KINDS: ReadonlySet<AccountKind> = new Set([
  AccountKind.PARTNER_ISSUANCE,
  AccountKind.PARTNER_REDEMPTION,
  AccountKind.HOLDS,
  AccountKind.BREAKAGE,
  AccountKind.EXCHANGE_LIQUIDITY,
]);

export enum TransferKind {
  /** partner issuance → member wallet */
  EARN = 'EARN',
  /** member wallet → partner redemption */
  REDEEM = 'REDEEM',
  /** member wallet → holds */
  AUTHORIZE = 'AUTHORIZE',
  /** holds → partner redemption */
  CAPTURE = 'CAPTURE',
  /** holds → member wallet: the uncaptured rest of a hold, a void, or an expired hold */
  RELEASE = 'RELEASE',
  /** member wallet → partner issuance: a refunded earn, taken back from the wallet */
  REVERSE_EARN = 'REVERSE_EARN',
  /** member receivable → partner issuance: the part of a refunded earn the wallet could not cover */
  REVERSE_EARN_SHORTFALL = 'REVERSE_EARN_SHORTFALL',
  /** partner redemption → member wallet: a refunded redemption */
  REVERSE_REDEEM = 'REVERSE_REDEEM',
  /** member wallet → member receivable: a later earn paying back a shortfall */
  RECEIVABLE_SETTLEMENT = 'RECEIVABLE_SETTLEMENT',
  /** member wallet → breakage: expired lots */
  EXPIRY = 'EXPIRY',
  /** member wallet → exchange liquidity: the points a member converts away */
  EXCHANGE_OUT = 'EXCHANGE_OUT',
  /** exchange liquidity → member wallet: the points a conversion gives */
  EXCHANGE_IN = 'EXCHANGE_IN',
  /** a merged duplicate's wallet → the surviving member's wallet (and its receivable, the other way) */
  MERGE = 'MERGE',
}

export enum ExpiryPolicy {
  NONE = 'NONE',
  FIXED = 'FIXED',
  INACTIVITY = 'INACTIVITY',
}

export enum HoldStatus {
  ACTIVE = 'ACTIVE',
  CAPTURED = 'CAPTURED',
  VOIDED = 'VOIDED',
  EXPIRED = 'EXPIRED',
}

export const COALITION_CURRENCY = 'PTS';

export interface TransferRow {
  id: string;
  operationId: string;
  kind: TransferKind;
  currency: string;
  amount: bigint;
  partnerId: string | null;
  memberId: string | null;
  reversesTransferId: string | null;
  holdId: string | null;
  orderRef: string | null;
  createdAt: Date;
  /** Change to the member's available balance: + credit to the wallet, − debit from it, 0 otherwise. */
  walletDelta: bigint;
}

export interface HoldRow {
  id: string;
  partnerId: string;
  memberId: string;
  currency: string;
  amount: bigint;
  capturedAmount: bigint;
  status: HoldStatus;
  orderRef: string | null;
  expiresAt: Date;
  createdAt: Date;
  resolvedAt: Date | null;
}

export { toDate, toBig } from '../../platform/db/values.js';
