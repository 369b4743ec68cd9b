import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readAccountId } from '../../../../credentials/armorSession';
import { readCredentials } from '../../../shared/credentialReads';
import type { OperationDefinition } from '../../../shared/operation';
import { armorApi } from '../../armorApi';
import { armorRequest, normalizeMe } from '../../armorRequest';
import { armorOptions, readAccountContext } from '../../descriptions';
import { readNumericId, vmIdField } from './vmFields';

/**
 * The account the request acts on, as Armor decides it: the node's Account Context (X-Account-Context),
 * else the credential's Account ID (sent as the same header), else the user's first account. Armor refuses
 * a body whose accountId is any other.
 */
async function accountActedOn(
	this: IExecuteFunctions,
	itemIndex: number,
	accounts: IDataObject[],
): Promise<number> {
	const chosen =
		readAccountContext.call(this, itemIndex) ||
		readAccountId(await readCredentials(this, armorApi(this).credentialType, itemIndex));
	if (chosen) return Number(chosen);
	const first = Number(accounts[0]?.id);
	if (!Number.isSafeInteger(first) || first < 1) {
		throw new NodeOperationError(this.getNode(), 'Set the Account Context option.', {
			itemIndex,
			description:
				'Get Me lists no account for this user, so the account to delete the VM from is unknown.',
		});
	}
	return first;
}

export const deleteVm: OperationDefinition = {
	name: 'Delete',
	description:
		'Permanently deletes a virtual machine and its disks; this cannot be undone. A running machine is only deleted with "Delete Even If Running".',
	action: 'Delete a virtual machine',
	properties: [
		vmIdField,
		armorOptions([
			{
				displayName: 'Delete Even If Running',
				name: 'isActive',
				type: 'boolean',
				default: false,
				description:
					'Whether to delete the machine even while it is powered on (Armor refuses to otherwise)',
			},
			{
				displayName: 'Delete Now',
				name: 'deleteNow',
				type: 'boolean',
				default: false,
				description:
					'Whether to delete the machine at once instead of at the end of the billing cycle',
			},
		]),
	],
	async execute(itemIndex) {
		const { segment, id } = readNumericId.call(this, 'vmId', 'VM ID', itemIndex);
		const isActive = this.getNodeParameter('options.isActive', itemIndex, false) as boolean;
		const deleteNow = this.getNodeParameter('options.deleteNow', itemIndex, false) as boolean;
		// Armor wants the signed-in user's email and the account in the body, as a confirmation.
		const me = normalizeMe(
			((await armorRequest.call(this, itemIndex, { method: 'GET', path: '/me' })) ??
				{}) as IDataObject,
		);
		const user = me.user as IDataObject;
		const userEmail = String(user.email ?? user.username ?? '').trim();
		if (!userEmail) {
			throw new NodeOperationError(this.getNode(), "Armor's Get Me named no email for this user.", {
				itemIndex,
				description: 'Armor needs the email of the signed-in user to delete a VM.',
			});
		}
		const accountId = await accountActedOn.call(this, itemIndex, me.accounts as IDataObject[]);
		const answer = await armorRequest.call(this, itemIndex, {
			method: 'DELETE',
			path: `/vms/${segment}`,
			body: { accountId, vmId: id, userEmail, isActive, deleteNow },
		});
		return {
			deleted: true,
			id,
			deleteNow,
			...(answer && typeof answer === 'object' && !Array.isArray(answer) ? { vm: answer } : {}),
		};
	},
};
