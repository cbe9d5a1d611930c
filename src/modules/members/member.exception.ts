/** Error codes of the members module, stable for integrators. */
import { AppError } from '../../platform/graphql/errors.js';

export const MemberErrors = {
  identityConflict: () =>
    new AppError(
      'IDENTITY_CONFLICT',
      'The verified email and phone belong to two different members; enrol without one of them or ask an operator to merge.',
    ),
  mergeIntoSelf: () =>
    new AppError('MERGE_INTO_SELF', 'A member cannot be merged into itself.', { field: 'targetMemberId' }),
  alreadyMerged: (into: string) =>
    new AppError('MEMBER_MERGED', 'This member was merged into another member.', { mergedInto: into }),
  erased: () => new AppError('MEMBER_ERASED', 'This member was erased.'),
  activeHolds: () =>
    new AppError('MERGE_BLOCKED_BY_HOLDS', 'The member has active holds; capture or void them before merging.'),
};
