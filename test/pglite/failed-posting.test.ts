import { failedPostingFlows } from '../flows/failed-posting-flows.js';

failedPostingFlows('pglite');
