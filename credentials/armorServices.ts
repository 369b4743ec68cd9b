import type { ICredentialDataDecryptedObject, INodeProperties } from 'n8n-workflow';

import { ArmorCredentialError } from './httpFailure';
import { credentialBaseUrl } from './baseUrl';

/**
 * Armor's v2 services live on hosts of their own, and an Armor credential may send its token or signature to
 * them as well as to its base URL, and to nothing else. The hosts are fixed here; one credential setting
 * ("Service Hosts") points all of them elsewhere, for tests, the sandbox or a proxy.
 */
export const ARMOR_SERVICES = {
	mdr: { label: 'mdr', name: 'MDR' },
	infrastructure: { label: 'infrastructure', name: 'Infrastructure' },
	agentManagement: { label: 'agent-management', name: 'Agent Management' },
} as const;

export type ArmorService = keyof typeof ARMOR_SERVICES;

export const ARMOR_SERVICE_HOSTS_DEFAULT = 'https://{service}.api.secure-prod.services';

/** The credential field both Armor credentials offer. */
export const serviceHostsProperty: INodeProperties = {
	displayName: 'Service Hosts',
	name: 'serviceHosts',
	type: 'string',
	default: '',
	placeholder: `e.g. ${ARMOR_SERVICE_HOSTS_DEFAULT}`,
	description:
		"Where Armor's v2 services (MDR, infrastructure, agent management) are. Leave empty for Armor's own hosts. Otherwise an address containing {service}, which becomes mdr, infrastructure or agent-management.",
};

function template(credentials: ICredentialDataDecryptedObject): string {
	const value = String(credentials.serviceHosts ?? '').trim();
	if (!value) return ARMOR_SERVICE_HOSTS_DEFAULT;
	if (!value.includes('{service}')) {
		throw new ArmorCredentialError(
			`The credential's Service Hosts "${value}" must contain {service} (e.g. ${ARMOR_SERVICE_HOSTS_DEFAULT}), or be left empty.`,
		);
	}
	return value;
}

/** A v2 service's base URL, checked like the credential's Base URL (https, or http for localhost). */
export function serviceBaseUrl(
	credentials: ICredentialDataDecryptedObject,
	service: ArmorService,
): string {
	return credentialBaseUrl(
		template(credentials).replace(/\{service\}/g, ARMOR_SERVICES[service].label),
		'Service Hosts',
	);
}

/** Every address an Armor credential may authenticate: its base URL, then each v2 service. */
export function armorAllowedBaseUrls(credentials: ICredentialDataDecryptedObject): string[] {
	return [
		credentialBaseUrl(credentials.baseUrl),
		...(Object.keys(ARMOR_SERVICES) as ArmorService[]).map((service) =>
			serviceBaseUrl(credentials, service),
		),
	];
}
