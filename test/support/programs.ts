/**
 * Programs test helpers: the programs operations as typed GraphQL documents and wrappers that call them
 * over HTTP (rules, campaigns, purchases, refunds).
 *
 *   const pr = programHelpers(app, ledger);
 *   await pr.setRulesOk(partner, { rules: [{ id: 'base', kind: 'BASE', points: 1, per: 100 }] });
 *   const { purchase } = await pr.recordOk(partner, memberId, { total: '12345', currency: 'USD' });
 */
import { graphql } from '../generated/index.js';
import type { PurchaseLineInput } from '../generated/graphql.js';
import { dataOf } from './graphql-client.js';
import { newKey, type LedgerHelpers } from './ledger.js';
import type { TestApp, TestPartner } from './test-app.js';

export const SetEarnRules = graphql(`
  mutation SetEarnRules($input: SetEarnRulesInput!) {
    setEarnRules(input: $input) {
      id
      partnerId
      version
      effectiveFrom
      rules
    }
  }
`);

export const EarnRuleSets = graphql(`
  query EarnRuleSets($partnerId: ID) {
    earnRuleSets(partnerId: $partnerId) {
      id
      partnerId
      version
      effectiveFrom
      rules
    }
  }
`);

export const CampaignFields = graphql(`
  fragment CampaignFields on Campaign {
    id
    partnerId
    name
    startsAt
    endsAt
    stacking
    definition
    funders {
      partnerId
      share
    }
    budget
    status
  }
`);

export const CreateCampaign = graphql(`
  mutation CreateCampaign($input: CreateCampaignInput!) {
    createCampaign(input: $input) {
      ...CampaignFields
    }
  }
`);

export const Campaigns = graphql(`
  query Campaigns($partnerId: ID) {
    campaigns(partnerId: $partnerId) {
      ...CampaignFields
    }
  }
`);

export const PauseCampaign = graphql(`
  mutation PauseCampaign($id: ID!) {
    pauseCampaign(id: $id) {
      id
      status
    }
  }
`);

export const ResumeCampaign = graphql(`
  mutation ResumeCampaign($id: ID!) {
    resumeCampaign(id: $id) {
      id
      status
    }
  }
`);

export const EndCampaign = graphql(`
  mutation EndCampaign($id: ID!) {
    endCampaign(id: $id) {
      id
      status
    }
  }
`);

export const CampaignCost = graphql(`
  query CampaignCost($id: ID!) {
    campaignCost(id: $id) {
      partnerId
      points
      awards
    }
  }
`);

export const BreakdownFields = graphql(`
  fragment BreakdownFields on BreakdownLine {
    source
    ref
    kind
    currency
    points
    funderPartnerId
    explanation
  }
`);

export const SimulatePurchase = graphql(`
  query SimulatePurchase($input: PurchaseInput!) {
    simulatePurchase(input: $input) {
      ruleSetVersion
      breakdown {
        ...BreakdownFields
      }
      legs {
        currency
        partnerId
        points
        transferId
      }
    }
  }
`);

export const RecordPurchase = graphql(`
  mutation RecordPurchase($input: RecordPurchaseInput!) {
    recordPurchase(input: $input) {
      replayed
      purchase {
        id
        partnerId
        memberId
        operationId
        orderRef
        currency
        total
        occurredAt
        ruleSetVersion
        breakdown {
          ...BreakdownFields
        }
        legs {
          currency
          partnerId
          points
          transferId
        }
        transferIds
      }
    }
  }
`);

export const RefundPurchase = graphql(`
  mutation RefundPurchase($input: RefundPurchaseInput!) {
    refundPurchase(input: $input) {
      id
      purchaseId
      amount
      replayed
      reversals {
        transferId
        partnerId
        points
        operationId
        reversalTransferId
      }
    }
  }
`);

export interface PurchaseFields {
  total: string;
  currency?: string;
  lines?: PurchaseLineInput[];
  channel?: string;
  storeId?: string;
  occurredAt?: string;
  orderRef?: string;
}

export function programHelpers(app: TestApp, ledger: LedgerHelpers) {
  const input = (memberId: string, p: PurchaseFields) => ({
    member: { memberId },
    total: p.total,
    currency: p.currency ?? 'USD',
    lines: p.lines,
    channel: p.channel,
    storeId: p.storeId,
    occurredAt: p.occurredAt,
    orderRef: p.orderRef,
  });
  return {
    setRules: (partner: TestPartner, rules: unknown, effectiveFrom?: string, token = partner.token) =>
      app.gql(
        SetEarnRules,
        { input: { rules: typeof rules === 'string' ? rules : JSON.stringify(rules), effectiveFrom } },
        token,
      ),
    async setRulesOk(partner: TestPartner, rules: unknown, effectiveFrom?: string) {
      return dataOf(await this.setRules(partner, rules, effectiveFrom)).setEarnRules;
    },
    createCampaign: (
      token: string,
      c: {
        partnerId?: string;
        name?: string;
        startsAt?: string;
        endsAt?: string;
        stacking?: 'STACK' | 'BEST_OF' | 'EXCLUSIVE';
        definition: unknown;
        budget?: string;
        funders?: { partnerId: string; share: string }[];
      },
    ) =>
      app.gql(
        CreateCampaign,
        {
          input: {
            partnerId: c.partnerId,
            name: c.name ?? 'Campaign',
            startsAt: c.startsAt,
            endsAt: c.endsAt ?? new Date(app.now().getTime() + 30 * 86_400_000).toISOString(),
            stacking: c.stacking ?? 'STACK',
            definition: typeof c.definition === 'string' ? c.definition : JSON.stringify(c.definition),
            budget: c.budget,
            funders: c.funders,
          },
        },
        token,
      ),
    simulate: (partner: TestPartner, memberId: string, p: PurchaseFields) =>
      app.gql(SimulatePurchase, { input: input(memberId, p) }, partner.token),
    record: (partner: TestPartner, memberId: string, p: PurchaseFields, idempotencyKey = newKey('purchase')) =>
      app.gql(RecordPurchase, { input: { ...input(memberId, p), idempotencyKey } }, partner.token),
    async recordOk(partner: TestPartner, memberId: string, p: PurchaseFields, idempotencyKey?: string) {
      return dataOf(await this.record(partner, memberId, p, idempotencyKey)).recordPurchase;
    },
    refund: (
      partner: TestPartner,
      r: { purchaseId?: string; orderRef?: string; amount?: string },
      idempotencyKey = newKey('refund'),
    ) => app.gql(RefundPurchase, { input: { ...r, idempotencyKey } }, partner.token),
    /** Points of one currency in a breakdown, by rule or campaign ref. */
    pointsByRef: (lines: readonly { ref: string; points: string }[]) =>
      Object.fromEntries(lines.map((l) => [l.ref, l.points])),
    ledger,
  };
}

export type ProgramHelpers = ReturnType<typeof programHelpers>;
