import type { IDataObject } from 'n8n-workflow';

import { readSimplify, returnAllOrLimit, simplifyField } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { wholeArray } from '../../../shared/pagination';
import { armorList } from '../../armorRequest';
import { armorListOptions } from '../../descriptions';

/** The machine and what monitoring found, out of the 13 fields Armor sends (n8n's "Simplify"). */
function simplifyFileIntegrity(entry: IDataObject): IDataObject {
	return {
		vmName: entry.vmName,
		coreInstanceId: entry.coreInstanceId,
		os: entry.os,
		isActive: entry.isActive,
		fimStatus: entry.fimStatus,
		overallIntegrityMonitoringStatus: entry.overallIntegrityMonitoringStatus,
		ruleCount: entry.ruleCount,
		changesDetected: entry.changesDetected,
		lastScannedDate: entry.lastScannedDate,
	};
}

export const getMany: OperationDefinition = {
	name: 'Get Many',
	description: "List the file integrity monitoring status of each of the account's machines",
	action: 'Get many file integrity statuses',
	properties: [...returnAllOrLimit, simplifyField, armorListOptions()],
	async execute(itemIndex) {
		const entries = await armorList.call(
			this,
			itemIndex,
			{ method: 'GET', path: '/core/fim' },
			wholeArray,
		);
		return readSimplify.call(this, itemIndex) ? entries.map(simplifyFileIntegrity) : entries;
	},
};
