/** The audit module's public surface. */
import type { AuditService } from './audit.service.js';

export interface AuditServices {
  audit: AuditService;
}
export { auditModule } from './audit.module.js';
export { NOT_ADMINISTRATIVE } from './audit.classification.js';
