/**
 * The member's rewards (on the member page): the catalog of every brand it can use, cheapest first, with the
 * points each still needs; redeem (one idempotency key per confirmation, so a double click is one redemption);
 * and the redemptions made, with voucher codes.
 */
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { ErrorBox, pageState, Points, TableBox, When } from '../ui';

const Catalog = graphql(`
  query ConsoleRewardCatalog {
    rewardCatalog(first: 50, sort: PRICE_ASC) {
      nodes {
        reward {
          id
          title
          kind
          currency
          price
        }
        eligible
        ineligibleReason
        inStock
        pointsNeeded
        redeemable
      }
    }
  }
`);

const Redemptions = graphql(`
  query ConsoleMyRewardRedemptions {
    myRewardRedemptions(first: 20) {
      nodes {
        id
        status
        price
        currency
        code
        createdAt
        reward {
          id
          title
        }
      }
    }
  }
`);

const Redeem = graphql(`
  mutation ConsoleRedeemReward($input: RedeemRewardInput!) {
    redeemReward(input: $input) {
      replayed
      redemption {
        id
        status
        code
      }
    }
  }
`);

const WHY: Record<string, string> = {
  TIER: 'for a higher tier',
  NOT_LINKED: "for the brand's own members",
  LIMIT_REACHED: 'limit reached',
};

function RedeemButton({ rewardId, title, onDone }: { rewardId: string; title: string; onDone: () => void }) {
  const [state, redeem] = useMutation(Redeem);
  const [confirm, setConfirm] = useState(false);
  // One key per confirmation: a retry of the same click is the same redemption.
  const [key, setKey] = useState(() => crypto.randomUUID());
  if (!confirm) return <button onClick={() => setConfirm(true)}>Redeem…</button>;
  return (
    <span className="row">
      <span>Redeem {title}?</span>
      <button
        disabled={state.fetching}
        onClick={async () => {
          const r = await redeem({ input: { rewardId, idempotencyKey: `console-reward-${key}` } });
          if (!r.error) {
            setConfirm(false);
            setKey(crypto.randomUUID());
            onDone();
          }
        }}
      >
        Yes, redeem
      </button>
      <button className="secondary" onClick={() => setConfirm(false)}>
        Cancel
      </button>
      <ErrorBox error={state.error} />
    </span>
  );
}

export function MemberRewards() {
  const [catalog, refetchCatalog] = useQuery({ query: Catalog, requestPolicy: 'network-only' });
  const [history, refetchHistory] = useQuery({ query: Redemptions, requestPolicy: 'network-only' });
  const offers = catalog.data?.rewardCatalog.nodes ?? [];
  const made = history.data?.myRewardRedemptions.nodes ?? [];
  const refresh = () => {
    refetchCatalog({ requestPolicy: 'network-only' });
    refetchHistory({ requestPolicy: 'network-only' });
  };
  return (
    <>
      <h2>Rewards</h2>
      <TableBox label="Rewards">
        <table>
          <thead>
            <tr>
              <th>Reward</th>
              <th className="num">Price</th>
              <th>Status</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            {pageState(
              4,
              { fetching: catalog.fetching, error: catalog.error, hasData: !!catalog.data, empty: offers.length === 0 },
              'No rewards for you yet.',
            ) ??
              offers.map((o) => (
                <tr key={o.reward.id}>
                  <td>
                    {o.reward.title} <span className="muted">({o.reward.kind.toLowerCase()})</span>
                  </td>
                  <td className="num">
                    <Points value={o.reward.price} /> {o.reward.currency}
                  </td>
                  <td>
                    {!o.eligible ? (
                      <span className="muted">{WHY[o.ineligibleReason ?? ''] ?? 'not for you'}</span>
                    ) : !o.inStock ? (
                      <span className="muted">out of stock</span>
                    ) : o.pointsNeeded !== '0' ? (
                      <span>
                        <Points value={o.pointsNeeded} /> more points needed
                      </span>
                    ) : (
                      'available'
                    )}
                  </td>
                  <td>
                    {o.redeemable && <RedeemButton rewardId={o.reward.id} title={o.reward.title} onDone={refresh} />}
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      </TableBox>
      <h2>Your redemptions</h2>
      <TableBox label="Your redemptions">
        <table>
          <thead>
            <tr>
              <th>When</th>
              <th>Reward</th>
              <th>Status</th>
              <th>Code</th>
              <th className="num">Points</th>
            </tr>
          </thead>
          <tbody>
            {pageState(
              5,
              { fetching: history.fetching, error: history.error, hasData: !!history.data, empty: made.length === 0 },
              'Nothing redeemed yet.',
            ) ??
              made.map((r) => (
                <tr key={r.id}>
                  <td>
                    <When iso={r.createdAt} />
                  </td>
                  <td>{r.reward.title}</td>
                  <td>{r.status.toLowerCase()}</td>
                  <td>{r.code ? <code>{r.code}</code> : <span className="muted">none</span>}</td>
                  <td className="num">
                    <Points value={r.price} /> {r.currency}
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      </TableBox>
    </>
  );
}
