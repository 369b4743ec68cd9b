import { returnAllOrLimit } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { wholeArray } from '../../../shared/pagination';
import { armorList } from '../../armorRequest';
import { armorListOptions } from '../../descriptions';

export const getMany: OperationDefinition = {
	name: 'Get Many',
	description: "List the account's firewalls (one per org VDC; its ovdcId names its rules)",
	action: 'Get many firewalls',
	properties: [...returnAllOrLimit, armorListOptions()],
	async execute(itemIndex) {
		return await armorList.call(this, itemIndex, { method: 'GET', path: '/firewalls' }, wholeArray);
	},
};
