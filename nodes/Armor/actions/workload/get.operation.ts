import type { IDataObject } from 'n8n-workflow';

import { readPathId, readSimplify, simplifyField } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { armorRequest } from '../../armorRequest';
import { armorOptions } from '../../descriptions';
import { simplifyWorkload, workloadIdField } from './workloadFields';

export const get: OperationDefinition = {
	name: 'Get',
	description: 'Get one workload (a group of tiers of virtual machines) by its ID',
	action: 'Get a workload',
	properties: [workloadIdField, simplifyField, armorOptions()],
	async execute(itemIndex) {
		const id = readPathId.call(this, 'workloadId', 'Workload ID', itemIndex);
		const workload = (await armorRequest.call(this, itemIndex, {
			method: 'GET',
			path: `/apps/${id}`,
		})) as IDataObject;
		return readSimplify.call(this, itemIndex) ? simplifyWorkload(workload) : workload;
	},
};
