/**
 * A point-of-sale simulator that uses only the SDK (@coalition-hub/client): a till enrols its customers, gives
 * points for each sale, takes payment in points as an authorisation then a capture (or a void when the sale is
 * cancelled), and prints each customer's statement by paging through its transactions. Every points call carries
 * an idempotency key the SDK makes, so a till that retries after a network failure never gives points twice.
 */
import { LoyaltyHub, HubError } from '@coalition-hub/client';

export interface SimulationReport {
  customers: number;
  sales: number;
  earned: bigint;
  redeemed: bigint;
  voided: number;
  refusals: Record<string, number>;
  /** Per customer: the transactions listed, and the balance after the last one. */
  statements: { customerId: string; transactions: number; available: string }[];
}

/** Runs `sales` sales over `customers` customers of the partner whose credentials `hub` holds. */
export async function simulate(
  hub: LoyaltyHub,
  options: { customers: number; sales: number; prefix: string },
): Promise<SimulationReport> {
  const report: SimulationReport = {
    customers: options.customers,
    sales: 0,
    earned: 0n,
    redeemed: 0n,
    voided: 0,
    refusals: {},
    statements: [],
  };
  const ids = Array.from({ length: options.customers }, (_, i) => `${options.prefix}-${i + 1}`);
  for (const customerId of ids) await hub.enroll({ customerId });
  const available = new Map<string, string>();
  for (let sale = 0; sale < options.sales; sale++) {
    const customerId = ids[sale % ids.length]!;
    const member = { customerId };
    const basket = BigInt(50 + ((sale * 37) % 450));
    const earned = await hub.earn({ member, amount: basket.toString(), orderRef: `${options.prefix}-S${sale}` });
    report.earned += basket;
    available.set(customerId, earned.balance!.available);
    report.sales++;
    // Every third sale pays part with points: authorise, then capture (or void every ninth: the sale was cancelled).
    if (sale % 3 === 2) {
      try {
        const held = await hub.authorize({ member, amount: '100' });
        if (sale % 9 === 8) {
          await hub.void({ holdId: held.hold!.id });
          report.voided++;
        } else {
          const captured = await hub.capture({ holdId: held.hold!.id, amount: '60' });
          report.redeemed += 60n;
          available.set(customerId, captured.balance!.available);
        }
      } catch (error) {
        if (!(error instanceof HubError)) throw error;
        report.refusals[error.code] = (report.refusals[error.code] ?? 0) + 1;
      }
    }
  }
  for (const customerId of ids) {
    let transactions = 0;
    for await (const _ of hub.transactions({ customerId }, 5)) transactions++;
    report.statements.push({ customerId, transactions, available: available.get(customerId) ?? '0' });
  }
  return report;
}
