/**
 * What the dropped foreign keys of `transfer_valuation` proved (Migration20261203100002), checked with the
 * ledger's invariants: every valuation values an existing transfer of its partner, under a contract of that
 * partner. Incrementally: the valuations of the transfers appended since the checkpoint.
 */
import type { InvariantCheck } from '../ledger/index.js';

const VALUATION_REFERENCES = (where: string) => `select 'valuation ' || v.transfer_id as subject,
               case when t.id is null then 'transfer missing'
                    when c.id is null then 'contract ' || v.contract_id || ' missing'
                    else 'partner ' || v.partner_id || ', transfer partner ' || coalesce(t.partner_id::text, 'none') || ', contract partner ' || c.partner_id end as detail
          from transfer_valuation v
          left join transfer t on t.id = v.transfer_id
          left join partner_contract c on c.id = v.contract_id
         where ${where} and (t.id is null or c.id is null or c.partner_id <> v.partner_id or t.partner_id is distinct from v.partner_id)`;

export const valuationReferencesInvariant: InvariantCheck = {
  invariant: 'VALUATIONS_REFERENCE_THEIR_TRANSFER',
  sql: VALUATION_REFERENCES('true'),
  changed: VALUATION_REFERENCES('v.transfer_id in (select id from changed_transfer)'),
};
