/** Which addresses webhooks may reach (src/modules/webhooks/address-policy.ts), and the backoff's bounds. */
import { describe, expect, it } from 'vitest';
import { AddressPolicy } from '../../src/modules/webhooks/address-policy.js';
import { retryDelayMs } from '../../src/modules/webhooks/backoff.js';

describe('address policy', () => {
  const strict = new AddressPolicy([]);
  it('refuses loopback, private, link-local, CGNAT, multicast, reserved and unspecified, in both families', () => {
    for (const ip of [
      '127.0.0.1',
      '127.9.9.9',
      '10.0.0.1',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '255.255.255.255',
      '198.18.0.1',
      '::',
      '::1',
      'fc00::1',
      'fd12:3456::1',
      'fe80::1',
      'ff02::1',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '::ffff:a9fe:a9fe',
      '64:ff9b::10.0.0.1',
      'not an ip',
    ])
      expect(strict.permits(ip), ip).toBe(false);
  });
  it('permits public addresses', () => {
    for (const ip of ['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700::1111', '::ffff:8.8.8.8'])
      expect(strict.permits(ip), ip).toBe(true);
  });
  it("admits exactly the operator's ranges", () => {
    const lab = new AddressPolicy(['127.0.0.1/32', '10.1.0.0/16', 'fd00::/8']);
    expect(lab.permits('127.0.0.1')).toBe(true);
    expect(lab.permits('::ffff:127.0.0.1')).toBe(true);
    expect(lab.permits('127.0.0.2')).toBe(false);
    expect(lab.permits('10.1.200.3')).toBe(true);
    expect(lab.permits('10.2.0.1')).toBe(false);
    expect(lab.permits('fd00::5')).toBe(true);
    expect(lab.admits('10.1.0.9')).toBe(true);
    expect(lab.admits('8.8.8.8')).toBe(false);
    expect(() => new AddressPolicy(['10.0.0.0/33'])).toThrow('prefix');
    expect(() => new AddressPolicy(['example.com'])).toThrow('not an IP address');
  });
});

describe('retry backoff', () => {
  it('doubles from 5 s with jitter between half and all, at most 6 hours', () => {
    expect(retryDelayMs(1, 0)).toBe(2_500);
    expect(retryDelayMs(1, 0.999_999)).toBeCloseTo(5_000, -1);
    expect(retryDelayMs(4, 0)).toBe(20_000);
    expect(retryDelayMs(40, 1)).toBe(6 * 3_600_000);
    expect(retryDelayMs(40, 0)).toBe(3 * 3_600_000);
  });
});
