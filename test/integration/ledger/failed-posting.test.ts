import { failedPostingFlows } from '../../flows/failed-posting-flows.js';

failedPostingFlows('postgresql');
