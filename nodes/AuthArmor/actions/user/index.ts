import { defineResource } from '../../../shared/operation';
import { disableCredential } from './disableCredential.operation';
import { get } from './get.operation';
import { getAuthHistory } from './getAuthHistory.operation';
import { getCredential } from './getCredential.operation';
import { getCredentials } from './getCredentials.operation';
import { getMany } from './getMany.operation';
import { updateUsername } from './updateUsername.operation';

export const user = defineResource({
	value: 'user',
	name: 'User',
	operations: {
		get,
		getMany,
		updateUsername,
		getAuthHistory,
		getCredentials,
		getCredential,
		disableCredential,
	},
	default: 'get',
});
