import { defineResource } from '../../../shared/operation';
import { getOverallScore } from './getOverallScore.operation';
import { getOverview } from './getOverview.operation';

export const securityDashboard = defineResource({
	value: 'securityDashboard',
	name: 'Security Dashboard',
	operations: { getOverview, getOverallScore },
	default: 'getOverview',
});
