import { account } from './account';
import { agentHealth } from './agentHealth';
import { apiRequest } from './apiRequest';
import { identity } from './identity';
import { mdrIncident } from './mdrIncident';
import { mdrServiceRequest } from './mdrServiceRequest';
import { ticket } from './ticket';
import { virtualMachineV2 } from './virtualMachineV2';
import { virtualMachine } from './virtualMachine';
import { workload } from './workload';
import { tier } from './tier';
import { order } from './order';
import { location } from './location';
import { antiMalware } from './antiMalware';
import { fileIntegrity } from './fileIntegrity';
import { firewall } from './firewall';
import { ipReputation } from './ipReputation';
import { logManagement } from './logManagement';
import { logSearch } from './logSearch';
import { patching } from './patching';
import { securityDashboard } from './securityDashboard';
import { securityIncident } from './securityIncident';
import { user } from './user';

/** The Armor node's resources, in the order the Resource list shows them. */
export const armorResources = [
	identity,
	account,
	ticket,
	mdrIncident,
	mdrServiceRequest,
	virtualMachine,
	workload,
	tier,
	order,
	location,
	virtualMachineV2,
	agentHealth,
	user,
	firewall,
	antiMalware,
	fileIntegrity,
	patching,
	securityDashboard,
	securityIncident,
	ipReputation,
	logManagement,
	logSearch,
	apiRequest,
];
