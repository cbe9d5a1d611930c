/**
 * Operator: the ledger invariants. "Check now" checks what changed since the last clean check (the first one
 * is the full check); "Run the full check" starts it as a paged job on the hub and follows its progress.
 */
import { useEffect } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import { ErrorBox, Loading, TableBox, When } from '../../ui';

const InvariantsQuery = graphql(`
  query ConsoleInvariants {
    ledgerInvariants {
      ok
      mode
      transfersChecked
      accountsChecked
      checkedAt
      violations {
        invariant
        subject
        detail
      }
    }
  }
`);

const StartJob = graphql(`
  mutation ConsoleStartInvariantJob {
    startInvariantCheckJob {
      id
    }
  }
`);

const JobQuery = graphql(`
  query ConsoleInvariantJob($id: ID!) {
    invariantCheckJob(id: $id) {
      id
      state
      processed
      total
      violationCount
      violations {
        invariant
        subject
        detail
      }
      finishedAt
    }
  }
`);

/** How often a running job's progress is read. */
const JOB_POLL_MS = 1000;

function Violations({ violations }: { violations: { invariant: string; subject: string; detail: string }[] }) {
  if (violations.length === 0) return null;
  return (
    <TableBox label="Violations">
      <table>
        <thead>
          <tr>
            <th>Invariant</th>
            <th>Subject</th>
            <th>Detail</th>
          </tr>
        </thead>
        <tbody>
          {violations.map((v, i) => (
            <tr key={i} className="diff">
              <td>{v.invariant}</td>
              <td className="code">{v.subject}</td>
              <td>{v.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableBox>
  );
}

function FullCheckJob({ id }: { id: string }) {
  const [{ data, error }, read] = useQuery({ query: JobQuery, variables: { id }, requestPolicy: 'network-only' });
  const job = data?.invariantCheckJob;
  const running = !job || job.state === 'RUNNING';
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => read({ requestPolicy: 'network-only' }), JOB_POLL_MS);
    return () => clearInterval(timer);
  }, [running, read]);
  return (
    <section aria-label="Full check job">
      <ErrorBox error={error} />
      {job && (
        <>
          <p className={job.state === 'DONE' ? (job.violationCount === 0 ? 'ok' : 'error') : undefined} role="status">
            {job.state === 'DONE'
              ? job.violationCount === 0
                ? 'Full check done: every invariant holds.'
                : `Full check done: ${job.violationCount} violation(s).`
              : `Full check running: ${job.processed} of ${job.total} transfers and accounts checked.`}
            {job.finishedAt && (
              <>
                {' '}
                Finished at <When iso={job.finishedAt} />.
              </>
            )}
          </p>
          <Violations violations={job.violations} />
        </>
      )}
    </section>
  );
}

export function Invariants() {
  const [{ data, fetching, error }, check] = useQuery({ query: InvariantsQuery, requestPolicy: 'network-only' });
  const [started, start] = useMutation(StartJob);
  const report = data?.ledgerInvariants;
  const jobId = started.data?.startInvariantCheckJob.id;
  return (
    <main>
      <h1>Ledger invariants</h1>
      <button onClick={() => check({ requestPolicy: 'network-only' })} disabled={fetching}>
        Check now
      </button>{' '}
      <button onClick={() => void start({})} disabled={started.fetching}>
        Run the full check
      </button>
      {fetching && !data && <Loading />}
      <ErrorBox error={error} />
      {report && (
        <>
          <p className={report.ok ? 'ok' : 'error'} role="status">
            {report.ok ? 'Every invariant holds.' : `${report.violations.length} violation(s).`}{' '}
            {report.mode === 'INCREMENTAL'
              ? `Checked what changed since the last check (${report.transfersChecked} transfers, ${report.accountsChecked} accounts)`
              : 'Checked everything'}{' '}
            at <When iso={report.checkedAt} />.
          </p>
          <Violations violations={report.violations} />
        </>
      )}
      <ErrorBox error={started.error} />
      {jobId && <FullCheckJob id={jobId} />}
    </main>
  );
}
