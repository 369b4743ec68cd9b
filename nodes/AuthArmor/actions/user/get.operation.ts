import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/descriptions';
import { readRequestSettings } from '../../../shared/requestSettings';
import { apiRequest } from '../../../shared/transport';
import { authArmorApi } from '../../authArmorApi';
import { readUserTarget, userIdentifierFields, usernamePlacementOption } from '../../userTarget';

const show = { resource: ['user'], operation: ['get'] };

export const getFields: INodeProperties[] = [
	...userIdentifierFields(show),
	optionsCollection(show, [usernamePlacementOption]),
];

export async function get(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const target = readUserTarget.call(this, itemIndex);
	return (await apiRequest.call(
		this,
		authArmorApi,
		{
			method: 'GET',
			path: `/{apiVersion}/users/${target.segment}`,
			headers: target.headers,
			qs: target.qs,
		},
		readRequestSettings.call(this, itemIndex),
	)) as IDataObject;
}
