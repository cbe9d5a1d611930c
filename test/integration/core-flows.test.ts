import { coreFlows } from '../flows/core-flows.js';

coreFlows('postgresql');
