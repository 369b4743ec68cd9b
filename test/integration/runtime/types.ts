/**
 * Our node and credential types as n8n's loader would hand them to an execution (see ./index.ts).
 */
import { NodeHelpers, UnexpectedError, injectDomainRestrictionFields } from 'n8n-workflow';
import type { ICredentialType, INodeType, INodeTypes, IVersionedNodeType } from 'n8n-workflow';

import { ArmorApi } from '../../../credentials/ArmorApi.credentials';
import { ArmorApiKeyApi } from '../../../credentials/ArmorApiKeyApi.credentials';
import { AuthArmorApi } from '../../../credentials/AuthArmorApi.credentials';
import { Armor } from '../../../nodes/Armor/Armor.node';
import { ArmorTrigger } from '../../../nodes/ArmorTrigger/ArmorTrigger.node';
import { AuthArmorTrigger } from '../../../nodes/AuthArmorTrigger/AuthArmorTrigger.node';
import { AuthArmor } from '../../../nodes/AuthArmor/AuthArmor.node';

/** Type names as a workflow stores them when the package is installed from the community-nodes screen. */
export const PACKAGE_NAME = 'n8n-nodes-armor';
export const ARMOR_NODE_TYPE = `${PACKAGE_NAME}.armor`;
export const AUTHARMOR_NODE_TYPE = `${PACKAGE_NAME}.authArmor`;
export const ARMOR_TRIGGER_NODE_TYPE = `${PACKAGE_NAME}.armorTrigger`;
export const AUTHARMOR_TRIGGER_NODE_TYPE = `${PACKAGE_NAME}.authArmorTrigger`;

export type OurNodeType =
	| typeof ARMOR_NODE_TYPE
	| typeof AUTHARMOR_NODE_TYPE
	| typeof ARMOR_TRIGGER_NODE_TYPE
	| typeof AUTHARMOR_TRIGGER_NODE_TYPE;
export type OurCredentialType = 'armorApi' | 'armorApiKeyApi' | 'authArmorApi';

/** The credential type each of our node types uses (the key of `node.credentials`). */
export const NODE_CREDENTIAL: Record<OurNodeType, OurCredentialType> = {
	[ARMOR_NODE_TYPE]: 'armorApi',
	[AUTHARMOR_NODE_TYPE]: 'authArmorApi',
	[ARMOR_TRIGGER_NODE_TYPE]: 'armorApi',
	[AUTHARMOR_TRIGGER_NODE_TYPE]: 'authArmorApi',
};

/** The `INodeTypes` n8n's `NodeTypes` service would give for our package (no synthetic AI tools). */
export function createNodeTypes(): INodeTypes {
	const types: Record<string, INodeType | IVersionedNodeType> = {
		[ARMOR_NODE_TYPE]: new Armor(),
		[AUTHARMOR_NODE_TYPE]: new AuthArmor(),
		[ARMOR_TRIGGER_NODE_TYPE]: new ArmorTrigger(),
		[AUTHARMOR_TRIGGER_NODE_TYPE]: new AuthArmorTrigger(),
	};
	return {
		getByName: (name) => {
			const type = types[name];
			if (!type) throw new UnexpectedError(`Unrecognized node type: ${name}`);
			return type;
		},
		getByNameAndVersion: (name, version) => {
			const type = types[name];
			if (!type) throw new UnexpectedError(`Unrecognized node type: ${name}`);
			return NodeHelpers.getVersionedNodeType(type, version);
		},
		getKnownTypes: () =>
			Object.fromEntries(
				Object.keys(types).map((name) => [name, { className: name, sourcePath: '' }]),
			),
	};
}

/**
 * Our credential types as n8n's loader hands them out: `LoadNodesAndCredentials.postProcessLoaders`
 * appends the domain-restriction fields (`allowedHttpRequestDomains`, `allowedDomains`) to every
 * credential type that has `authenticate`.
 */
export function createCredentialTypes(): Record<OurCredentialType, ICredentialType> {
	const types: Record<OurCredentialType, ICredentialType> = {
		armorApi: new ArmorApi(),
		armorApiKeyApi: new ArmorApiKeyApi(),
		authArmorApi: new AuthArmorApi(),
	};
	for (const type of Object.values(types)) type.properties = injectDomainRestrictionFields(type);
	return types;
}
