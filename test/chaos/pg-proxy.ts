/**
 * A loopback TCP proxy between the hubs and PostgreSQL that can lose the
 * answer to a COMMIT: it reads the client's protocol messages, and when a
 * simple-query `COMMIT` passes (how the hub's ledger transactions commit) it
 * may — with probability `cutCommitProbability` — forward the COMMIT, close the
 * server side after it (PostgreSQL still reads and commits it) and drop the
 * client side at once, so the hub never hears that its transaction committed.
 * The client then sees a failure for an operation that is in the ledger; its
 * retry with the same idempotency key must replay it, not post it again.
 *
 * Connections the server refuses (PostgreSQL restarting) are closed on the
 * client side, like a refused connection.
 */
import net from 'node:net';

export interface PgProxy {
  port: number;
  /** 0 = never cut; set during the traffic window only. */
  cutCommitProbability: number;
  /** COMMITs forwarded whose answer was dropped. */
  readonly commitsCut: number;
  close(): Promise<void>;
}

const COMMIT = /^\s*commit\s*;?\s*$/i;

export async function startPgProxy(target: { host: string; port: number }): Promise<PgProxy> {
  const sockets = new Set<net.Socket>();
  let cut = 0;
  const proxy: PgProxy = {
    port: 0,
    cutCommitProbability: 0,
    get commitsCut() {
      return cut;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };

  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    sockets.add(client).add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    let cutting = false;
    upstream.on('data', (d) => {
      if (!cutting) client.write(d);
    });

    // Client → server: forward whole messages, look at each.
    let pending: Buffer = Buffer.alloc(0);
    let startup = true;
    client.on('data', (d: Buffer) => {
      if (cutting) return;
      pending = pending.length ? Buffer.concat([pending, d]) : d;
      let offset = 0;
      for (;;) {
        if (startup) {
          if (pending.length - offset < 8) break;
          const len = pending.readInt32BE(offset);
          if (pending.length - offset < len) break;
          const code = pending.readInt32BE(offset + 4);
          // SSL/GSS negotiation requests come before the real startup message.
          if (code !== 80877103 && code !== 80877104) startup = false;
          offset += len;
          continue;
        }
        if (pending.length - offset < 5) break;
        const type = pending[offset]!;
        const len = pending.readInt32BE(offset + 1);
        if (pending.length - offset < 1 + len) break;
        const end = offset + 1 + len;
        if (type === 0x51 /* Q */ && proxy.cutCommitProbability > 0) {
          const text = pending.toString('utf8', offset + 5, end - 1);
          if (COMMIT.test(text) && Math.random() < proxy.cutCommitProbability) {
            cutting = true;
            cut++;
            // Everything up to and including the COMMIT reaches the server; then it sees the connection end.
            upstream.end(pending.subarray(0, end));
            client.destroy();
            return;
          }
        }
        offset = end;
      }
      if (offset > 0) {
        upstream.write(pending.subarray(0, offset));
        pending = pending.subarray(offset);
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  proxy.port = (server.address() as net.AddressInfo).port;
  return proxy;
}
