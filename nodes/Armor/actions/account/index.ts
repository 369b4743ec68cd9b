import { defineResource } from '../../../shared/operation';
import { get } from './get.operation';
import { getActivityHistory } from './getActivityHistory.operation';
import { getChildren } from './getChildren.operation';
import { getContacts } from './getContacts.operation';
import { getMany } from './getMany.operation';

export const account = defineResource({
	value: 'account',
	name: 'Account',
	operations: { get, getMany, getChildren, getContacts, getActivityHistory },
	default: 'getMany',
});
