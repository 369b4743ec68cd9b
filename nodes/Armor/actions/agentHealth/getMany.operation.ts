import { returnAllOrLimit } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { wholeArray } from '../../../shared/pagination';
import { armorList } from '../../armorRequest';
import { armorListOptions } from '../../descriptions';

export const getMany: OperationDefinition = {
	name: 'Get Many',
	description:
		"List the health of the Armor agents on the account's machines (agent management, v2)",
	action: 'Get many agent health records',
	properties: [
		...returnAllOrLimit,
		armorListOptions([
			{
				displayName: 'Registration',
				name: 'registered',
				type: 'options',
				options: [
					{ name: 'All Agents', value: '' },
					{ name: 'Registered Only', value: 'true' },
					{ name: 'Unregistered Only', value: 'false' },
				],
				default: '',
			},
		]),
	],
	async execute(itemIndex) {
		const registered = String(this.getNodeParameter('options.registered', itemIndex, '') ?? '');
		return await armorList.call(
			this,
			itemIndex,
			{
				method: 'GET',
				path: '/healthmonitoringstatus',
				service: 'agentManagement',
				...(registered ? { qs: { registered } } : {}),
			},
			wholeArray,
		);
	},
};
