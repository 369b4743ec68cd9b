import { defineResource } from '../../../shared/operation';
import { createApiKey } from './createApiKey.operation';
import { deleteApiKey } from './deleteApiKey.operation';
import { get } from './get.operation';
import { getApiKeys } from './getApiKeys.operation';
import { getMany } from './getMany.operation';
import { getPermissions } from './getPermissions.operation';
import { getRoles } from './getRoles.operation';

export const user = defineResource({
	value: 'user',
	name: 'User',
	operations: { get, getMany, getRoles, getPermissions, getApiKeys, createApiKey, deleteApiKey },
	default: 'getMany',
});
