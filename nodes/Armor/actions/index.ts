import { account } from './account';
import { agentHealth } from './agentHealth';
import { apiRequest } from './apiRequest';
import { identity } from './identity';
import { mdrIncident } from './mdrIncident';
import { mdrServiceRequest } from './mdrServiceRequest';
import { ticket } from './ticket';
import { virtualMachineV2 } from './virtualMachineV2';

/** The Armor node's resources, in the order the Resource list shows them. */
export const armorResources = [
	identity,
	account,
	ticket,
	mdrIncident,
	mdrServiceRequest,
	virtualMachineV2,
	agentHealth,
	apiRequest,
];
