/**
 * Every migration, in order. Listed explicitly (not globbed) so the same list
 * works under tsx, vitest and the compiled build.
 */
import { Migration20261122000001_foundation } from './Migration20261122000001_foundation.js';
import { Migration20261122000002_ledger } from './Migration20261122000002_ledger.js';
import { Migration20261122000003_member_profile } from './Migration20261122000003_member_profile.js';
import { Migration20261122000004_exchange } from './Migration20261122000004_exchange.js';
import { Migration20261122000005_settlement } from './Migration20261122000005_settlement.js';
import { Migration20261122000006_quote_spread } from './Migration20261122000006_quote_spread.js';
import { Migration20261122000007_partner_auth_notify } from './Migration20261122000007_partner_auth_notify.js';
import { Migration20261122000008_settlement_fee } from './Migration20261122000008_settlement_fee.js';
import { Migration20261202000002_member_sign_in } from './Migration20261202000002_member_sign_in.js';

export const migrationsList = [
  Migration20261122000001_foundation,
  Migration20261122000002_ledger,
  Migration20261122000003_member_profile,
  Migration20261122000004_exchange,
  Migration20261122000005_settlement,
  Migration20261122000006_quote_spread,
  Migration20261122000007_partner_auth_notify,
  Migration20261122000008_settlement_fee,
  Migration20261202000002_member_sign_in,
].map((m) => ({ name: m.name, class: m }));
