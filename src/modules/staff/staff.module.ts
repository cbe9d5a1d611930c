/**
 * The staff module (issue 18): the console's people — operators, finance (hub-wide or one partner), a
 * partner's admins and analysts — with e-mail and password, and their cookie sessions. A session acts as the
 * hub principal of its role (staff.types.ts), so the console is authorised by the same guards as tokens.
 */
import type { HubModule } from '../../platform/module.js';
import { Migration20261203300001_staff } from '../../../migrations/Migration20261203300001_staff.js';
import type { PartnersServices } from '../partners/index.js';
import { STAFF_ERRORS, type StaffErrorCode } from './staff.errors.js';
import { StaffService } from './staff.service.js';
import { createStaffRoutes } from './staff.routes.js';
import type { StaffServices } from './index.js';

export const staffModule: HubModule<StaffServices, PartnersServices, Record<never, never>, StaffErrorCode> = {
  name: 'staff',
  // Partner staff belong to a partner (a foreign key, and a suspended partner's staff stop with it).
  dependsOn: ['partners'],
  migrations: [Migration20261203300001_staff],
  errors: STAFF_ERRORS,
  services: ({ db }) => ({ staff: new StaffService(db.sql) }),
  routes: ({ services, config }) => createStaffRoutes(services.staff, config.env === 'production'),
};
