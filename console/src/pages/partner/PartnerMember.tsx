/**
 * Partner staff: one member as the partner sees them — profile fields the member's consents allow, tier,
 * balances, history at this partner, and holds; an active hold can be voided and an earn or a redemption
 * reversed (each with a confirmation) by staff whose role may write points (the hub decides).
 */
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import { ConfirmButton } from '../../confirm';
import { BalancesTable, Empty, ErrorBox, Loading, Points, TableBox, When } from '../../ui';

const MemberQuery = graphql(`
  query ConsolePartnerMember($customerId: String!, $after: String) {
    member(ref: { customerId: $customerId }) {
      id
      profile {
        displayName
        email
        phone
        visibleScopes
      }
      tier {
        name
      }
      partnerLink {
        customerId
        linkedAt
      }
      balances {
        currency
        available
        held
      }
      transactions(first: 20, after: $after) {
        nodes {
          id
          kind
          currency
          amount
          walletDelta
          orderRef
          createdAt
          hold {
            id
            status
            amount
            expiresAt
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

const VoidHold = graphql(`
  mutation ConsoleVoidHold($input: VoidRedemptionInput!) {
    voidRedemption(input: $input) {
      replayed
      transfer {
        id
        hold {
          id
          status
        }
      }
    }
  }
`);

const ReverseTransfer = graphql(`
  mutation ConsoleReverseTransfer($input: ReverseTransferInput!) {
    reverseTransfer(input: $input) {
      replayed
    }
  }
`);

/** Kinds a partner may refund through `reverseTransfer` (the hub decides what is left to reverse). */
const REVERSIBLE = new Set(['EARN', 'REDEEM', 'CAPTURE']);

function VoidButton({ holdId, amount, onDone }: { holdId: string; amount: string; onDone: () => void }) {
  const [state, voidHold] = useMutation(VoidHold);
  // One key per button: a retry of the same confirmation is the same operation.
  const [key] = useState(() => crypto.randomUUID());
  return (
    <ConfirmButton
      label="Void…"
      question={
        <>
          Release <Points value={amount} /> points back to the member?
        </>
      }
      yes="Yes, void the hold"
      busy={state.fetching}
      error={state.error}
      onConfirm={async () => {
        const r = await voidHold({ input: { holdId, idempotencyKey: `console-void-${key}` } });
        if (!r.error) onDone();
        return !r.error;
      }}
    />
  );
}

function ReverseButton({ transferId, kind, onDone }: { transferId: string; kind: string; onDone: () => void }) {
  const [state, reverse] = useMutation(ReverseTransfer);
  const [key] = useState(() => crypto.randomUUID());
  return (
    <ConfirmButton
      label="Reverse…"
      question={
        kind === 'EARN'
          ? 'Take back what is left of these points (what the member already spent becomes owed)?'
          : 'Give what is left of these points back to the member?'
      }
      yes="Yes, reverse it"
      busy={state.fetching}
      error={state.error}
      onConfirm={async () => {
        const r = await reverse({ input: { transferId, idempotencyKey: `console-reverse-${key}` } });
        if (!r.error) onDone();
        return !r.error;
      }}
    />
  );
}

export function PartnerMember({ customerId }: { customerId: string }) {
  const [after, setAfter] = useState<string>();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: MemberQuery,
    variables: { customerId, after },
    requestPolicy: 'network-only',
  });
  if (fetching && !data)
    return (
      <main>
        <Loading />
      </main>
    );
  if (error || !data)
    return (
      <main>
        <h1>Member {customerId}</h1>
        <ErrorBox error={error} />
      </main>
    );
  const m = data.member;
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const holds = m.transactions.nodes.filter((t) => t.hold && t.kind === 'AUTHORIZE');
  return (
    <main>
      <h1>Member {m.partnerLink?.customerId ?? customerId}</h1>
      <div className="card">
        <dl className="facts">
          <dt>Name</dt>
          <dd>{m.profile.displayName ?? <span className="muted">not shared with you</span>}</dd>
          <dt>E-mail</dt>
          <dd>{m.profile.email ?? <span className="muted">not shared with you</span>}</dd>
          <dt>Tier</dt>
          <dd>{m.tier.name}</dd>
          <dt>Linked</dt>
          <dd>
            <When iso={m.partnerLink?.linkedAt} />
          </dd>
        </dl>
      </div>
      <h2>Balances</h2>
      <BalancesTable balances={m.balances} />
      <h2>Holds</h2>
      {holds.length === 0 ? (
        <Empty>No holds on this page of history.</Empty>
      ) : (
        <TableBox label="Holds">
          <table>
            <thead>
              <tr>
                <th>Placed</th>
                <th>Reference</th>
                <th className="num">Points</th>
                <th>Status</th>
                <th>Action</th>
              </tr>
            </thead>
            <tbody>
              {holds.map((t) => (
                <tr key={t.hold!.id}>
                  <td>
                    <When iso={t.createdAt} />
                  </td>
                  <td className="code">{t.orderRef ?? ''}</td>
                  <td className="num">
                    <Points value={t.hold!.amount} />
                  </td>
                  <td>
                    <span className="badge" data-testid={`hold-${t.hold!.id}`}>
                      {t.hold!.status}
                    </span>
                    {t.hold!.status === 'ACTIVE' && (
                      <>
                        {' '}
                        until <When iso={t.hold!.expiresAt} />
                      </>
                    )}
                  </td>
                  <td>
                    {t.hold!.status === 'ACTIVE' && (
                      <VoidButton holdId={t.hold!.id} amount={t.hold!.amount} onDone={reload} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableBox>
      )}
      <h2>History at this partner</h2>
      <TableBox label="History">
        <table>
          <thead>
            <tr>
              <th>When</th>
              <th>What</th>
              <th>Reference</th>
              <th className="num">Points</th>
              <th>Action</th>
            </tr>
          </thead>
          <tbody>
            {m.transactions.nodes.length === 0 && (
              <tr>
                <td colSpan={5} className="muted">
                  No transactions.
                </td>
              </tr>
            )}
            {m.transactions.nodes.map((t) => (
              <tr key={t.id}>
                <td>
                  <When iso={t.createdAt} />
                </td>
                <td>{t.kind}</td>
                <td className="code">{t.orderRef ?? ''}</td>
                <td className="num">
                  <Points value={t.walletDelta} /> {t.currency}
                </td>
                <td>{REVERSIBLE.has(t.kind) && <ReverseButton transferId={t.id} kind={t.kind} onDone={reload} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableBox>
      <div className="row">
        {after && (
          <button className="secondary" onClick={() => setAfter(undefined)}>
            Newest
          </button>
        )}
        {m.transactions.pageInfo.hasNextPage && (
          <button className="secondary" onClick={() => setAfter(m.transactions.pageInfo.endCursor ?? undefined)}>
            Older
          </button>
        )}
      </div>
    </main>
  );
}
