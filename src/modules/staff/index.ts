/** The staff module's public API: console staff accounts and their sessions (principals for the hub's guards). */
import type { StaffService } from './staff.service.js';

export interface StaffServices {
  staff: StaffService;
}
export { StaffService, type StaffSession } from './staff.service.js';
export { STAFF_ROLES, type StaffRole, type StaffAccount } from './staff.types.js';
