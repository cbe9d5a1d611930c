import { ledgerFlows } from '../../flows/ledger-flows.js';

ledgerFlows('postgresql');
