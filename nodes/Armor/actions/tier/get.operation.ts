import type { IDataObject } from 'n8n-workflow';

import { readPathId } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { armorRequest } from '../../armorRequest';
import { armorOptions } from '../../descriptions';
import { workloadIdField } from '../workload/workloadFields';
import { tierIdField } from './tierFields';

export const get: OperationDefinition = {
	name: 'Get',
	description: 'Get one tier of a workload, with its virtual machines',
	action: 'Get a tier',
	properties: [workloadIdField, tierIdField, armorOptions()],
	async execute(itemIndex) {
		const workloadId = readPathId.call(this, 'workloadId', 'Workload ID', itemIndex);
		const tierId = readPathId.call(this, 'tierId', 'Tier ID', itemIndex);
		return (await armorRequest.call(this, itemIndex, {
			method: 'GET',
			path: `/apps/${workloadId}/tiers/${tierId}`,
		})) as IDataObject;
	},
};
