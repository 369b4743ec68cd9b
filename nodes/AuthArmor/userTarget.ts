import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { pathSegment } from '../shared/paths';
import { isHeaderSafe, RequestRefusedError } from '../shared/requestRules';

/**
 * Naming a user by username without putting the username in the URL: the path carries the all-zero GUID
 * and the username travels in a header (URLs end up in logs and proxies, headers are encrypted by TLS).
 * The v4 reference also documents `?username=` instead; users can choose it.
 */
export const EMPTY_USER_ID = '00000000-0000-0000-0000-000000000000';
export const USERNAME_HEADER = 'X-AuthArmor-UsernameValue';

export type UsernamePlacement = 'header' | 'query';

export interface UserTarget {
	/** The `{user_id}` path segment. */
	segment: string;
	headers: IDataObject;
	qs: IDataObject;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const usernamePlacementOption: INodeProperties = {
	displayName: 'Send Username In',
	name: 'usernameIn',
	type: 'options',
	options: [
		{
			name: 'Header (Hidden From URL)',
			value: 'header',
			description: 'Zero GUID in the path, the username in the X-AuthArmor-UsernameValue header',
		},
		{
			name: 'Query String',
			value: 'query',
			description: 'Zero GUID in the path and ?username= in the URL, as the v4 reference documents',
		},
	],
	default: 'header',
	description: 'Where the username goes when a user is named by username',
};

/**
 * The user an operation acts on: picked From List (searchable by username; sends the user's ID), By Username
 * (kept out of the URL, see `usernamePlacementOption`) or By ID.
 */
export const userLocatorField: INodeProperties = {
	displayName: 'User',
	name: 'user',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchUsers', searchable: true },
		},
		{
			displayName: 'By Username',
			name: 'username',
			type: 'string',
			placeholder: 'e.g. name@example.com',
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 3f2b6c1e-8d4a-4c2e-9b1f-0a7e5d3c2b1a',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: UUID.source,
						errorMessage: 'A user ID is a UUID, e.g. 3f2b6c1e-8d4a-4c2e-9b1f-0a7e5d3c2b1a',
					},
				},
			],
		},
	],
};

/** The path segment, header and query that name a user, by username or by ID. */
export function userTarget(by: string, value: string, placement: UsernamePlacement): UserTarget {
	if (by === 'username') {
		if (placement === 'query')
			return { segment: EMPTY_USER_ID, headers: {}, qs: { username: value } };
		// The HTTP layer would silently drop other characters and name someone else: refuse instead.
		if (!isHeaderSafe(value)) {
			throw new RequestRefusedError(
				`The username "${value}" contains characters that cannot be sent unchanged in the ${USERNAME_HEADER} header (only printable ASCII can).`,
				'Under Options, set "Send Username In" to "Query String" to send it in the URL instead, or identify the user by ID.',
			);
		}
		return { segment: EMPTY_USER_ID, headers: { [USERNAME_HEADER]: value }, qs: {} };
	}
	return { segment: pathSegment(value), headers: {}, qs: {} };
}

/** Reads the User field for one item, with clear errors for empty or malformed input. */
export function readUserTarget(
	this: IExecuteFunctions,
	itemIndex: number,
	field = 'user',
): UserTarget {
	const locator = this.getNodeParameter(field, itemIndex, {}) as { mode?: string; value?: unknown };
	const mode = locator.mode ?? 'username';
	const value = String(locator.value ?? '').trim();
	const placement = this.getNodeParameter(
		'options.usernameIn',
		itemIndex,
		'header',
	) as UsernamePlacement;
	if (!value) {
		throw new NodeOperationError(this.getNode(), 'Choose the user: the User field is empty.', {
			itemIndex,
			description: 'Pick the user from the list, or enter a username or a user ID.',
		});
	}
	if (mode === 'username') return userTarget('username', value, placement);
	if (!UUID.test(value)) {
		throw new NodeOperationError(
			this.getNode(),
			`The User ID "${value}" is not a user ID (a UUID).`,
			{
				itemIndex,
				description:
					'Auth Armor user IDs look like 3f2b6c1e-8d4a-4c2e-9b1f-0a7e5d3c2b1a. To name a user by username, choose "By Username".',
			},
		);
	}
	return userTarget('id', value, placement);
}

/** The User field as a request body names a user: `{ username }` or `{ user_id }` (a picked user is its ID). */
export function readUserReference(
	this: IExecuteFunctions,
	itemIndex: number,
	field = 'user',
): IDataObject {
	const target = readUserTarget.call(this, itemIndex, field);
	if (target.segment !== EMPTY_USER_ID) return { user_id: decodeURIComponent(target.segment) };
	const locator = this.getNodeParameter(field, itemIndex, {}) as { value?: unknown };
	return { username: String(locator.value ?? '').trim() };
}
