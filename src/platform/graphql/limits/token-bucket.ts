/**
 * Per-caller cost budgets: a token bucket per key (a partner), refilled
 * continuously. In-process: with N hub processes behind a balancer, a partner's
 * sustained budget is up to N times the configured rate.
 */
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
    private readonly now: () => number = () => performance.now(),
  ) {}

  take(key: string, cost: number): Take {
    const t = this.now();
    const b = this.buckets.get(key) ?? { tokens: this.settings.capacity, at: t };
    b.tokens = Math.min(this.settings.capacity, b.tokens + ((t - b.at) / 1000) * this.settings.refillPerSecond);
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
