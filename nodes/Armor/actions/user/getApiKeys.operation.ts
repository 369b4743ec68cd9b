import type { IDataObject } from 'n8n-workflow';

import { readPathId } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { armorRequest } from '../../armorRequest';
import { armorOptions } from '../../descriptions';
import { userIdField } from './get.operation';

/** Armor refuses the key endpoints to API keys; said in every key operation's description. */
export const NEEDS_LOGIN =
	'Needs the Username and Password authentication: Armor refuses it to API keys.';

export const getApiKeys: OperationDefinition = {
	name: 'Get API Keys',
	description: `List a user's API keys (never their secrets). ${NEEDS_LOGIN}`,
	action: "Get a user's API keys",
	// A user has at most 10 keys, and a user ID belongs to one account: no Limit, no For Each Account.
	properties: [userIdField, armorOptions()],
	async execute(itemIndex) {
		const id = readPathId.call(this, 'userId', 'User ID', itemIndex);
		const keys = await armorRequest.call(this, itemIndex, {
			method: 'GET',
			path: `/users/${id}/keys`,
		});
		return Array.isArray(keys) ? (keys as IDataObject[]) : [];
	},
};
