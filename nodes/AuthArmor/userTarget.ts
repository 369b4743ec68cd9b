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

/** "Identify User By" and its Username or User ID field. */
export function userIdentifierFields(): INodeProperties[] {
	return [
		{
			displayName: 'Identify User By',
			name: 'by',
			type: 'options',
			options: [
				{ name: 'Username', value: 'username' },
				{ name: 'User ID', value: 'id' },
			],
			default: 'username',
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. name@example.com',
			displayOptions: { show: { by: ['username'] } },
		},
		{
			displayName: 'User ID',
			name: 'userId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 3f2b6c1e-8d4a-4c2e-9b1f-0a7e5d3c2b1a',
			displayOptions: { show: { by: ['id'] } },
		},
	];
}

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

/** Reads "Identify User By" and its value for one item, with clear errors for empty or malformed input. */
export function readUserTarget(this: IExecuteFunctions, itemIndex: number): UserTarget {
	const by = this.getNodeParameter('by', itemIndex) as string;
	const placement = this.getNodeParameter(
		'options.usernameIn',
		itemIndex,
		'header',
	) as UsernamePlacement;
	if (by === 'username') {
		const username = String(this.getNodeParameter('username', itemIndex, '') ?? '').trim();
		if (!username) {
			throw new NodeOperationError(this.getNode(), 'Enter the username of the user.', {
				itemIndex,
			});
		}
		return userTarget(by, username, placement);
	}
	const userId = String(this.getNodeParameter('userId', itemIndex, '') ?? '').trim();
	if (!UUID.test(userId)) {
		throw new NodeOperationError(
			this.getNode(),
			`The User ID "${userId}" is not a user ID (a UUID).`,
			{
				itemIndex,
				description:
					'Auth Armor user IDs look like 3f2b6c1e-8d4a-4c2e-9b1f-0a7e5d3c2b1a. To name a user by username, set "Identify User By" to Username.',
			},
		);
	}
	return userTarget(by, userId, placement);
}
