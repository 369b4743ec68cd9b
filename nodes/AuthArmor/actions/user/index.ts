import { defineResource } from '../../../shared/operation';
import { get } from './get.operation';
import { getMany } from './getMany.operation';
import { updateUsername } from './updateUsername.operation';

export const user = defineResource({
	value: 'user',
	name: 'User',
	operations: { get, getMany, updateUsername },
	default: 'get',
});
