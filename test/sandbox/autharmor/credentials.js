// @ts-check
'use strict';

/**
 * Auth Armor /v4/users/{user_id}/credentials[/{authenticator|magiclink_email|webauthn}],
 * /credentials/{credential_id} and /credentials/{credential_id}/disable (not in v3), over each user's fixture
 * credentials (fixtures.js) plus those added by registrations, with disabled ones flagged.
 */

const fx = require('../fixtures');
const { json, uuid } = require('../http-util');
const { apiError, formDecode, pagingParams, pageInfo, pageOf, GUID_PATTERN } = require('./common');
const { authArmorStore, CREATED_INDEX_BASE } = require('./store');
const { resolveUser } = require('./users');
const { clockIso } = require('../change-util');

/** @typedef {import('../state').SandboxState} SandboxState */
/** @typedef {import('../http-util').Reply} Reply */
/** @typedef {import('../armor/common').RequestContext} RequestContext */
/** @typedef {import('./store').Credential} Credential */
/** @typedef {import('./store').CredentialType} CredentialType */
/** @typedef {Record<string, string>} RouteParams */

const SORT_COLUMNS = ['date_created', 'name', 'device_type'];

/** The path segment of each credential type. */
const TYPE_SEGMENTS = /** @type {Record<string, CredentialType>} */ ({
	authenticator: 'autharmor_authenticator',
	magiclink_email: 'magiclink_email',
	webauthn: 'webauthn',
});

/**
 * User `index`'s credentials now: the fixture ones (generated users), then those added by registrations;
 * `enabled` false once disabled.
 * @param {SandboxState} state
 * @param {number} index
 * @returns {Credential[]}
 */
function credentialsOf(state, index) {
	const store = authArmorStore(state);
	const fixture =
		index < CREATED_INDEX_BASE
			? /** @type {Credential[]} */ (fx.authArmorCredentials(index))
			: /** @type {Credential[]} */ ([]);
	return [...fixture, ...(store.credentials.get(index) ?? [])].map((credential) =>
		store.disabled.has(credential.credential_id.toLowerCase())
			? { ...credential, enabled: false }
			: credential,
	);
}

/**
 * Whether user `index` has an enabled credential of `type`.
 * @param {SandboxState} state
 * @param {number} index
 * @param {CredentialType} type
 */
function hasEnabledCredential(state, index, type) {
	return credentialsOf(state, index).some((c) => c.enabled && c.device_type === type);
}

/**
 * Adds a credential to user `index` (a completed registration, or a user of `addAuthArmorUsers`); returns it.
 * `date_created` defaults to the sandbox clock.
 * @param {SandboxState} state
 * @param {number} index
 * @param {CredentialType} type
 * @param {string | null} name
 * @param {string} [dateCreated] ISO 8601
 */
function addCredential(state, index, type, name, dateCreated = clockIso(state)) {
	const store = authArmorStore(state);
	/** @type {Credential} */
	const credential = {
		name,
		credential_id: uuid(),
		date_created: dateCreated,
		device_type: type,
		enabled: true,
	};
	const list = store.credentials.get(index) ?? [];
	list.push(credential);
	store.credentials.set(index, list);
	return credential;
}

/**
 * GET /v4/users/{user_id}/credentials and /credentials/{type}: `get_user_credentials_response`.
 * @param {SandboxState} state
 * @param {RequestContext} ctx
 * @param {RouteParams} params `type`: a path segment of TYPE_SEGMENTS, or absent for all
 */
function listCredentials(state, ctx, params) {
	const resolved = resolveUser(state, ctx, params.userId);
	if ('reply' in resolved) return resolved.reply;
	const paging = pagingParams(ctx, SORT_COLUMNS);
	if ('reply' in paging) return paging.reply;
	const type = params.type ? TYPE_SEGMENTS[params.type.toLowerCase()] : undefined;
	const column = /** @type {'date_created' | 'name' | 'device_type'} */ (paging.column);
	const records = credentialsOf(state, resolved.index)
		.filter((c) => !type || c.device_type === type)
		.map((credential, position) => ({ credential, position }))
		.sort((a, b) => {
			const va = String(a.credential[column] ?? '').toLowerCase();
			const vb = String(b.credential[column] ?? '').toLowerCase();
			return va < vb ? -1 : va > vb ? 1 : a.position - b.position;
		})
		.map(({ credential }) => credential);
	return json(200, {
		credential_records: pageOf(records, paging),
		page_info: pageInfo(paging.pageNumber, paging.pageSize, records.length),
	});
}

/**
 * The credential `{credential_id}` of the `{user_id}` user.
 * @param {SandboxState} state
 * @param {RequestContext} ctx
 * @param {RouteParams} params
 * @returns {{ index: number, credential: Credential } | { reply: Reply }}
 */
function findCredential(state, ctx, params) {
	const resolved = resolveUser(state, ctx, params.userId);
	if ('reply' in resolved) return resolved;
	const id = formDecode(params.credentialId);
	if (!GUID_PATTERN.test(id))
		return { reply: apiError(400, `The credential id '${id}' is not a valid GUID.`) };
	const credential = credentialsOf(state, resolved.index).find(
		(c) => c.credential_id.toLowerCase() === id.toLowerCase(),
	);
	return credential
		? { index: resolved.index, credential }
		: { reply: apiError(404, 'Credential not found.') };
}

/**
 * GET /v4/users/{user_id}/credentials/{credential_id}: `credential`.
 * @param {SandboxState} state
 * @param {RequestContext} ctx
 * @param {RouteParams} params
 */
function getCredential(state, ctx, params) {
	const found = findCredential(state, ctx, params);
	return 'reply' in found ? found.reply : json(200, found.credential);
}

/**
 * POST /v4/users/{user_id}/credentials/{credential_id}/disable: the `credential`, now `enabled: false` (again:
 * the same answer).
 * @param {SandboxState} state
 * @param {RequestContext} ctx
 * @param {RouteParams} params
 */
function disableCredential(state, ctx, params) {
	const found = findCredential(state, ctx, params);
	if ('reply' in found) return found.reply;
	authArmorStore(state).disabled.add(found.credential.credential_id.toLowerCase());
	return json(200, { ...found.credential, enabled: false });
}

module.exports = {
	credentialsOf,
	hasEnabledCredential,
	addCredential,
	listCredentials,
	getCredential,
	disableCredential,
};
