/**
 * Every migration, in order. Listed explicitly (not globbed) so the same list
 * works under tsx, vitest and the compiled build.
 */
import { Migration20261122000001_foundation } from './Migration20261122000001_foundation.js';

export const migrationsList = [{ name: Migration20261122000001_foundation.name, class: Migration20261122000001_foundation }];
