/** The ledger's gauges on /metrics: holds pending and how far the expiry sweep is behind. */
import { Gauge, type Registry } from 'prom-client';
import type { LedgerServices } from './index.js';

export function registerLedgerMetrics(registry: Registry, { ledger }: LedgerServices): void {
  new Gauge({
    name: 'hub_holds_active',
    help: 'Authorised redemptions (holds) not yet captured, voided or expired.',
    registers: [registry],
    async collect() {
      this.set((await ledger.expiry.backlog()).activeHolds);
    },
  });
  new Gauge({
    name: 'hub_expiry_sweep_lag_seconds',
    help: 'How long the oldest hold or lot past its expiry has waited for the sweep (0: nothing overdue).',
    registers: [registry],
    async collect() {
      this.set((await ledger.expiry.backlog()).lagSeconds);
    },
  });
}
