import { readSimplify, returnAllOrLimit, simplifyField } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { wholeArray } from '../../../shared/pagination';
import { armorList } from '../../armorRequest';
import { armorListOptions } from '../../descriptions';
import { simplifyVm } from './vmFields';

export const getMany: OperationDefinition = {
	name: 'Get Many',
	description: 'List the virtual machines of the account',
	action: 'Get many virtual machines',
	properties: [...returnAllOrLimit, simplifyField, armorListOptions()],
	async execute(itemIndex) {
		const vms = await armorList.call(this, itemIndex, { method: 'GET', path: '/vms' }, wholeArray);
		return readSimplify.call(this, itemIndex) ? vms.map(simplifyVm) : vms;
	},
};
