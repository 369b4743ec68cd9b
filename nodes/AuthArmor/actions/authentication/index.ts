import { defineResource } from '../../../shared/operation';
import { getStatus } from './getStatus.operation';
import { requestApprovalAndWait } from './requestApprovalAndWait.operation';

export const authentication = defineResource({
	value: 'authentication',
	name: 'Authentication',
	operations: { requestApprovalAndWait, getStatus },
	default: 'requestApprovalAndWait',
});
