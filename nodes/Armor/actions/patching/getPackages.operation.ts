import type { IDataObject } from 'n8n-workflow';

import { idField, readPathId } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { armorRequest } from '../../armorRequest';
import { armorOptions } from '../../descriptions';

export const getPackages: OperationDefinition = {
	name: 'Get Packages',
	description: "List a machine's installed packages and the updates available for them",
	action: "Get a machine's packages",
	// One machine's packages (a handful), on one account: no Limit, no For Each Account.
	properties: [
		idField(
			'Core Instance ID',
			'coreInstanceId',
			'c0000000-0000-4000-8000-000010010001',
			'The machine\'s Armor agent ID ("coreInstanceId" in the anti-malware or file integrity lists)',
		),
		armorOptions([
			{
				displayName: 'Updates Available Only',
				name: 'updatesAvailableOnly',
				type: 'boolean',
				default: false,
				description: 'Whether to return only the packages that have an update available',
			},
		]),
	],
	async execute(itemIndex) {
		const id = readPathId.call(this, 'coreInstanceId', 'Core Instance ID', itemIndex);
		const answer = await armorRequest.call(this, itemIndex, {
			method: 'GET',
			path: `/core/packages/${id}`,
		});
		const packages = Array.isArray(answer) ? (answer as IDataObject[]) : [];
		return this.getNodeParameter('options.updatesAvailableOnly', itemIndex, false)
			? packages.filter((entry) => entry.updateAvailable === true)
			: packages;
	},
};
