import { incrementalCheckFlows } from '../flows/incremental-check-flows.js';

incrementalCheckFlows('pglite');
