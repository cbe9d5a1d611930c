import { programFlows } from '../flows/program-flows.js';

programFlows('pglite');
