import { programFlows } from '../../flows/program-flows.js';

programFlows('postgresql');
