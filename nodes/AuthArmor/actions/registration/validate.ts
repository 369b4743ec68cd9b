import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection, readPathId } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { authArmorRequest } from '../../authArmorRequest';
import { readRequiredText } from '../../fields';
import { registrationIdField, validationTokenField } from './fields';

/**
 * Validate Authenticator / Magic Link / WebAuthn Registration: the same request on each method's path
 * (`POST .../registrations/{method}/{id}/validate` with the registration validation token), so one
 * definition serves them; a method may add fields of its own and what they put in the body.
 */
export function validateRegistrationOperation(
	method: 'authenticator' | 'magiclink_email' | 'webauthn',
	definition: {
		name: string;
		description: string;
		action: string;
		/** Where the token comes from: the hint of the error for a missing one. */
		tokenSource: string;
		properties?: INodeProperties[];
		body?: (this: IExecuteFunctions, itemIndex: number) => IDataObject;
	},
): OperationDefinition {
	return {
		name: definition.name,
		description: definition.description,
		action: definition.action,
		properties: [
			registrationIdField,
			validationTokenField,
			...(definition.properties ?? []),
			optionsCollection(),
		],
		async execute(itemIndex) {
			const id = readPathId.call(this, 'registrationId', 'Registration ID', itemIndex);
			const token = readRequiredText.call(
				this,
				itemIndex,
				'registrationValidationToken',
				'Registration Validation Token',
				definition.tokenSource,
			);
			return (await authArmorRequest.call(this, itemIndex, {
				method: 'POST',
				path: `/{apiVersion}/users/registrations/${method}/${id}/validate`,
				body: {
					registration_validation_token: token,
					...definition.body?.call(this, itemIndex),
				},
			})) as IDataObject;
		},
	};
}
