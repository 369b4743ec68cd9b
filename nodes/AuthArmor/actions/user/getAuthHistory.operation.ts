import type { IDataObject } from 'n8n-workflow';

import {
	optionsCollection,
	readSimplify,
	returnAllOrLimit,
	simplifyField,
} from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { authArmorList } from '../../authArmorRequest';
import { readUserTarget, userLocatorField, usernamePlacementOption } from '../../userTarget';
import { simplifyAuthAnswer } from '../authentication/authFields';
import { readSortQuery, sortOptions } from './listOptions';

export const getAuthHistory: OperationDefinition = {
	name: 'Get Auth History',
	description:
		"List a user's auth requests: approved, declined, timed out or still pending, with who answered and when",
	action: 'Get the auth history of a user',
	properties: [
		userLocatorField,
		...returnAllOrLimit,
		simplifyField,
		optionsCollection([
			...sortOptions([
				{ name: 'Date Created', value: 'date_created' },
				{ name: 'Result Code', value: 'result_code' },
			]),
			usernamePlacementOption,
		]),
	],
	async execute(itemIndex) {
		const target = readUserTarget.call(this, itemIndex);
		const records = await authArmorList.call(
			this,
			itemIndex,
			{
				method: 'GET',
				path: `/{apiVersion}/users/${target.segment}/auth_history`,
				headers: target.headers,
				qs: { ...target.qs, ...readSortQuery.call(this, itemIndex) },
			},
			'auth_history_records',
		);
		if (!readSimplify.call(this, itemIndex)) return records;
		return records.map((record: IDataObject) =>
			simplifyAuthAnswer(
				record.auth_response as IDataObject | undefined,
				record.auth_request_status_name,
			),
		);
	},
};
