import type { IDataObject } from 'n8n-workflow';

import { idField } from '../../../shared/descriptions';

/** Shared by the Workload and Tier operations: the workload ID field and the simplified workload. */
export const workloadIdField = idField(
	'Workload ID',
	'workloadId',
	'1001201',
	'ID of the workload, as Workload > Get Many lists it in "id"',
);

/** The fields most workflows use, out of the 15 Armor sends (tiers with every VM in full, n8n's "Simplify"). */
export function simplifyWorkload(workload: IDataObject): IDataObject {
	const tiers = Array.isArray(workload.tiers) ? (workload.tiers as IDataObject[]) : [];
	return {
		id: workload.id,
		name: workload.name,
		location: workload.location,
		zone: workload.zone,
		status: workload.status,
		health: workload.health,
		tierCount: workload.tierCount,
		vmCount: workload.vmCount,
		tiers: tiers.map((tier) => ({
			id: tier.id,
			name: tier.name,
			vmCount: Array.isArray(tier.vms) ? tier.vms.length : 0,
		})),
		tags: workload.tags,
		// For Each Account tags each workload with its account: kept.
		...(workload.forAccount !== undefined ? { forAccount: workload.forAccount } : {}),
	};
}
