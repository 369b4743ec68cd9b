import { returnAllOrLimit } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { wholeArray } from '../../../shared/pagination';
import { armorList } from '../../armorRequest';
import { armorListOptions } from '../../descriptions';

export const getLogSources: OperationDefinition = {
	name: 'Get Log Sources',
	description: 'List the sources sending logs to Armor, with their status and volume',
	action: 'Get many log sources',
	properties: [...returnAllOrLimit, armorListOptions()],
	async execute(itemIndex) {
		return await armorList.call(
			this,
			itemIndex,
			{ method: 'GET', path: '/log-management/logsources' },
			wholeArray,
		);
	},
};
