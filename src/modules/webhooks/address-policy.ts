/**
 * Which addresses a webhook may connect to (SSRF protection). A partner names a URL; the hub must not become a
 * way into its own network. So every address a host name resolves to is checked, and the connection is made to
 * the address that was checked (sender.ts), never resolved again: a name that answers a public address to the
 * check and a private one to the connection (DNS rebinding) gets nowhere.
 *
 * Refused unless an operator lists the range in `WEBHOOK_ALLOW_PRIVATE`: loopback, private (RFC 1918, unique
 * local), link-local (cloud metadata lives there), carrier-grade NAT, benchmarking, multicast, "this network",
 * broadcast and reserved ranges, and IPv4 addresses hidden in IPv6 (mapped, NAT64) are judged as IPv4.
 */
import { BlockList, isIP } from 'node:net';

const REFUSED_V4 = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const;

const REFUSED_V6 = [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
  ['2001:db8::', 32],
  ['100::', 64],
] as const;

/** An IPv4 address inside an IPv6 one (::ffff:a.b.c.d, ::a.b.c.d, 64:ff9b::a.b.c.d), or undefined. */
function embeddedV4(address: string): string | undefined {
  const lower = address.toLowerCase();
  const dotted = /^(?:::ffff:|::|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted) return dotted[1];
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (!hex) return undefined;
  const hi = parseInt(hex[1]!, 16);
  const lo = parseInt(hex[2]!, 16);
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

/** An IP address as it is judged: IPv4 hidden in IPv6 as IPv4; undefined when it is no IP address. */
function normalise(address: string): { address: string; family: 'ipv4' | 'ipv6' } | undefined {
  const version = isIP(address);
  if (version === 4) return { address, family: 'ipv4' };
  if (version !== 6) return undefined;
  const v4 = embeddedV4(address);
  return v4 ? { address: v4, family: 'ipv4' } : { address, family: 'ipv6' };
}

/** Parses `a.b.c.d/n` or `x::y/n` (a bare address is a single host); throws on anything else. */
export function parseCidr(cidr: string): { address: string; prefix: number; family: 'ipv4' | 'ipv6' } {
  const [address = '', bits] = cidr.split('/');
  const version = isIP(address);
  if (version === 0) throw new Error(`"${cidr}" is not an IP address or CIDR range`);
  const max = version === 4 ? 32 : 128;
  const prefix = bits === undefined ? max : Number(bits);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > max) throw new Error(`"${cidr}" has a bad prefix length`);
  return { address, prefix, family: version === 4 ? 'ipv4' : 'ipv6' };
}

export class AddressPolicy {
  private readonly refused = new BlockList();
  private readonly allowed = new BlockList();

  /** @param allowList CIDR ranges an operator admits although they are private (e.g. `127.0.0.1/32` in tests). */
  constructor(allowList: readonly string[]) {
    for (const [a, p] of REFUSED_V4) this.refused.addSubnet(a, p, 'ipv4');
    for (const [a, p] of REFUSED_V6) this.refused.addSubnet(a, p, 'ipv6');
    for (const cidr of allowList) {
      const { address, prefix, family } = parseCidr(cidr);
      this.allowed.addSubnet(address, prefix, family);
    }
  }

  /** Whether the operator's allow-list names this address (private or not). */
  admits(address: string): boolean {
    const ip = normalise(address);
    return ip !== undefined && this.allowed.check(ip.address, ip.family);
  }

  /** Whether the hub may connect to this IP address. */
  permits(address: string): boolean {
    const ip = normalise(address);
    if (!ip) return false;
    return this.allowed.check(ip.address, ip.family) || !this.refused.check(ip.address, ip.family);
  }
}
