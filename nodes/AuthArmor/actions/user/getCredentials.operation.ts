import { NodeOperationError } from 'n8n-workflow';

import { optionsCollection, returnAllOrLimit } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { authArmorList } from '../../authArmorRequest';
import { readUserTarget, userLocatorField, usernamePlacementOption } from '../../userTarget';
import { readSortQuery, sortOptions } from './listOptions';

/** Each method's credential list is the all-methods path plus its name. */
const METHODS = ['authenticator', 'magiclink_email', 'webauthn'];
const ALL = 'all';

export const getCredentials: OperationDefinition = {
	name: 'Get Credentials',
	description:
		"List a user's credentials (authenticator phones, magic link emails, security keys and passkeys), enabled or not",
	action: 'Get the credentials of a user',
	properties: [
		userLocatorField,
		{
			displayName: 'Method',
			name: 'method',
			type: 'options',
			options: [
				{ name: 'All Methods', value: ALL },
				{ name: 'Authenticator', value: 'authenticator', description: 'Auth Armor app on a phone' },
				{ name: 'Magic Link Email', value: 'magiclink_email' },
				{ name: 'WebAuthn', value: 'webauthn', description: 'Security keys and passkeys' },
			],
			default: ALL,
			description: 'Which kind of credentials to list',
		},
		...returnAllOrLimit,
		optionsCollection([
			...sortOptions([
				{ name: 'Date Created', value: 'date_created' },
				{ name: 'Device Type', value: 'device_type' },
				{ name: 'Name', value: 'name' },
			]),
			usernamePlacementOption,
		]),
	],
	async execute(itemIndex) {
		const target = readUserTarget.call(this, itemIndex);
		const method = String(this.getNodeParameter('method', itemIndex, ALL) ?? '').trim() || ALL;
		// An expression could name anything: only the listed methods become a path.
		if (method !== ALL && !METHODS.includes(method)) {
			throw new NodeOperationError(this.getNode(), `"${method}" is not a credential method.`, {
				itemIndex,
				description: `Use one of ${METHODS.join(', ')}, or ${ALL} for every method.`,
			});
		}
		const segment = method === ALL ? '' : `/${method}`;
		return await authArmorList.call(
			this,
			itemIndex,
			{
				method: 'GET',
				path: `/{apiVersion}/users/${target.segment}/credentials${segment}`,
				headers: target.headers,
				qs: { ...target.qs, ...readSortQuery.call(this, itemIndex) },
			},
			'credential_records',
		);
	},
};
