import { rewardFlows } from '../../flows/reward-flows.js';

rewardFlows('postgresql');
