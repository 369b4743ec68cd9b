import type { IDataObject } from 'n8n-workflow';

import { idField, optionsCollection, readPathId } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { approvalResult } from '../../approval';
import { authArmorRequest } from '../../authArmorRequest';

export const getStatus: OperationDefinition = {
	name: 'Get Status',
	description: 'Get the status of an auth request (pending, approved, declined, timed out)',
	action: 'Get the status of an auth request',
	properties: [
		idField(
			'Auth Request ID',
			'authRequestId',
			'0d9a8a3e-2b6f-4a5b-9d2e-6c1f0e7b8a90',
			'The ID a Start operation returned as auth_request_id',
		),
		optionsCollection(),
	],
	async execute(itemIndex) {
		const id = readPathId.call(this, 'authRequestId', 'Auth Request ID', itemIndex);
		const status = (await authArmorRequest.call(this, itemIndex, {
			method: 'GET',
			path: `/{apiVersion}/auth/${id}`,
		})) as IDataObject;
		const response = status?.auth_response as IDataObject | undefined;
		// The vendor's codes, and what they mean in words.
		return { ...status, result: response ? approvalResult(response.result_code) : 'pending' };
	},
};
