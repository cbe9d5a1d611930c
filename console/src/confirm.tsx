/**
 * A button that asks before it acts: the first click shows the question, the action runs only on the explicit
 * "Yes, …" and its error shows beside it. One component for every destructive or binding action (void a hold,
 * reverse a transfer, suspend a partner, close a period), so they all ask the same way.
 */
import { useState, type ReactNode } from 'react';
import type { CombinedError } from 'urql';
import { ErrorBox } from './ui';

export function ConfirmButton({
  label,
  question,
  yes,
  danger = true,
  busy,
  error,
  onConfirm,
}: {
  /** The first button, e.g. "Void…". */
  label: string;
  question: ReactNode;
  /** The confirming button, e.g. "Yes, void the hold". */
  yes: string;
  danger?: boolean;
  busy: boolean;
  error: CombinedError | undefined;
  /** Runs the action; the question closes when it resolves to true (leave it open to show an error). */
  onConfirm: () => Promise<boolean>;
}) {
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <button className={danger ? 'danger' : 'secondary'} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  return (
    <span className="row">
      <span>{question}</span>
      <button
        className="danger"
        disabled={busy}
        onClick={async () => {
          if (await onConfirm()) setAsking(false);
        }}
      >
        {yes}
      </button>
      <button className="secondary" onClick={() => setAsking(false)}>
        Cancel
      </button>
      <ErrorBox error={error} />
    </span>
  );
}
