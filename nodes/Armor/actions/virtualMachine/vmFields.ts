import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { idField, readPathId } from '../../../shared/descriptions';
import { checkWholeNumber } from '../../../shared/requestRules';

/** Shared by the Virtual Machine operations: the VM ID field, numeric IDs for bodies, the simplified VM. */
export const vmIdField = idField(
	'VM ID',
	'vmId',
	'1001101',
	'ID of the virtual machine, as Get Many lists it in "id"',
);

/**
 * A numeric ID field's value: as a path segment, and as the number Armor wants repeated in a body (it
 * checks that the body's ID matches the URL's).
 */
export function readNumericId(
	this: IExecuteFunctions,
	name: string,
	displayName: string,
	itemIndex: number,
): { segment: string; id: number } {
	const segment = readPathId.call(this, name, displayName, itemIndex);
	return { segment, id: checkWholeNumber(decodeURIComponent(segment), displayName, { min: 1 }) };
}

/** vCloud Director's codes in a VM's `status`, in words (the others are transitional). */
const POWER_STATES: Record<number, string> = { 3: 'suspended', 4: 'on', 8: 'off' };

/** The fields most workflows use, out of the 40-odd Armor sends for a VM (n8n's "Simplify"). */
export function simplifyVm(vm: IDataObject): IDataObject {
	return {
		id: vm.id,
		name: vm.name,
		coreInstanceId: vm.coreInstanceId,
		status: vm.status,
		powerState: POWER_STATES[Number(vm.status)] ?? 'other',
		ipAddress: vm.ipAddress,
		os: vm.os,
		location: vm.location,
		appId: vm.appId,
		appName: vm.appName,
		// For Each Account tags each VM with its account: kept.
		...(vm.forAccount !== undefined ? { forAccount: vm.forAccount } : {}),
	};
}
