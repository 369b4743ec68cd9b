import { authArmorTokenOwner } from '../../credentials/authArmorToken';
import type { ApiDefinition } from '../shared/transport';

/** Auth Armor API: OAuth client-credentials token; operation paths start with `/{apiVersion}`. */
export const authArmorApi: ApiDefinition = {
	credentialType: 'authArmorApi',
	service: 'Auth Armor',
	tokenOwner: authArmorTokenOwner,
	resolvePath(path, credentials) {
		const version = credentials.apiVersion === 'v3' ? 'v3' : 'v4';
		return path.replace(/\{apiVersion\}/g, version);
	},
};

/** The largest page the API serves (undocumented by the vendor; the sandbox enforces the same). */
export const MAX_PAGE_SIZE = 100;
