/**
 * Partner staff: the partner's webhook endpoints (issue 19). Add one (its signing secret is shown once, right
 * here), turn one on or off, rotate its secret, and read its delivery log — each delivery's status, attempts, last
 * HTTP status and latency — with a replay for a dead-lettered (or lost) delivery. An analyst reads; changing needs
 * the admin role (the hub refuses otherwise, and the refusal shows).
 */
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import { ErrorBox, Loading, TableBox, When, pageState } from '../../ui';

const Endpoints = graphql(`
  query ConsoleWebhookEndpoints {
    webhookEndpoints {
      id
      url
      description
      eventTypes
      enabled
      previousSecretUntil
    }
  }
`);

const CreateEndpoint = graphql(`
  mutation ConsoleCreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      secret
      endpoint {
        id
      }
    }
  }
`);

const SetEnabled = graphql(`
  mutation ConsoleSetWebhookEnabled($input: UpdateWebhookEndpointInput!) {
    updateWebhookEndpoint(input: $input) {
      id
      enabled
    }
  }
`);

const Rotate = graphql(`
  mutation ConsoleRotateWebhookSecret($id: ID!) {
    rotateWebhookSecret(id: $id) {
      secret
      endpoint {
        id
        previousSecretUntil
      }
    }
  }
`);

