import { Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../platform/graphql/context.js';
import { Purchase } from './programs.types.js';

/** Fields of a purchase read from the ledger: only when asked for (a visible purchase shows its own transfers). */
@Resolver(() => Purchase)
export class PurchaseLedgerResolver {
  @FieldResolver(() => [ID], {
    description:
      "Every transfer the purchase's operation posted: its legs' EARN transfers and any RECEIVABLE_SETTLEMENT that paid back points the member owed first (as every earn does).",
  })
  transferIds(@Root() purchase: Purchase, @Ctx() ctx: HubContext): Promise<string[]> {
    return ctx.services.programs.purchases.transferIds(purchase.operationId);
  }
}
