/** Exchange over GraphQL: rates (operator), quotes and conversions (member, or partner for its member). */
import { Audited } from '../../platform/graphql/audited.js';
import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { HubContext } from '../../platform/graphql/context.js';
import { requirePartner, requirePrincipal, requireRole } from '../../platform/auth/guards.js';
import { Role, type Principal } from '../../platform/auth/principal.js';
import { appHas, isMemberSelf } from '../../platform/auth/member-access.js';
import { badInput, forbidden } from '../../platform/graphql/errors.js';
import { PointsOperationResult } from '../ledger/index.js';
import { ExchangeErrors } from './exchange.exception.js';
import { RateDirection, type QuoteRow, type RateRow } from './exchange.model.js';
import { roundingOf, type QuoteCaller } from './quote.service.js';
import {
  ExchangePointsInput,
  ExchangeQuote,
  ExchangeRate,
  QuoteExchangeInput,
  SetExchangeRateInput,
} from './exchange.types.js';
import { toString } from '../../platform/decimal.js';
import type { MemberRefInput } from '../members/index.js';

const rateOut = (r: RateRow): ExchangeRate => ({ ...r, rate: toString(r.rate), spread: toString(r.spread) });
const quoteOut = (q: QuoteRow): ExchangeQuote => ({ ...q, exactAmountOut: q.exactOut, rounding: roundingOf(q) });

/** A member token that may convert the member's points: signed in at the hub, or an app granted points:convert. */
function convertingMember(principal: Principal): string {
  if (!isMemberSelf(principal) && !appHas(principal, 'points:convert'))
    throw forbidden("this operation without the member's points:convert grant");
  return principal.memberId!;
}

/** The member a conversion is for: the token's own, or a partner's linked member (points:write). */
async function quoteCaller(ctx: HubContext, member?: MemberRefInput | null): Promise<QuoteCaller> {
  const principal = requirePrincipal(ctx.principal);
  if (principal.role === Role.MEMBER) {
    const memberId = convertingMember(principal);
    if (member) throw badInput('A member token converts its own points; leave member out.', 'member');
    return { memberId };
  }
  const partnerId = requirePartner(principal, 'points:write');
  if (!member) throw badInput('Name the member to convert for.', 'member');
  return { memberId: await ctx.services.members.resolveForPartner(partnerId, member), partnerId };
}

@Resolver()
export class ExchangeResolver {
  @Audited()
  @Mutation(() => ExchangeRate, {
    description:
      'Set a new rate version against PTS (operator). Refused with ARBITRAGE_CYCLE when a round trip would profit.',
  })
  async setExchangeRate(
    @Arg('input', () => SetExchangeRateInput) input: SetExchangeRateInput,
    @Ctx() ctx: HubContext,
  ): Promise<ExchangeRate> {
    requireRole(ctx.principal, Role.OPERATOR);
    return rateOut(await ctx.services.exchange.rates.set(input));
  }

  @Query(() => [ExchangeRate], { description: 'Every rate version of a currency, newest first.' })
  async exchangeRates(
    @Arg('currency', () => String) currency: string,
    @Arg('direction', () => RateDirection, { nullable: true }) direction: RateDirection | null,
    @Ctx() ctx: HubContext,
  ): Promise<ExchangeRate[]> {
    requirePrincipal(ctx.principal);
    await ctx.services.ledger.currencies.get(currency);
    return (await ctx.services.exchange.rates.history(currency, direction)).map(rateOut);
  }

  @Query(() => ExchangeRate, { description: 'The rate in effect at an instant (now when omitted).' })
  async exchangeRateAt(
    @Arg('currency', () => String) currency: string,
    @Arg('direction', () => RateDirection) direction: RateDirection,
    @Arg('at', () => Date, { nullable: true }) at: Date | null,
    @Ctx() ctx: HubContext,
  ): Promise<ExchangeRate> {
    requirePrincipal(ctx.principal);
    await ctx.services.ledger.currencies.get(currency);
    const rate = await ctx.services.exchange.rates.at(currency, direction, at);
    if (!rate) throw ExchangeErrors.rateUnavailable(currency, direction);
    return rateOut(rate);
  }

  @Mutation(() => ExchangeQuote, { description: 'Price a conversion and lock it for a short time.' })
  async quoteExchange(
    @Arg('input', () => QuoteExchangeInput) input: QuoteExchangeInput,
    @Ctx() ctx: HubContext,
  ): Promise<ExchangeQuote> {
    const caller = await quoteCaller(ctx, input.member);
    return quoteOut(await ctx.services.exchange.quotes.quote(caller, input));
  }

  @Mutation(() => PointsOperationResult, {
    description:
      "Convert at a quote, once. The result's transfer is the credit in the target currency; transfers lists both legs.",
  })
  async exchangePoints(
    @Arg('input', () => ExchangePointsInput) input: ExchangePointsInput,
    @Ctx() ctx: HubContext,
  ): Promise<PointsOperationResult> {
    const principal = requirePrincipal(ctx.principal);
    let caller: QuoteCaller;
    if (principal.role === Role.MEMBER) caller = { memberId: convertingMember(principal) };
    else {
      const partnerId = requirePartner(principal, 'points:write');
      const quote = await ctx.services.exchange.quotes.quoteOfPartner(partnerId, input.quoteId);
      // The member must still be linked to the partner acting for it.
      caller = {
        memberId: await ctx.services.members.resolveForPartner(partnerId, { memberId: quote.memberId }),
        partnerId,
      };
    }
    const outcome = await ctx.services.exchange.quotes.exchange(caller, input.quoteId, input.idempotencyKey);
    return { operationId: outcome.operationId, replayed: outcome.replayed, transferId: outcome.result.transferId! };
  }
}
