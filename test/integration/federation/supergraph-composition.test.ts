/**
 * Our printed subgraph composes with a partner's own subgraph (which extends
 * Member and has its own Transfer, Currency and PageInfo), and a query through
 * a real gateway touches both: the hub resolves the member, the partner
 * subgraph adds its field.
 */
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { composeServices } from '@theguild/federation-composition';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printHubSdl } from '../../../scripts/hub-sdl.js';
import { favouriteDrinkOf, partnerSubgraphSdl, startPartnerSubgraph } from '../../fixtures/partner-subgraph/server.js';
import { EnrollMember } from '../../support/operations.js';
import { initTestApp, type TestApp, type TestPartner } from '../../support/test-app.js';

let app: TestApp;
let partnerSubgraph: Awaited<ReturnType<typeof startPartnerSubgraph>>;
let gateway: ApolloServer<{ authorization?: string }> | undefined;
let gatewayUrl: string;
let partner: TestPartner;

async function compose() {
  return composeServices([
    { name: 'hub', typeDefs: parse(await printHubSdl()), url: `${app.url}/graphql` },
    { name: 'partner', typeDefs: parse(partnerSubgraphSdl), url: partnerSubgraph.url },
  ]);
}

beforeAll(async () => {
  app = await initTestApp();
  partnerSubgraph = await startPartnerSubgraph();
  partner = await app.createPartner();
});
afterAll(async () => {
  await gateway?.stop();
  await partnerSubgraph?.stop();
  await app?.close();
});

describe('supergraph', () => {
  it('composes without errors, keeping both sides’ types apart', async () => {
    const result = await compose();
    expect(result.errors?.map((e) => e.message) ?? []).toEqual([]);
    const api = result.publicSdl!;
    for (const type of ['Transfer', 'Currency', 'PageInfo', 'HubPageInfo', 'Partner'])
      expect(api).toMatch(new RegExp(`^type ${type} `, 'm'));
    expect(api).toMatch(/type Member[^{]*\{[^}]*favouriteDrink: String[^}]*\}/s);
  });

  it('answers one query across both subgraphs through an in-process gateway, with the partner token', async () => {
    const { supergraphSdl } = await compose();
    gateway = new ApolloServer<{ authorization?: string }>({
      gateway: new ApolloGateway({
        supergraphSdl: supergraphSdl!,
        buildService: ({ url }) =>
          new RemoteGraphQLDataSource<{ authorization?: string }>({
            url,
            willSendRequest({ request, context }) {
              if (context.authorization) request.http?.headers.set('authorization', context.authorization);
            },
          }),
      }),
    });
    ({ url: gatewayUrl } = await startStandaloneServer(gateway, {
      listen: { port: 0, host: '127.0.0.1' },
      context: async ({ req }) => ({ authorization: req.headers.authorization }),
    }));

    const { enrollMember } = await app.gqlOk(EnrollMember, { input: { customerId: 'FED-1' } }, partner.token);
    const query = `query {
      member(ref: { customerId: "FED-1" }) { id favouriteDrink partnerLink { customerId } }
      viewer { partner { code } }
      stockTransfers(first: 1) { nodes { id units } pageInfo { hasNextPage } }
    }`;
    const res = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${partner.token}` },
      body: JSON.stringify({ query }),
    });
    const body = (await res.json()) as { data?: unknown; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      member: {
        id: enrollMember.id,
        favouriteDrink: favouriteDrinkOf(enrollMember.id),
        partnerLink: { customerId: 'FED-1' },
      },
      viewer: { partner: { code: partner.code } },
      stockTransfers: { nodes: [{ id: 't1', units: 12 }], pageInfo: { hasNextPage: true } },
    });

    // Through the gateway the hub still authorises: without a token the member is not resolved.
    const anonymous = (await (
      await fetch(gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ member(ref: { customerId: "FED-1" }) { id favouriteDrink } }' }),
      })
    ).json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
    expect(anonymous.data ?? null).toBeNull();
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
