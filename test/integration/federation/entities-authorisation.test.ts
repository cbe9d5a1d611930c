/**
 * `_entities` (what a gateway calls to resolve `Partner` and `Member`
 * references) is authorised exactly like the root fields, and batched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../generated/index.js';
import { errorCodes } from '../../support/graphql-client.js';
import { EnrollMember } from '../../support/operations.js';
import { initTestApp, type TestApp, type TestPartner } from '../../support/test-app.js';

const Entities = graphql(`
  query Entities($representations: [_Any!]!) {
    _entities(representations: $representations) {
      __typename
      ... on Partner {
        id
        code
      }
      ... on Member {
        id
        partnerLink {
          customerId
        }
      }
    }
  }
`);

let app: TestApp;
let a: TestPartner;
let b: TestPartner;
let memberOfA: string;
beforeAll(async () => {
  app = await initTestApp();
  [a, b] = [await app.createPartner(), await app.createPartner()];
  memberOfA = (await app.gqlOk(EnrollMember, { input: { customerId: 'A-1' } }, a.token)).enrollMember.id;
});
afterAll(() => app?.close());

const partnerRef = (id: string) => ({ __typename: 'Partner', id });
const memberRef = (id: string) => ({ __typename: 'Member', id });

describe('_entities', () => {
  it('resolves a partner its own Partner and Member references', async () => {
    const { _entities } = await app.gqlOk(
      Entities,
      { representations: [partnerRef(a.id), memberRef(memberOfA)] },
      a.token,
    );
    expect(_entities).toEqual([
      { __typename: 'Partner', id: a.id, code: a.code },
      { __typename: 'Member', id: memberOfA, partnerLink: { customerId: 'A-1' } },
    ]);
  });

  it('does not resolve partner A for partner B: FORBIDDEN, and no data', async () => {
    const res = await app.gql(Entities, { representations: [partnerRef(a.id)] }, b.token);
    expect(errorCodes(res)).toEqual(['FORBIDDEN']);
    expect(res.data?._entities ?? [null]).toEqual([null]);
    expect(JSON.stringify(res)).not.toContain(a.code);
  });

  it("does not resolve A's member for partner B", async () => {
    const res = await app.gql(Entities, { representations: [memberRef(memberOfA)] }, b.token);
    expect(errorCodes(res)).toEqual(['NOT_FOUND']);
    expect(res.data?._entities ?? [null]).toEqual([null]);
  });

  it('needs a token', async () => {
    const res = await app.gql(Entities, { representations: [partnerRef(a.id), memberRef(memberOfA)] });
    expect(errorCodes(res)).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED']);
    expect(JSON.stringify(res)).not.toContain(a.code);
  });

  it('resolves anything for an operator', async () => {
    const { _entities } = await app.gqlOk(
      Entities,
      { representations: [partnerRef(b.id), memberRef(memberOfA)] },
      await app.operatorToken(),
    );
    expect(_entities.map((e) => e?.__typename)).toEqual(['Partner', 'Member']);
  });

  it('resolves many member references in a fixed number of queries (DataLoader), not one per member', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 12; i++)
      ids.push((await app.gqlOk(EnrollMember, { input: { customerId: `BATCH-${i}` } }, a.token)).enrollMember.id);
    const before = app.hub.db.sql.statementCount;
    const { _entities } = await app.gqlOk(Entities, { representations: ids.map(memberRef) }, a.token);
    const statements = app.hub.db.sql.statementCount - before;
    expect(_entities.map((e) => e?.__typename === 'Member' && e.id)).toEqual(ids);
    // token check + members + links (+ partnerLink, cached by then): far fewer than 12.
    expect(statements).toBeLessThanOrEqual(4);
  });
});
