// @ts-check
'use strict';

/**
 * What the Auth Armor flows change while a sandbox runs: auth requests, registrations, users created by
 * registrations, changed email addresses, added and disabled credentials, auth history added by auth requests.
 * One store per sandbox state (a WeakMap, so the state's shape stays as it is and a closed sandbox's store goes
 * with it). Renames (PUT /users/{id}) stay in `state.authArmor` where users.js always kept them.
 */

/** @typedef {import('../state').SandboxState} SandboxState */
/** @typedef {import('../state').Approver} Approver */
/** @typedef {'v3' | 'v4'} ApiVersion */
/** @typedef {'autharmor_authenticator' | 'magiclink_email' | 'webauthn'} CredentialType */

/**
 * Spec schema `credential`.
 * @typedef {{ name: string | null, credential_id: string, date_created: string, device_type: CredentialType, enabled: boolean }} Credential
 */

/**
 * A user created by a registration (spec schema `user`).
 * @typedef {{ user_id: string, username: string, email_address: string | null, date_created: string }} CreatedUser
 */

/**
 * @typedef {object} AuthRequest
 * @property {string} id auth_request_id (= auth_history_id)
 * @property {ApiVersion} version
 * @property {CredentialType} type
 * @property {number} userIndex the user asked (usernameless: user 1, who scans the QR code)
 * @property {boolean} usernameless
 * @property {string | null} nonce as started
 * @property {string | null} actionName
 * @property {string | null} shortMsg
 * @property {Record<string, string | null> | null} contextData
 * @property {{ latitude: string | null, longitude: string | null, ip_address: string | null } | null} location
 * @property {number} startedAt epoch ms
 * @property {number} timeoutSeconds as answered (given or the project default)
 * @property {boolean} timeoutGiven the body sent `timeout_in_seconds`
 * @property {Approver} approver the person's behaviour, taken when the request started
 * @property {string} validationToken
 * @property {string | null} aaGuid WebAuthn: `aa_guid` of the start answer (finish sends it back as `aa_sig`)
 * @property {string | null} webauthnClientId
 * @property {{ at: number, resultCode: number } | null} finished WebAuthn: set by /finish
 * @property {number | null} validatedAt
 */

/**
 * @typedef {object} Registration
 * @property {string} id registration_id
 * @property {ApiVersion} version
 * @property {CredentialType} type
 * @property {'new_user' | 'new_enrollment' | 'change_email'} purpose
 * @property {number} userIndex the existing user, or the index reserved for the new user
 * @property {string} username the existing user's, or the new user's
 * @property {string | null} email the new user's or the enrolled / new email address
 * @property {Record<string, string | null> | null} contextData
 * @property {number} startedAt
 * @property {number} timeoutSeconds
 * @property {boolean} timeoutGiven
 * @property {Approver} approver
 * @property {string} validationToken
 * @property {string | null} aaSig WebAuthn: `aa_sig` of the start answer
 * @property {string | null} webauthnClientId
 * @property {string | null} keyName WebAuthn: the credential's name (from the response data id)
 * @property {{ at: number, statusCode: number } | null} finished WebAuthn: set by /finish
 * @property {number | null} completedAt set once the user / credential exists (validate; v3: on its own)
 * @property {string | null} credentialId the credential it created
 */

/**
 * @typedef {object} AuthArmorStore
 * @property {Map<string, AuthRequest>} authRequests by lower-case id
 * @property {Map<string, Registration>} registrations by lower-case id
 * @property {Map<string, string>} registrationByToken validation token -> registration id (v3 magic link)
 * @property {Set<string>} selfCompleting v3 authenticator registrations not yet settled
 * @property {Map<number, CreatedUser>} created users created by registrations, by index
 * @property {Map<string, number>} createdIndexByName lower-case username at creation -> index
 * @property {number} nextCreatedIndex
 * @property {number} createdVersion bumped when a user is created (sort caches)
 * @property {Map<number, string>} emails changed email addresses by index
 * @property {number} emailsVersion bumped when an email address changes (sort caches)
 * @property {Map<number, Credential[]>} credentials credentials added by registrations, by user index
 * @property {Set<string>} disabled lower-case ids of disabled credentials
 * @property {Map<number, string[]>} history auth request ids by user index, oldest first
 */

/** Users created by registrations get indexes from here on (above any `authArmorUserCount`). */
const CREATED_INDEX_BASE = 10_000_001;

/** @type {WeakMap<SandboxState, AuthArmorStore>} */
const stores = new WeakMap();

/**
 * @param {SandboxState} state
 * @returns {AuthArmorStore}
 */
function authArmorStore(state) {
	let store = stores.get(state);
	if (!store) {
		store = {
			authRequests: new Map(),
			registrations: new Map(),
			registrationByToken: new Map(),
			selfCompleting: new Set(),
			created: new Map(),
			createdIndexByName: new Map(),
			nextCreatedIndex: CREATED_INDEX_BASE,
			createdVersion: 0,
			emails: new Map(),
			emailsVersion: 0,
			credentials: new Map(),
			disabled: new Set(),
			history: new Map(),
		};
		stores.set(state, store);
	}
	return store;
}

module.exports = { authArmorStore, CREATED_INDEX_BASE };
