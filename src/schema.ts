/** The hub's GraphQL subgraph: every module's resolvers and federated entities. */
import { buildFederatedSchema } from './platform/graphql/schema.js';
import type { HubContext } from './platform/graphql/context.js';
import { PartnerResolver, loadVisiblePartner } from './modules/partners/partner.resolver.js';
import { MemberResolver, loadVisibleMember } from './modules/members/member.resolver.js';
import { ViewerResolver } from './modules/viewer/viewer.resolver.js';
import { LedgerResolver, PointsOperationResultResolver } from './modules/ledger/ledger.resolver.js';
import { LedgerTransferResolver, MemberLedgerResolver } from './modules/ledger/member-ledger.resolver.js';
import { ExchangeResolver } from './modules/exchange/exchange.resolver.js';
import { SettlementResolver } from './modules/settlement/settlement.resolver.js';
import { IdentityResolver } from './modules/identity/identity.resolver.js';

export function buildHubSchema() {
  return buildFederatedSchema(
    [
      ViewerResolver,
      PartnerResolver,
      MemberResolver,
      LedgerResolver,
      PointsOperationResultResolver,
      MemberLedgerResolver,
      LedgerTransferResolver,
      ExchangeResolver,
      SettlementResolver,
      IdentityResolver,
    ],
    {
      Partner: { __resolveReference: (ref: { id: string }, ctx: HubContext) => loadVisiblePartner(ctx, ref.id) },
      Member: { __resolveReference: (ref: { id: string }, ctx: HubContext) => loadVisibleMember(ctx, ref.id) },
    },
  );
}
