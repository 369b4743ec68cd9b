import type { INodeProperties } from 'n8n-workflow';

import { ARMOR_SERVICES } from '../../../../credentials/armorServices';
import { apiRequestResource } from '../../../shared/apiRequest';
import { armorApi } from '../../armorApi';
import { accountContextOption, readAccountContext } from '../../descriptions';

/** Which Armor host the path is relative to: the credential's base URL or one of the v2 services. */
const serviceOption: INodeProperties = {
	displayName: 'Service',
	name: 'service',
	type: 'options',
	options: [
		{ name: 'Armor API (Base URL)', value: '' },
		...Object.entries(ARMOR_SERVICES).map(([value, { name }]) => ({
			name: `${name} (V2 Service)`,
			value,
		})),
	],
	default: '',
	description:
		"Which Armor host the path is relative to: the credential's Base URL, or a v2 service host (see the credential's Service Hosts)",
};

export const apiRequest = apiRequestResource({
	api: armorApi,
	service: 'Armor',
	example: {
		path: '/accounts',
		description:
			"Path relative to the credential's base URL (or the chosen service), e.g. /tickets/list",
	},
	options: [accountContextOption, serviceOption],
	adapt(request, itemIndex) {
		const service = String(this.getNodeParameter('options.service', itemIndex, '') ?? '');
		return {
			...request,
			accountContext: readAccountContext.call(this, itemIndex),
			...(service ? { service } : {}),
		};
	},
});
