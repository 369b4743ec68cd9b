import type { IDataObject } from 'n8n-workflow';

import { idField, readPathId, readSimplify, simplifyField } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { armorRequest } from '../../armorRequest';
import { armorOptions } from '../../descriptions';

export const userIdField = idField(
	'User ID',
	'userId',
	'1001601',
	'ID of the user (Get Many lists the users of the account)',
);

/** Who the user is and how they sign in, out of the 18 fields Armor sends (n8n's "Simplify"). */
export function simplifyUser(user: IDataObject): IDataObject {
	return {
		id: user.id,
		email: user.email,
		firstName: user.firstName,
		lastName: user.lastName,
		title: user.title,
		status: user.status,
		isMfaEnabled: user.isMfaEnabled,
		lastLogin: user.lastLogin,
		timezone: user.timezone,
		apiKeyCount: user.apiKeyCount,
	};
}

export const get: OperationDefinition = {
	name: 'Get',
	description: 'Get one user of the account by its ID',
	action: 'Get a user',
	properties: [userIdField, simplifyField, armorOptions()],
	async execute(itemIndex) {
		const id = readPathId.call(this, 'userId', 'User ID', itemIndex);
		const user = (await armorRequest.call(this, itemIndex, {
			method: 'GET',
			path: `/users/${id}`,
		})) as IDataObject;
		return readSimplify.call(this, itemIndex) ? simplifyUser(user) : user;
	},
};
