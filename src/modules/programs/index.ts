/** The programs module's public API: the only file other modules may import from this folder. */
import type { ProgramsService } from './programs.service.js';

export interface ProgramsServices {
  programs: ProgramsService;
}

export type { ProgramsService } from './programs.service.js';
