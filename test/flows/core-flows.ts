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
      expect((await app.gqlOk(FlowViewer, {}, partner.token)).viewer).toEqual({ role: 'PARTNER', partner: { id: partner.id, code: partner.code } });
    });

    it('a partner enrols a member idempotently and finds it by its customer id; another partner cannot', async () => {
      const [a, b] = [await app.createPartner(), await app.createPartner()];
      const first = (await app.gqlOk(EnrollMember, { input: { customerId: 'FLOW-1' } }, a.token)).enrollMember;
      const again = (await app.gqlOk(EnrollMember, { input: { customerId: 'FLOW-1' } }, a.token)).enrollMember;
      expect(again.id).toBe(first.id);
      expect((await app.gqlOk(FlowMember, { ref: { customerId: 'FLOW-1' } }, a.token)).member).toEqual({ id: first.id, partnerLink: { customerId: 'FLOW-1' } });
      expect(errorCodes(await app.gql(FlowMember, { ref: { customerId: 'FLOW-1' } }, b.token))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await app.gql(FlowEntities, { representations: [{ __typename: 'Member', id: first.id }] }, b.token))).toEqual(['NOT_FOUND']);
      expect((await app.gqlOk(FlowEntities, { representations: [{ __typename: 'Member', id: first.id }] }, a.token))._entities).toEqual([{ id: first.id }]);
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

    it('is ready', async () => {
      expect(await (await fetch(`${app.url}/ready`)).json()).toMatchObject({ status: 'ready' });
    });
  });
}
