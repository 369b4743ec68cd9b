import { apiRequestResource } from '../../../shared/apiRequest';
import { accountContextOption, armorApi, readAccountContext } from '../../armorApi';

export const apiRequest = apiRequestResource({
	api: armorApi,
	example: {
		path: '/accounts',
		description: "Path relative to the credential's base URL, e.g. /tickets/list",
	},
	options: [accountContextOption],
	adapt(request, itemIndex) {
		return { ...request, accountContext: readAccountContext.call(this, itemIndex) };
	},
});
