import { returnAllOrLimit } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { pageNumberStyle } from '../../../shared/pagination';
import { armorList } from '../../armorRequest';
import { armorListOptions } from '../../descriptions';

/** The archive pages with `pageNumber` (1-based) and `pageSize` (up to 100), telling its `totalPages`. */
const archivePages = pageNumberStyle({
	pageParam: 'pageNumber',
	sizeParam: 'pageSize',
	itemsKey: 'items',
	totalPages: (answer) => answer?.totalPages,
});

export const getArchiveEntries: OperationDefinition = {
	name: 'Get Archive Entries',
	description: 'List closed tickets from the ticket archive',
	action: 'Get ticket archive entries',
	properties: [...returnAllOrLimit, armorListOptions()],
	async execute(itemIndex) {
		return await armorList.call(
			this,
			itemIndex,
			{ method: 'GET', path: '/tickets/entries' },
			archivePages,
		);
	},
};
