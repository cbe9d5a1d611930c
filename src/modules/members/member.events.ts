/**
 * The members module's events (issue 19), written through the outbox in the transaction of the change. Payloads
 * carry ids and consent scopes: never profile fields (names, e-mails, phones, birth dates) nor the partner's
 * customer id, so no event needs the member's consent to be delivered and an erasure leaves nothing personal in
 * the outbox.
 */
export const MEMBER_EVENT_TYPES = {
  'member.linked': {
    version: 1,
    description: 'A customer of the partner was linked to a member (`created`: the member is new to the hub).',
  },
  'member.merged': {
    version: 1,
    description:
      'A duplicate member (`mergedMemberId`) was merged into `memberId`, which now holds its links and points.',
  },
  'member.erased': {
    version: 1,
    description:
      'A member linked to the partner exercised erasure: its personal data and links are gone; forget it too.',
  },
  'consent.changed': {
    version: 1,
    description: 'A member granted or revoked a consent scope to the partner (`scope`, `granted`).',
  },
} as const;
