/**
 * Every MikroORM entity of the hub, registered once in `platform/db`. The
 * ledger, members, exchange and settlement read and write through the raw SQL
 * client (`platform/db/sql.ts`): their hot paths are single statements.
 */
import { Partner } from './partners/partner.entity.js';
import { PartnerCredential } from './partners/partner-credential.entity.js';

export const entities = [Partner, PartnerCredential];
