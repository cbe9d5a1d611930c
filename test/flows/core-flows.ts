/**
 * The core partner flows, written once and run on both databases: on the
 * real PostgreSQL (test/integration) and on embedded PGlite (test/pglite), so
 * the `npm start` default is proven by the same assertions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/index.js';
import { errorCodes } from '../support/graphql-client.js';
import { EnrollMember } from '../support/operations.js';
import { initTestApp, type TestApp, type TestDriver } from '../support/test-app.js';
import { expectLedgerInvariants, ledgerHelpers } from '../support/ledger.js';
import { EraseMember, MergeMembers, memberHelpers } from '../support/members.js';

const FlowViewer = graphql(`
  query FlowViewer {
    viewer {
      role
      partner {
        id
        code
      }
    }
  }
`);

const FlowMember = graphql(`
  query FlowMember($ref: MemberRefInput!) {
    member(ref: $ref) {
      id
      partnerLink {
        customerId
      }
    }
  }
`);

const FlowPartner = graphql(`
  query FlowPartner($id: ID!) {
    partner(id: $id) {
      id
    }
  }
`);

const FlowPartners = graphql(`
  query FlowPartners($first: Int, $after: String) {
    partners(first: $first, after: $after) {
      nodes {
        id
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const FlowSuspend = graphql(`
  mutation FlowSuspend($id: ID!) {
    updatePartner(input: { id: $id, status: SUSPENDED }) {
      status
    }
  }
`);

const FlowEntities = graphql(`
  query FlowEntities($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Member {
        id
      }
    }
  }
`);

export function coreFlows(driver: TestDriver) {
  describe(`core flows on ${driver}`, () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await initTestApp({ driver });
    });
    afterAll(() => app?.close());

    it('runs on the expected database', () => {
      expect(app.hub.db.driver).toBe(driver);
    });

    it('operator creates a partner, the partner signs in with client credentials and sees itself', async () => {
      const partner = await app.createPartner();
      expect((await app.gqlOk(FlowViewer, {}, partner.token)).viewer).toEqual({
        role: 'PARTNER',
        partner: { id: partner.id, code: partner.code },
      });
    });

    it('a partner enrols a member idempotently and finds it by its customer id; another partner cannot', async () => {
      const [a, b] = [await app.createPartner(), await app.createPartner()];
      const first = (await app.gqlOk(EnrollMember, { input: { customerId: 'FLOW-1' } }, a.token)).enrollMember;
      const again = (await app.gqlOk(EnrollMember, { input: { customerId: 'FLOW-1' } }, a.token)).enrollMember;
      expect(again.id).toBe(first.id);
      expect((await app.gqlOk(FlowMember, { ref: { customerId: 'FLOW-1' } }, a.token)).member).toEqual({
        id: first.id,
        partnerLink: { customerId: 'FLOW-1' },
      });
      expect(errorCodes(await app.gql(FlowMember, { ref: { customerId: 'FLOW-1' } }, b.token))).toEqual(['NOT_FOUND']);
      expect(
        errorCodes(await app.gql(FlowEntities, { representations: [{ __typename: 'Member', id: first.id }] }, b.token)),
      ).toEqual(['NOT_FOUND']);
      expect(
        (await app.gqlOk(FlowEntities, { representations: [{ __typename: 'Member', id: first.id }] }, a.token))
          ._entities,
      ).toEqual([{ id: first.id }]);
    });

    it('a partner reads only itself', async () => {
      const [a, b] = [await app.createPartner(), await app.createPartner()];
      expect((await app.gqlOk(FlowPartner, { id: a.id }, a.token)).partner.id).toBe(a.id);
      expect(errorCodes(await app.gql(FlowPartner, { id: b.id }, a.token))).toEqual(['FORBIDDEN']);
    });

    it('operators page through partners with cursors', async () => {
      const operator = await app.operatorToken();
      const seen: string[] = [];
      let after: string | null = null;
      for (let guard = 0; guard < 50; guard++) {
        const page: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor?: string | null } } = (
          await app.gqlOk(FlowPartners, { first: 2, after }, operator)
        ).partners;
        seen.push(...page.nodes.map((n) => n.id));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor ?? null;
      }
      expect(seen.length).toBe(await app.count('partner'));
      expect(new Set(seen).size).toBe(seen.length);
    });

    it("a suspended partner's token stops working at once", async () => {
      const partner = await app.createPartner();
      await app.gqlOk(FlowSuspend, { id: partner.id }, await app.operatorToken());
      expect(errorCodes(await app.gql(FlowViewer, {}, partner.token))).toEqual(['UNAUTHENTICATED']);
    });

    it('one member across two brands: verified link, consent-scoped profile, member token, tier, merge by transfers, erasure', async () => {
      const [a, b] = [await app.createPartner(), await app.createPartner()];
      const members = memberHelpers(app);
      const ledger = ledgerHelpers(app);
      const email = `flow-${driver}@example.com`;
      const id = await members.enroll(a, { displayName: 'Flow', email, emailVerified: true });
      expect(await members.enroll(b, { email: email.toUpperCase(), emailVerified: true })).toBe(id);
      expect(await members.enroll(b, { email: `other-${email}` })).not.toBe(id);
      await ledger.earnOk(a, id, 70);
      await ledger.earnOk(b, id, 30);
      const token = await members.signIn(id);
      await members.consent(token, b, 'profile');
      const seenByB = await members.view(id, b.token);
      expect(seenByB.profile).toMatchObject({ displayName: 'Flow', email: null, visibleScopes: ['profile'] });
      expect(seenByB.transactions.nodes.map((t) => t.partnerId)).toEqual([b.id]);
      const me = await members.me(token);
      expect(me.links).toHaveLength(2);
      expect(me.tier.qualifyingPoints).toBe('100');

      const dup = await members.enroll(a);
      await ledger.earnOk(a, dup, 5);
      const merged = (
        await app.gqlOk(MergeMembers, { input: { sourceMemberId: dup, targetMemberId: id } }, await app.operatorToken())
      ).mergeMembers;
      expect(merged.balances).toEqual([{ currency: 'PTS', available: '105', held: '0', owed: '0' }]);
      expect(merged.transactions.nodes.filter((t) => t.kind === 'MERGE').map((t) => t.amount)).toEqual(['5']);

      await app.gqlOk(EraseMember, { memberId: id }, await app.operatorToken());
      expect(errorCodes(await app.gql(FlowViewer, {}, token))).toEqual(['UNAUTHENTICATED']);
      expect((await members.view(id)).profile).toMatchObject({ displayName: null, email: null });
      expect(await ledger.balance(id)).toMatchObject({ available: '105' });
      await expectLedgerInvariants(app);
    });

    it('is ready', async () => {
      expect(await (await fetch(`${app.url}/ready`)).json()).toMatchObject({ status: 'ready' });
    });
  });
}
