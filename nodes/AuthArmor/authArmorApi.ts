import { authArmorApiVersion, authArmorFingerprint } from '../../credentials/authArmorToken';
import type { ApiDefinition } from '../shared/transport';
import { forApiVersion } from './apiVersions';

/** Auth Armor API: OAuth client-credentials token; operation paths start with `/{apiVersion}`. */
export const authArmorApi: ApiDefinition = {
	credentialType: 'authArmorApi',
	service: 'Auth Armor',
	settingsFingerprint: authArmorFingerprint,
	adaptRequest(request, credentials) {
		return forApiVersion(request, authArmorApiVersion(credentials));
	},
};

/** The largest page the API serves (undocumented by the vendor; the sandbox enforces the same). */
export const MAX_PAGE_SIZE = 100;
