import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { apiRequestResource } from '../../../shared/apiRequest';
import type { ApiRequest } from '../../../shared/transport';
import { authArmorApi } from '../../authArmorApi';
import { userTarget, usernamePlacementOption, type UsernamePlacement } from '../../userTarget';

/** `{user}` in the path: the zero GUID, with the username in the header (or the query, if chosen). */
function fillUserPlaceholder(
	this: IExecuteFunctions,
	request: ApiRequest,
	itemIndex: number,
): ApiRequest {
	if (!request.path.includes('{user}')) return request;
	const username = String(this.getNodeParameter('username', itemIndex, '') ?? '').trim();
	if (!username) {
		throw new NodeOperationError(
			this.getNode(),
			'The path contains {user}: enter the Username it stands for.',
			{
				itemIndex,
			},
		);
	}
	const placement = this.getNodeParameter(
		'options.usernameIn',
		itemIndex,
		'header',
	) as UsernamePlacement;
	const target = userTarget('username', username, placement);
	return {
		...request,
		path: request.path.split('{user}').join(target.segment),
		headers: { ...request.headers, ...target.headers },
		qs: { ...request.qs, ...target.qs },
	};
}

export const apiRequest = apiRequestResource({
	api: authArmorApi,
	service: 'Auth Armor',
	example: {
		path: '/v4/users/{user}/auth_history',
		description:
			"Path relative to the credential's base URL. {apiVersion} becomes the credential's API version; {user} names the user given in Username: the zero GUID in the path, the username in a header (or the query string, under Options).",
	},
	options: [usernamePlacementOption],
	properties: [
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			placeholder: 'e.g. name@example.com',
			description: 'The user that {user} in the path stands for',
		},
	],
	adapt: fillUserPlaceholder,
});
