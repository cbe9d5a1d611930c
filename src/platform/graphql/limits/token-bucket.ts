/**
 * Per-caller cost budgets: a token bucket per key (a partner), refilled
 * continuously. In-process: with N hub processes behind a balancer, a partner's
 * sustained budget is up to N times the configured rate.
 */
import { clock } from '../../clock.js';

export interface BucketSettings {
  capacity: number;
  refillPerSecond: number;
}

export interface Take {
  allowed: boolean;
  remaining: number;
  /** Seconds until `cost` would fit, when refused. */
  retryAfter: number;
}

export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly settings: BucketSettings,
    // Hub time: a test refills a bucket by moving the clock, so what it counts does not depend on its speed.
    private readonly now: () => number = () => clock.nowMs(),
  ) {}

  take(key: string, cost: number): Take {
    const t = this.now();
    const b = this.buckets.get(key) ?? { tokens: this.settings.capacity, at: t };
    // Wall time can step back (NTP); a bucket never loses tokens to that.
    b.tokens = Math.min(
      this.settings.capacity,
      b.tokens + (Math.max(0, t - b.at) / 1000) * this.settings.refillPerSecond,
    );
    b.at = t;
    this.buckets.set(key, b);
    if (cost > b.tokens) {
      return {
        allowed: false,
        remaining: Math.floor(b.tokens),
        retryAfter: Math.ceil((cost - b.tokens) / this.settings.refillPerSecond),
      };
    }
    b.tokens -= cost;
    return { allowed: true, remaining: Math.floor(b.tokens), retryAfter: 0 };
  }
}
