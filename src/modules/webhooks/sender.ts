/**
 * One HTTP attempt of a delivery, defended against the endpoint (README.md, "Hostile endpoints"):
 *
 * - the host name is resolved once; every address is checked (address-policy.ts) and the socket connects to
 *   the checked address (a `lookup` that answers it), so a second resolution can never point elsewhere;
 * - redirects are never followed: a 3xx is a failed attempt, whatever its `Location`;
 * - one deadline covers connecting, TLS, sending and the response's headers; a response body is read up to a cap
 *   (the first bytes are kept for the delivery log) and the connection is then dropped;
 * - TLS certificates are verified as Node does by default.
 *
 * Measured durations here are wall time (`performance.now()`), not hub time: they are latencies to report.
 */
import http from 'node:http';
import https from 'node:https';
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP, type LookupFunction } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { AddressPolicy } from './address-policy.js';

export interface AttemptResult {
  /** The HTTP status, when a response arrived. */
  statusCode?: number;
  latencyMs: number;
  /** Why the attempt failed before or without a response (never contains the secret or the body sent). */
  error?: string;
  /** The first bytes of the response body, as text (at most `EXCERPT_BYTES`). */
  excerpt?: string;
}

/** What the delivery log keeps of a response body. */
export const EXCERPT_BYTES = 1024;
/** The most of a response body ever read; the connection is dropped beyond it. */
const READ_CAP_BYTES = 64 * 1024;

// eslint-disable-next-line no-control-regex -- control characters are exactly what this replaces
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

export class RefusedAddress extends Error {}

/** Resolves `host` and returns one address the policy permits, refusing if any address is not permitted. */
export async function resolvePermitted(
  host: string,
  policy: AddressPolicy,
): Promise<{ address: string; family: number }> {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  const literal = isIP(bare);
  const addresses = literal
    ? [{ address: bare, family: literal }]
    : await dnsLookup(bare, { all: true, verbatim: true });
  if (addresses.length === 0) throw new RefusedAddress(`${host} did not resolve`);
  // Every address must be permitted: otherwise a name could mix a public and a private answer.
  for (const a of addresses)
    if (!policy.permits(a.address)) throw new RefusedAddress(`${host} resolves to a refused address`);
  return addresses[0]!;
}

export async function attempt(
  url: URL,
  headers: Record<string, string>,
  body: string,
  policy: AddressPolicy,
  timeoutMs: number,
): Promise<AttemptResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let target: { address: string; family: number };
  let dnsTimer: NodeJS.Timeout | undefined;
  try {
    // The deadline covers the lookup too: a slow resolver is as hostile as a slow endpoint.
    target = await Promise.race([
      resolvePermitted(url.hostname, policy),
      new Promise<never>((_, reject) => {
        dnsTimer = setTimeout(() => reject(new Error('DNS lookup timed out')), timeoutMs);
      }),
    ]);
  } catch (error) {
    return { latencyMs: elapsed(), error: error instanceof RefusedAddress ? error.message : 'DNS lookup failed' };
  } finally {
    clearTimeout(dnsTimer);
  }
  const remaining = Math.max(1, timeoutMs - elapsed());
  // The connection goes to the address just checked, whatever the name would resolve to now.
  const pinned: LookupFunction = (_host, options, callback) => {
    if ((options as { all?: boolean }).all) callback(null, [target] as never, undefined as never);
    else callback(null, target.address, target.family);
  };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<AttemptResult>((resolve) => {
    let settled = false;
    // Once the status arrived it decides the attempt, even if the body then trickles past the deadline.
    let statusCode: number | undefined;
    const finish = (r: Omit<AttemptResult, 'latencyMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      resolve({ ...r, latencyMs: elapsed() });
    };
    const req = client.request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': Buffer.byteLength(body).toString() },
        lookup: pinned,
        agent: false,
        // The name the certificate must match stays the URL's host (SNI), though we connect to an address.
        servername: isIP(url.hostname) ? undefined : url.hostname,
      },
      (res) => {
        statusCode = res.statusCode;
        const chunks: Buffer[] = [];
        let read = 0;
        const done = () =>
          finish({
            statusCode: res.statusCode,
            // Text only: control characters (NUL among them, which PostgreSQL text refuses) become U+FFFD.
            excerpt: Buffer.concat(chunks).subarray(0, EXCERPT_BYTES).toString('utf8').replace(CONTROL, '\ufffd'),
          });
        res.on('data', (chunk: Buffer) => {
          if (read < EXCERPT_BYTES) chunks.push(chunk.subarray(0, EXCERPT_BYTES - read));
          read += chunk.length;
          if (read >= READ_CAP_BYTES) done();
        });
        res.on('end', done);
        res.on('error', done);
      },
    );
    const timer = setTimeout(
      () => finish(statusCode ? { statusCode } : { error: `no answer within ${timeoutMs} ms` }),
      remaining,
    );
    req.on('error', (error: NodeJS.ErrnoException) => finish({ error: describe(error) }));
    req.end(body);
  });
}

/** A short, secret-free reason for a failed connection. */
function describe(error: NodeJS.ErrnoException): string {
  if (error.code?.startsWith('ERR_TLS') || /certificate|SSL|TLS/i.test(error.message))
    return `TLS: ${error.code ?? 'error'}`;
  return error.code ? `connection failed: ${error.code}` : 'connection failed';
}
