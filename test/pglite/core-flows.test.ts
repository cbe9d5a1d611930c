import { coreFlows } from '../flows/core-flows.js';

coreFlows('pglite');
