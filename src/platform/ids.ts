/**
 * Identifier generation in one place. UUIDv7: time-ordered, so primary keys
 * stay index-friendly and keyset pagination by id follows creation order.
 */
import { randomBytes, randomFillSync } from 'node:crypto';
import { clock } from './clock.js';

let lastMs = 0;
let seq = 0;

// Random bits come from a pool refilled 4 KiB at a time: one call into the CSPRNG per ~400 ids instead of
// two per id (those calls were 4% of the hub's CPU on the earn path; bench/).
const pool = Buffer.alloc(4096);
let poolAt = pool.length;
function take(n: number): Buffer {
  if (poolAt + n > pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  poolAt += n;
  return pool.subarray(poolAt - n, poolAt);
}

export function newId(): string {
  let ms = clock.nowMs();
  if (ms <= lastMs) {
    // Same millisecond: bump a 12-bit sequence so ids stay strictly increasing in-process.
    seq = (seq + 1) & 0xfff;
    if (seq === 0) lastMs += 1;
    ms = lastMs;
  } else {
    lastMs = ms;
    seq = take(2).readUInt16BE(0) & 0x7ff;
  }
  const bytes = Buffer.allocUnsafe(16);
  take(10).copy(bytes, 6);
  bytes.writeUIntBE(ms, 0, 6);
  bytes[6] = 0x70 | (seq >> 8);
  bytes[7] = seq & 0xff;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => UUID.test(value);

/** Random opaque token material (client ids, secrets). */
export const randomToken = (bytes: number): string =>
  (bytes <= 64 ? take(bytes) : randomBytes(bytes)).toString('base64url');
