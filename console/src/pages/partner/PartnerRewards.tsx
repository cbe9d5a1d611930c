/**
 * Partner staff: the partner's rewards (status, price, stock, voucher pool level, low pools flagged) and the
 * redemptions waiting for fulfilment, each fulfilled or cancelled with a confirmation (one idempotency key per
 * confirmation). Staff whose role may not write points see the same, and the hub refuses their clicks.
 */
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import { ErrorBox, pageState, Points, TableBox, When } from '../../ui';

const Rewards = graphql(`
  query ConsolePartnerRewards {
    rewards(first: 100) {
      nodes {
        id
        title
        kind
        status
        currency
        price
        stock
        codePool {
          free
          total
          low
        }
      }
    }
  }
`);

const Pending = graphql(`
  query ConsolePendingRedemptions {
    rewardRedemptions(status: PENDING, first: 100) {
      nodes {
        id
        memberId
        price
        currency
        createdAt
        reward {
          id
          title
        }
      }
    }
  }
`);

const Fulfil = graphql(`
  mutation ConsoleFulfilRedemption($input: ResolveRewardRedemptionInput!) {
    fulfilRewardRedemption(input: $input) {
      redemption {
        id
        status
      }
    }
  }
`);

const Cancel = graphql(`
  mutation ConsoleCancelRedemption($input: ResolveRewardRedemptionInput!) {
    cancelRewardRedemption(input: $input) {
      redemption {
        id
        status
      }
    }
  }
`);

function Resolve({ redemptionId, onDone }: { redemptionId: string; onDone: () => void }) {
  const [fulfilState, fulfil] = useMutation(Fulfil);
  const [cancelState, cancel] = useMutation(Cancel);
  const [asking, setAsking] = useState<'fulfil' | 'cancel'>();
  // One key per confirmation: a retry of the same click is the same operation.
  const [key] = useState(() => crypto.randomUUID());
  const busy = fulfilState.fetching || cancelState.fetching;
  if (!asking)
    return (
      <span className="row">
        <button onClick={() => setAsking('fulfil')}>Fulfil…</button>
        <button className="danger" onClick={() => setAsking('cancel')}>
          Cancel…
        </button>
      </span>
    );
  const run = async () => {
    const input = { redemptionId, idempotencyKey: `console-${asking}-${key}` };
    const r = asking === 'fulfil' ? await fulfil({ input }) : await cancel({ input });
    if (!r.error) onDone();
  };
  return (
    <span className="row">
      <span>
        {asking === 'fulfil' ? 'Handed over? The points are taken.' : 'Cancel? The points and the unit return.'}
      </span>
      <button className={asking === 'cancel' ? 'danger' : undefined} disabled={busy} onClick={run}>
        Yes, {asking}
      </button>
      <button className="secondary" onClick={() => setAsking(undefined)}>
        Back
      </button>
      <ErrorBox error={fulfilState.error ?? cancelState.error} />
    </span>
  );
}

export function PartnerRewards() {
  const [rewards, refetchRewards] = useQuery({ query: Rewards, requestPolicy: 'network-only' });
  const [pending, refetchPending] = useQuery({ query: Pending, requestPolicy: 'network-only' });
  const list = rewards.data?.rewards.nodes ?? [];
  const waiting = pending.data?.rewardRedemptions.nodes ?? [];
  const refresh = () => {
    refetchRewards({ requestPolicy: 'network-only' });
    refetchPending({ requestPolicy: 'network-only' });
  };
  return (
    <main>
      <h1>Rewards</h1>
      <TableBox label="Rewards">
        <table>
          <thead>
            <tr>
              <th>Reward</th>
              <th>Status</th>
              <th className="num">Price</th>
              <th className="num">Stock</th>
              <th>Codes</th>
            </tr>
          </thead>
          <tbody>
            {pageState(
              5,
              { fetching: rewards.fetching, error: rewards.error, hasData: !!rewards.data, empty: list.length === 0 },
              'No rewards yet.',
            ) ??
              list.map((r) => (
                <tr key={r.id}>
                  <td>
                    {r.title} <span className="muted">({r.kind.toLowerCase()})</span>
                  </td>
                  <td>{r.status.toLowerCase()}</td>
                  <td className="num">
                    <Points value={r.price} /> {r.currency}
                  </td>
                  <td className="num">{r.stock == null ? 'unlimited' : <Points value={r.stock} />}</td>
                  <td>
                    {r.codePool ? (
                      <span className={r.codePool.low ? 'error' : undefined}>
                        {r.codePool.free} of {r.codePool.total} free{r.codePool.low ? ' (running low)' : ''}
                      </span>
                    ) : (
                      <span className="muted">none</span>
                    )}
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      </TableBox>
      <h2>Waiting for fulfilment</h2>
      <TableBox label="Waiting for fulfilment">
        <table>
          <thead>
            <tr>
              <th>When</th>
              <th>Reward</th>
              <th className="num">Points held</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            {pageState(
              4,
              {
                fetching: pending.fetching,
                error: pending.error,
                hasData: !!pending.data,
                empty: waiting.length === 0,
              },
              'Nothing waits for fulfilment.',
            ) ??
              waiting.map((r) => (
                <tr key={r.id}>
                  <td>
                    <When iso={r.createdAt} />
                  </td>
                  <td>{r.reward.title}</td>
                  <td className="num">
                    <Points value={r.price} /> {r.currency}
                  </td>
                  <td>
                    <Resolve redemptionId={r.id} onDone={refresh} />
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      </TableBox>
    </main>
  );
}
