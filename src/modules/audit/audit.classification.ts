/**
 * Mutations that are not administrative, and why: they are the ledger's and the members' own business, each
 * recorded by its own rows (operations with their idempotency keys and actors, transfers, consent events), or
 * a caller acting on its own token. Every other mutation must be `@Audited()`; test/integration/audit checks
 * that the two lists cover the schema's mutations exactly.
 */
export const NOT_ADMINISTRATIVE: Readonly<Record<string, string>> = {
  enrollMember: 'a partner enrolling its customer (the member and link rows record it)',
  unlinkMember: "a partner removing its own customer's link",
  issueMemberToken: 'mints a short-lived read-only token; changes nothing',
  updateMyProfile: "the member's own profile (personal data stays out of the trail)",
  setConsent: "the member's own consent (consent_event is its append-only record)",
  revokeMyAppGrant: "the member's own grant to an app",
  earnPoints: 'a points operation (the ledger: operation, transfers)',
  earnPointsBatch: 'points operations (the ledger)',
  redeemPoints: 'a points operation (the ledger)',
  authorizeRedemption: 'a points operation (the ledger: hold)',
  captureRedemption: 'a points operation (the ledger)',
  voidRedemption: 'a points operation (the ledger)',
  reverseTransfer: 'a points operation (the ledger: the reversal references its original)',
  quoteExchange: 'a member quote; moves nothing',
  exchangePoints: 'a points operation (the ledger)',
  recordPurchase: 'a points operation (the ledger, and the purchase row with its breakdown)',
  refundPurchase: 'a points operation (the ledger reversals, and the refund row)',
  replayWebhookDelivery:
    'sends an existing delivery again; its attempts are its own log (webhook_attempt), and the endpoint is unchanged',
  redeemReward: 'a points operation (the ledger: a redemption or a hold, with the reward redemption row)',
  fulfilRewardRedemption: 'a points operation (the ledger: the capture of the redemption hold)',
  cancelRewardRedemption: 'a points operation (the ledger: the void of the redemption hold)',
  addRewardToWishlist: "the member's own wishlist",
  removeRewardFromWishlist: "the member's own wishlist",
  runLedgerExpiry: 'runs the scheduled sweep now; what it moves is in the ledger (EXPIRE transfers, released holds)',
};
