/** `partners`: a Relay connection with opaque keyset cursors, in creation order. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../generated/index.js';
import type { PartnersPageQuery } from '../../generated/graphql.js';
import { errorCodes } from '../../support/graphql-client.js';
import { CreatePartner } from '../../support/operations.js';
import { initTestApp, uniqueCode, type TestApp } from '../../support/test-app.js';

const PartnersPage = graphql(`
  query PartnersPage($first: Int, $after: String) {
    partners(first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          code
        }
      }
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

let app: TestApp;
let operator: string;
const created: string[] = [];
beforeAll(async () => {
  app = await initTestApp();
  operator = await app.operatorToken();
  for (let i = 0; i < 7; i++) {
    const { createPartner } = await app.gqlOk(
      CreatePartner,
      { input: { code: uniqueCode(`page${i}`), name: `Page ${i}`, settlementCurrency: 'USD' } },
      operator,
    );
    created.push(createPartner.id);
  }
});
afterAll(() => app?.close());

describe('partners connection', () => {
  it('walks every partner exactly once, in creation order, page by page', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page: PartnersPageQuery['partners'] = (await app.gqlOk(PartnersPage, { first: 3, after }, operator))
        .partners;
      pages++;
      expect(page.nodes.map((n) => n.id)).toEqual(page.edges.map((e) => e.node.id));
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
      seen.push(...page.nodes.map((n) => n.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(created);
    expect(pages).toBe(3);
  });

  it('keeps a cursor valid while partners are added after it', async () => {
    const first = (await app.gqlOk(PartnersPage, { first: 2 }, operator)).partners;
    const { createPartner } = await app.gqlOk(
      CreatePartner,
      { input: { code: uniqueCode('late'), name: 'Late', settlementCurrency: 'USD' } },
      operator,
    );
    const rest = (await app.gqlOk(PartnersPage, { first: 200, after: first.pageInfo.endCursor }, operator)).partners;
    expect(rest.nodes.map((n) => n.id)).toEqual([...created.slice(2), createPartner.id]);
    expect(rest.pageInfo.hasNextPage).toBe(false);
    created.push(createPartner.id);
  });

  it('uses opaque cursors, not offsets', async () => {
    const { partners } = await app.gqlOk(PartnersPage, { first: 1 }, operator);
    expect(partners.pageInfo.endCursor).not.toMatch(/^\d+$/);
    expect(partners.pageInfo.endCursor).not.toContain(partners.nodes[0]!.id);
  });

  it.each([0, -1, 201])('rejects first: %i with BAD_USER_INPUT', async (first) => {
    expect(errorCodes(await app.gql(PartnersPage, { first }, operator))).toEqual(['BAD_USER_INPUT']);
  });

  it.each([
    ['garbage', '%%%not-a-cursor'],
    ['a well-encoded key that is not an id', Buffer.from(JSON.stringify('not-a-uuid')).toString('base64url')],
    ['a well-encoded object', Buffer.from(JSON.stringify({ id: 1 })).toString('base64url')],
  ])('rejects a forged cursor (%s) with BAD_USER_INPUT', async (_what, after) => {
    expect(errorCodes(await app.gql(PartnersPage, { first: 2, after }, operator))).toEqual(['BAD_USER_INPUT']);
  });
});
