/** Per-request DataLoaders of the ledger module. */
import DataLoader from 'dataloader';
import { byId, groupBy } from '../../platform/graphql/batch.js';
import type { HoldRow, TransferRow } from './ledger.model.js';
import type { BalanceRow } from './ledger.queries.js';
import type { LedgerServices } from './index.js';

export function createLedgerLoaders(services: LedgerServices) {
  return {
    transfer: new DataLoader<string, TransferRow | undefined>(async (ids) =>
      byId(await services.ledger.queries.transfersByIds(ids), ids),
    ),
    transfersByOperation: new DataLoader<string, TransferRow[]>(async (ids) =>
      groupBy(await services.ledger.queries.transfersByOperations(ids), ids, (t) => t.operationId),
    ),
    reversedAmount: new DataLoader<string, bigint>(async (ids) => {
      const found = await services.ledger.queries.reversedAmounts(ids);
      return ids.map((id) => found.get(id) ?? 0n);
    }),
    hold: new DataLoader<string, HoldRow | undefined>(async (ids) =>
      byId(await services.ledger.queries.holdsByIds(ids), ids),
    ),
    balances: new DataLoader<string, BalanceRow[]>(async (memberIds) =>
      groupBy(await services.ledger.queries.balances(memberIds), memberIds, (b) => b.memberId),
    ),
  };
}

export type LedgerLoaders = ReturnType<typeof createLedgerLoaders>;
