/** The ledger's fields on Member (balances, transaction history) and on LedgerTransfer. */
import { BigIntScalar } from '../../platform/graphql/scalars.js';
import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../platform/graphql/context.js';
import { requirePrincipal } from '../../platform/auth/guards.js';
import { seesEveryBrand } from '../../platform/auth/member-access.js';
import { forbidden } from '../../platform/graphql/errors.js';
import { isUuid } from '../../platform/ids.js';
import { ForwardPageArgs, pageFromArgs, toConnection } from '../../platform/graphql/pagination.js';
import { MemberNode, loadVisibleMember } from '../members/index.js';
import { Partner } from '../partners/index.js';
import { canSeeCurrency, canSeeLedgerRow, requirePointsRead } from './ledger.access.js';
import { loadVisibleTransfer } from './ledger.resolver.js';
import type { HistoryCursor } from './ledger.queries.js';
import {
  LedgerTransfer,
  LedgerTransferConnection,
  PointsBalance,
  PointsHold,
  TransactionFilter,
} from './ledger.types.js';

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)$/;
const isHistoryCursor = (k: unknown): k is HistoryCursor =>
  Array.isArray(k) &&
  k.length === 2 &&
  typeof k[0] === 'string' &&
  TIMESTAMP.test(k[0]) &&
  typeof k[1] === 'string' &&
  isUuid(k[1]);

@Resolver(() => MemberNode)
export class MemberLedgerResolver {
  @FieldResolver(() => [PointsBalance], {
    description: 'Points per currency. A partner sees PTS and the currencies it issues.',
  })
  async balances(@Root() member: MemberNode, @Ctx() ctx: HubContext): Promise<PointsBalance[]> {
    const principal = requirePrincipal(ctx.principal);
    requirePointsRead(principal, 'balances');
    const all = await ctx.loaders.balances.load(member.id);
    const visible = await Promise.all(all.map((b) => canSeeCurrency(ctx, principal, b.currency)));
    return all.filter((_, i) => visible[i]);
  }

  @FieldResolver(() => LedgerTransferConnection, {
    description: 'Transfers of this member, newest first. A partner sees only its own.',
  })
  async transactions(
    @Root() member: MemberNode,
    @Args(() => ForwardPageArgs) args: ForwardPageArgs,
    @Arg('filter', () => TransactionFilter, { nullable: true }) filter: TransactionFilter | null,
    @Ctx() ctx: HubContext,
  ): Promise<LedgerTransferConnection> {
    const principal = requirePrincipal(ctx.principal);
    requirePointsRead(principal, 'history');
    const page = pageFromArgs<HistoryCursor>(args, isHistoryCursor);
    let partnerId = filter?.partnerId ?? null;
    if (!seesEveryBrand(principal, 'history')) {
      if (partnerId && partnerId !== principal.partnerId) throw forbidden("reading another partner's transactions");
      partnerId = principal.partnerId!;
    }
    const rows = await ctx.services.ledger.queries.history(
      [member.id, ...member.mergedFrom],
      { ...filter, partnerId },
      page.limit,
      page.after,
    );
    return toConnection(rows, page.limit, (t) => t.cursorKey);
  }
}

@Resolver(() => LedgerTransfer)
export class LedgerTransferResolver {
  @FieldResolver(() => Partner, { nullable: true })
  async partner(@Root() transfer: LedgerTransfer, @Ctx() ctx: HubContext): Promise<Partner | null> {
    return transfer.partnerId ? ((await ctx.loaders.partner.load(transfer.partnerId)) ?? null) : null;
  }

  @FieldResolver(() => MemberNode, {
    nullable: true,
    description: 'Null when the caller may no longer see the member (e.g. unlinked).',
  })
  async member(@Root() transfer: LedgerTransfer, @Ctx() ctx: HubContext): Promise<MemberNode | null> {
    if (!transfer.memberId) return null;
    return loadVisibleMember(ctx, transfer.memberId).catch(() => null);
  }

  @FieldResolver(() => LedgerTransfer, { nullable: true })
  async reverses(@Root() transfer: LedgerTransfer, @Ctx() ctx: HubContext): Promise<LedgerTransfer | null> {
    return transfer.reversesTransferId ? loadVisibleTransfer(ctx, transfer.reversesTransferId) : null;
  }

  @FieldResolver(() => BigIntScalar, { description: 'How much of this transfer has been reversed so far.' })
  reversedAmount(@Root() transfer: LedgerTransfer, @Ctx() ctx: HubContext): Promise<bigint> {
    return ctx.loaders.reversedAmount.load(transfer.id);
  }

  @FieldResolver(() => PointsHold, { nullable: true })
  async hold(@Root() transfer: LedgerTransfer, @Ctx() ctx: HubContext): Promise<PointsHold | null> {
    if (!transfer.holdId) return null;
    const hold = await ctx.loaders.hold.load(transfer.holdId);
    return hold && canSeeLedgerRow(requirePrincipal(ctx.principal), hold) ? hold : null;
  }
}
