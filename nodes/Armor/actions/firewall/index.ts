import { defineResource } from '../../../shared/operation';
import { disableRule } from './disableRule.operation';
import { enableRule } from './enableRule.operation';
import { getMany } from './getMany.operation';
import { getRules } from './getRules.operation';

export const firewall = defineResource({
	value: 'firewall',
	name: 'Firewall',
	operations: { getMany, getRules, enableRule, disableRule },
	default: 'getMany',
});