const Deliveries = graphql(`
  query ConsoleWebhookDeliveries($endpointId: ID!, $after: String) {
    webhookDeliveries(endpointId: $endpointId, first: 20, after: $after) {
      nodes {
        id
        eventType
        eventId
        status
        attempts
        lastStatusCode
        lastError
        createdAt
        nextAttemptAt
        attemptLog {
          latencyMs
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const Replay = graphql(`
  mutation ConsoleReplayWebhookDelivery($id: ID!) {
    replayWebhookDelivery(id: $id) {
      id
      status
    }
  }
`);

/** A secret the hub just made: shown once, with what to do with it. */
function NewSecret({ secret }: { secret: string }) {
  return (
    <div className="card" role="status" aria-label="New signing secret">
      <strong>Signing secret (shown once — store it now):</strong> <span className="code">{secret}</span>
    </div>
  );
}

function DeliveryLog({ endpointId }: { endpointId: string }) {
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, fetching, error }, refetch] = useQuery({ query: Deliveries, variables: { endpointId, after } });
  const [replayState, replay] = useMutation(Replay);
  const nodes = data?.webhookDeliveries.nodes ?? [];
  const empty = pageState(7, { fetching, hasData: !!data, error, empty: nodes.length === 0 }, 'No deliveries yet.');
  return (
    <section aria-label="Delivery log">
      <h2>Delivery log</h2>
      <TableBox label="Deliveries">
        <table>
          <thead>
            <tr>
              <th>Event</th>
              <th>Status</th>
              <th className="num">Attempts</th>
              <th className="num">Last HTTP</th>
              <th className="num">Latency (ms)</th>
              <th>Created</th>
              <th>Replay</th>
            </tr>
          </thead>
          <tbody>
            {empty ??
              nodes.map((d) => (
                <tr key={d.id}>
                  <td className="code">{d.eventType}</td>
                  <td>
                    {d.status}
                    {d.lastError && d.status !== 'SUCCEEDED' ? ` (${d.lastError})` : ''}
                  </td>
                  <td className="num">{d.attempts}</td>
                  <td className="num">{d.lastStatusCode ?? '—'}</td>
                  <td className="num">{d.attemptLog[0]?.latencyMs ?? '—'}</td>
                  <td>
                    <When iso={d.createdAt} />
                  </td>
                  <td>
                    {d.status !== 'PENDING' && (
                      <button
                        className="secondary"
                        disabled={replayState.fetching}
                        aria-label={`Replay ${d.eventType} ${d.eventId}`}
                        onClick={() => void replay({ id: d.id }).then(() => refetch({ requestPolicy: 'network-only' }))}
                      >
                        Replay
                      </button>
                    )}
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      </TableBox>
      <ErrorBox error={replayState.error} />
      {data?.webhookDeliveries.pageInfo.hasNextPage && (
        <button className="secondary" onClick={() => setAfter(data.webhookDeliveries.pageInfo.endCursor)}>
          Older deliveries
        </button>
      )}
    </section>
  );
}

export function Webhooks() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: Endpoints });
  const [created, create] = useMutation(CreateEndpoint);
  const [enabledState, setEnabled] = useMutation(SetEnabled);
  const [rotated, rotate] = useMutation(Rotate);
  const [shown, setShown] = useState<string>();
  const [secret, setSecret] = useState<string>();
  const reload = () => refetch({ requestPolicy: 'network-only' });

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const types = String(f.get('eventTypes') ?? '')
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    const r = await create({
      input: {
        url: String(f.get('url') ?? '').trim(),
        description: String(f.get('description') ?? '') || null,
        eventTypes: types,
      },
    });
    if (r.data) {
      setSecret(r.data.createWebhookEndpoint.secret);
      reload();
    }
  }

  return (
    <main>
      <h1>Webhooks</h1>
      <p className="muted">
        Events are signed per Standard Webhooks, delivered at least once and in order per member; retried with backoff
        for 3 days, then dead-lettered.
      </p>
      {fetching && !data && <Loading />}
      <ErrorBox error={error} />
      {secret && <NewSecret secret={secret} />}
      {data && (
        <TableBox label="Endpoints">
          <table>
            <thead>
              <tr>
                <th>URL</th>
                <th>Events</th>
                <th>State</th>
                <th>Actions</th>
              </tr>
            </thead>
            <tbody>
              {data.webhookEndpoints.length === 0 && (
                <tr>
                  <td colSpan={4} className="muted">
                    No endpoint yet.
                  </td>
                </tr>
              )}
              {data.webhookEndpoints.map((ep) => (
                <tr key={ep.id}>
                  <td className="code">{ep.url}</td>
                  <td>{ep.eventTypes.length ? ep.eventTypes.join(', ') : 'all'}</td>
                  <td>
                    {ep.enabled ? 'enabled' : 'disabled'}
                    {ep.previousSecretUntil && (
                      <>
                        {' '}
                        (old secret until <When iso={ep.previousSecretUntil} />)
                      </>
                    )}
                  </td>
                  <td className="row">
                    <button
                      className="secondary"
                      onClick={() => setShown(ep.id)}
                      aria-label={`Deliveries of ${ep.url}`}
                    >
                      Deliveries
                    </button>
                    <button
                      className="secondary"
                      disabled={enabledState.fetching}
                      onClick={() => void setEnabled({ input: { id: ep.id, enabled: !ep.enabled } }).then(reload)}
                    >
                      {ep.enabled ? 'Disable' : 'Enable'}
                    </button>
                    <button
                      className="secondary"
                      disabled={rotated.fetching}
                      onClick={() =>
                        void rotate({ id: ep.id }).then((r) => {
                          if (r.data) setSecret(r.data.rotateWebhookSecret.secret);
                          reload();
                        })
                      }
                    >
                      Rotate secret
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableBox>
      )}
      <ErrorBox error={enabledState.error ?? rotated.error} />
      <form className="card row" onSubmit={submit} aria-label="New endpoint">
        <label>
          URL
          <input name="url" type="url" required maxLength={2048} placeholder="https://example.com/hooks" />
        </label>
        <label>
          Description
          <input name="description" maxLength={200} />
        </label>
        <label>
          Event types (comma-separated; empty: all)
          <input name="eventTypes" maxLength={2000} placeholder="points.earned, hold.captured" />
        </label>
        <button type="submit" disabled={created.fetching}>
          Add endpoint
        </button>
      </form>
      <ErrorBox error={created.error} />
      {shown && <DeliveryLog key={shown} endpointId={shown} />}
    </main>
  );
}
