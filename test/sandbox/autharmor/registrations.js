// @ts-check
'use strict';

/**
 * Auth Armor user registrations: authenticator (QR code), WebAuthn (start / finish) and magic-link email (new
 * user, new enrollment for an existing user, change of email), their validation and GET
 * /v4/users/registrations/{registration_Id}. v4 paths as the spec; v3 paths and bodies as the v3 SDKs (see
 * index.js). The person (approver knobs, person.js) accepts or not; a v4 registration then waits for its
 * validate call, which creates the user / credential. v3 has no validate for authenticator and WebAuthn: an
 * accepted v3 authenticator registration completes on its own, a v3 WebAuthn one at /finish.
 */

const fx = require('../fixtures');
const { json, uuid } = require('../http-util');
const {
	apiError,
	formDecode,
	isoDate,
	randomToken,
	jsonBody,
	readFields,
	GUID_PATTERN,
} = require('./common');
const { approverFor, outcomeAt } = require('./person');
const { authArmorStore } = require('./store');
const {
	resolveUser,
	indexOfUsername,
	usernameOf,
	emailOf,
	isValidUsername,
	createUser,
	reserveUserIndex,
	changeEmail,
} = require('./users');
const { addCredential } = require('./credentials');
const { EMAIL_LINK_HEADER, withQuery } = require('./auth');

/** @typedef {import('../state').SandboxState} SandboxState */
/** @typedef {import('../http-util').Reply} Reply */
/** @typedef {import('../armor/common').RequestContext} RequestContext */
/** @typedef {import('./store').Registration} Registration */
/** @typedef {import('./store').CredentialType} CredentialType */
/** @typedef {import('./common').Fields} Fields */
/** @typedef {Record<string, string>} RouteParams */

const { AUTHARMOR_REGISTRATION_STATUS: STATUS } = fx;

const MIN_TIMEOUT_SECONDS = 15;
const MAX_TIMEOUT_SECONDS = 86_400;

const LABELS = /** @type {Record<CredentialType, string>} */ ({
	autharmor_authenticator: 'an authenticator',
	magiclink_email: 'a magic link email',
	webauthn: 'a WebAuthn',
});

// ------------------------------------------------------------------ status and completion

/**
 * The registration's `registration_status_code` at `now`: 1 pending until the person acts, then 8 pending
 * validation (accepted), 3 declined or 5 timeout; 2 registered once the user / credential exists.
 * @param {Registration} registration
 * @param {number} now
 */
function registrationStatus(registration, now) {
	if (registration.completedAt !== null) return STATUS.REGISTERED;
	if (registration.finished) return registration.finished.statusCode;
	const outcome = outcomeAt(registration, now);
	if (registration.type === 'webauthn')
		return outcome.kind === 'timeout' ? STATUS.TIMEOUT : STATUS.PENDING;
	return {
		pending: STATUS.PENDING,
		approved: STATUS.PENDING_VALIDATION,
		declined: STATUS.DECLINED,
		timeout: STATUS.TIMEOUT,
	}[outcome.kind];
}

/**
 * Creates what the registration registers: the new user and its credential, a credential for an existing
 * user, or the new email address. 409 when a new user's username was taken meanwhile.
 * @param {SandboxState} state
 * @param {Registration} registration
 * @param {number} now
 * @returns {{ ok: true } | { reply: Reply }}
 */
function completeRegistration(state, registration, now) {
	if (registration.purpose === 'new_user') {
		const holder = indexOfUsername(state, registration.username);
		if (holder && holder !== registration.userIndex)
			return {
				reply: apiError(409, `The username '${registration.username}' is already in use.`),
			};
		createUser(state, registration.userIndex, registration.username, registration.email);
	}
	if (registration.purpose === 'change_email') {
		changeEmail(state, registration.userIndex, /** @type {string} */ (registration.email));
	} else {
		const name =
			registration.type === 'magiclink_email'
				? registration.email
				: registration.type === 'webauthn'
					? registration.keyName
					: 'Auth Armor Authenticator';
		registration.credentialId = addCredential(
			state,
			registration.userIndex,
			registration.type,
			name,
		).credential_id;
	}
	registration.completedAt = now;
	return { ok: true };
}

/**
 * Completes the v3 authenticator registrations the person has accepted by now (v3 has no validate for them);
 * called before every API request. Declined / timed-out ones just stop being watched.
 * @param {SandboxState} state
 */
function settleRegistrations(state) {
	const store = authArmorStore(state);
	if (store.selfCompleting.size === 0) return;
	const now = Date.now();
	for (const id of [...store.selfCompleting]) {
		const registration = store.registrations.get(id);
		if (!registration) continue;
		const outcome = outcomeAt(registration, now);
		if (outcome.kind === 'pending') continue;
		store.selfCompleting.delete(id);
		if (outcome.kind !== 'approved') continue;
		const done = completeRegistration(state, registration, outcome.at);
		if ('reply' in done) registration.finished = { at: outcome.at, statusCode: STATUS.DECLINED };
	}
}

// ------------------------------------------------------------------ start

/**
 * Stores a new registration.
 * @param {SandboxState} state
 * @param {RouteParams} params
 * @param {object} p
 * @param {CredentialType} p.type
 * @param {Registration['purpose']} p.purpose
 * @param {number} p.userIndex
 * @param {string} p.username
 * @param {string | null} p.email
 * @param {number | null} p.timeout
 * @param {Record<string, string | null> | null} [p.contextData]
 * @param {string | null} [p.webauthnClientId]
 * @returns {Registration}
 */
function newRegistration(state, params, p) {
	/** @type {Registration} */
	const registration = {
		id: uuid(),
		version: /** @type {'v3' | 'v4'} */ (params.version),
		type: p.type,
		purpose: p.purpose,
		userIndex: p.userIndex,
		username: p.username,
		email: p.email,
		contextData: p.contextData ?? null,
		startedAt: Date.now(),
		timeoutSeconds: p.timeout ?? fx.AUTHARMOR_DEFAULT_REGISTRATION_TIMEOUT_SECONDS,
		timeoutGiven: p.timeout !== null,
		approver: approverFor(state, p.username),
		validationToken: randomToken(),
		aaSig: p.type === 'webauthn' ? randomToken() : null,
		webauthnClientId: p.webauthnClientId ?? null,
		keyName: null,
		finished: null,
		completedAt: null,
		credentialId: null,
	};
	const store = authArmorStore(state);
	store.registrations.set(registration.id, registration);
	store.registrationByToken.set(registration.validationToken, registration.id);
	return registration;
}

/**
 * A new user's username: valid and free, else the 400 / 409.
 * @param {SandboxState} state
 * @param {string} username
 * @param {string} field
 * @returns {Reply | null}
 */
function newUsernameProblem(state, username, field) {
	if (!isValidUsername(username)) return apiError(400, `${field} is not a valid username.`);
	if (indexOfUsername(state, username))
		return apiError(409, `The username '${username}' is already in use.`);
	return null;
}

/**
 * The answer of an authenticator registration start (`start_autharmor_authenticator_registration_*_response`;
 * v3: without `user_id` and `registration_validation_token`, as the v3 .NET SDK's model).
 * @param {Registration} registration
 */
function authenticatorStartAnswer(registration) {
	const dateExpires = isoDate(registration.startedAt + registration.timeoutSeconds * 1000);
	const authMethod = fx.AUTHARMOR_AUTH_METHODS.autharmor_authenticator.name;
	const qrCodeData = `https://qr.autharmor.example/register/${registration.id}`;
	if (registration.version === 'v3') {
		return json(200, {
			username: registration.username,
			registration_id: registration.id,
			date_expires: dateExpires,
			auth_method: authMethod,
			qr_code_data: qrCodeData,
		});
	}
	return json(200, {
		username: registration.username,
		registration_id: registration.id,
		user_id: fx.authArmorUserId(registration.userIndex),
		date_expires: dateExpires,
		auth_method: authMethod,
		qr_code_data: qrCodeData,
		registration_validation_token: registration.validationToken,
	});
}

/**
 * POST /v4/users/registrations/authenticator/start `{username (2..42), timeout_in_seconds?}`, v3
 * /v3/users/authenticator/register/start `{username, reset_and_reinvite?, revoke_previous_invites?}` (with
 * reset_and_reinvite an existing username re-enrolls that user).
 * @param {SandboxState} state
 * @param {RequestContext} ctx
 * @param {RouteParams} params
 */
function startAuthenticatorRegistration(state, ctx, params) {
	const parsed = jsonBody(ctx);
	if ('reply' in parsed) return parsed.reply;
	const v3 = params.version === 'v3';
	const read = readFields(parsed.body, (f) => ({
		username: /** @type {string} */ (
			f.string('username', v3 ? { required: true, max: 256 } : { required: true, min: 2, max: 42 })
		),
		timeout: v3 ? null : f.integer('timeout_in_seconds', MIN_TIMEOUT_SECONDS, MAX_TIMEOUT_SECONDS),
		reset: v3 ? f.boolean('reset_and_reinvite') : false,
		revoke: v3 ? f.boolean('revoke_previous_invites') : false,
	}));
	if ('reply' in read) return read.reply;
	const { username, timeout, reset } = read.value;
	const holder = indexOfUsername(state, username);
	/** @type {Registration} */
	let registration;
	if (holder && reset) {
		registration = newRegistration(state, params, {
			type: 'autharmor_authenticator',
			purpose: 'new_enrollment',
			userIndex: holder,
			username: usernameOf(state, holder),
			email: null,
			timeout,
		});
	} else {
		const problem = newUsernameProblem(state, username, 'username');
		if (problem) return problem;
		registration = newRegistration(state, params, {
			type: 'autharmor_authenticator',
			purpose: 'new_user',
			userIndex: reserveUserIndex(state),
			username,
			email: null,
			timeout,
		});
	}
	if (v3) authArmorStore(state).selfCompleting.add(registration.id);
	return authenticatorStartAnswer(registration);
}

/**
 * POST /v4/users/{user_id}/registrations/authenticator/start, v3 /v3/users/{user_id}/authenticator/register/start
 * (no body): another authenticator for an existing user.
 * @param {SandboxState} state
 * @param {RequestContext} ctx
 * @param {RouteParams} params
 */
function startAuthenticatorRegistrationForUser(state, ctx, params) {
	const resolved = resolveUser(state, ctx, params.userId);
	if ('reply' in resolved) return resolved.reply;
	const registration = newRegistration(state, params, {
		type: 'autharmor_authenticator',
		purpose: 'new_enrollment',
		userIndex: resolved.index,
		username: usernameOf(state, resolved.index),
		email: null,
		timeout: null,
	});
	if (params.version === 'v3') authArmorStore(state).selfCompleting.add(registration.id);
	return authenticatorStartAnswer(registration);
}

const ATTACHMENTS = ['Any', 'CrossPlatform', 'Platform'];
/** `attachment_type` -> WebAuthn `authenticatorAttachment` (Any: none). */
const ATTACHMENT_VALUES = /** @type {Record<string, string | null>} */ ({
	Any: null,
	CrossPlatform: 'cross-platform',
	Platform: 'platform',
});
const REQUIREMENTS = ['required', 'preferred', 'discouraged'];

/**
 * The WebAuthn fields of a registration start.
 * @param {Fields} f
 */
function webauthnFields(f) {
	return {
		timeout: f.integer('timeout_in_seconds', MIN_TIMEOUT_SECONDS, MAX_TIMEOUT_SECONDS),
		clientId: f.string('webauthn_client_id', { required: true }),
		attachment: f.oneOf('attachment_type', ATTACHMENTS, 'Any'),
		residentKey: f.oneOf('resident_key_requirement_type', REQUIREMENTS, 'preferred'),
		userVerification: f.oneOf('user_verification_requirement_type', REQUIREMENTS, 'preferred'),
	};
}

/**
 * `fido2_json_options` of a WebAuthn registration: the credential creation options.
 * @param {Registration} registration
 * @param {ReturnType<typeof webauthnFields>} options
 */
function creationOptions(registration, options) {
	return {
		rp: { id: 'autharmor.example', name: 'Auth Armor Sandbox' },
		user: {
			id: Buffer.from(fx.authArmorUserId(registration.userIndex)).toString('base64url'),
			name: registration.username,
			displayName: registration.username,
		},
		challenge: randomToken(),
		pubKeyCredParams: [
			{ type: 'public-key', alg: -7 },
			{ type: 'public-key', alg: -257 },
		],
		timeout: registration.timeoutSeconds * 1000,
		attestation: 'none',
		authenticatorSelection: {
			authenticatorAttachment: ATTACHMENT_VALUES[options.attachment] ?? null,
			residentKey: options.residentKey,
			userVerification: options.userVerification,
		},
	};
}

/**
 * POST /v4/users/registrations/webauthn/start, v3 /v3/users/webauthn/register/start: `{username?,
 * email_address?, webauthn_client_id, timeout_in_seconds?, attachment_type?, ...}` (a username or an email
 * address; the username defaults to the email) -> `{fido2_json_options, registration_id, aa_sig}`.
 * @param {SandboxState} state
 * @param {RequestContext} ctx
 * @param {RouteParams} params
 */
function startWebAuthnRegistration(state, ctx, params) {
	const parsed = jsonBody(ctx);
	if ('reply' in parsed) return parsed.reply;
	const read = readFields(parsed.body, (f) => ({
		username: f.string('username', { max: 256 }),
		email: f.email('email_address'),
		...webauthnFields(f),
	}));
	if ('reply' in read) return read.reply;
	const fields = read.value;
	const username = fields.username ?? fields.email;
	if (username === null) return apiError(400, 'username is required.');
	const problem = newUsernameProblem(state, username, 'username');
	if (problem) return problem;
	const registration = newRegistration(state, params, {
		type: 'webauthn',
		purpose: 'new_user',
		userIndex: reserveUserIndex(state),
		username,
		email: fields.email,
		timeout: fields.timeout,
		webauthnClientId: fields.clientId,
	});
	return json(200, {
		fido2_json_options: creationOptions(registration, fields),
		registration_id: registration.id,
		aa_sig: registration.aaSig,
	});
}

/**
 * POST /v4/users/{user_id}/registrations/webauthn/start, v3 /v3/users/{user_id}/webauthn/register/start ->
 * `{fido2_json_options, registration_id, aa_sig, user_id}`.
 * @param {SandboxState} state
 * @param {RequestContext} ctx
 * @param {RouteParams} params
 */
function startWebAuthnRegistrationForUser(state, ctx, params) {
	const resolved = resolveUser(state, ctx, params.userId);
	if ('reply' in resolved) return resolved.reply;
	const parsed = jsonBody(ctx);
	if ('reply' in parsed) return parsed.reply;
	const read = readFields(parsed.body, webauthnFields);
	if ('reply' in read) return read.reply;
	const registration = newRegistration(state, params, {
		type: 'webauthn',
		purpose: 'new_enrollment',
		userIndex: resolved.index,
		username: usernameOf(state, resolved.index),
		email: null,
		timeout: read.value.timeout,
		webauthnClientId: read.value.clientId,
	});
	return json(200, {
		fido2_json_options: creationOptions(registration, read.value),
		registration_id: registration.id,
		aa_sig: registration.aaSig,
		user_id: fx.authArmorUserId(resolved.index),
	});
}

/**
 * The stored registration `id` names, of `type`.
 * @param {SandboxState} state
 * @param {string} rawId
 * @param {CredentialType} type
 * @returns {{ registration: Registration } | { reply: Reply }}
 */
function registrationOfType(state, rawId, type) {
	const id = formDecode(rawId);
	if (!GUID_PATTERN.test(id))
		return { reply: apiError(400, `The registration id '${id}' is not a valid GUID.`) };
	const registration = authArmorStore(state).registrations.get(id.toLowerCase());
	if (!registration) return { reply: apiError(404, 'Registration not found.') };
	if (registration.type !== type)
		return { reply: apiError(400, `registration_id is not ${LABELS[type]} registration.`) };
	return { registration };
}

/**
 * Finish of a WebAuthn registration (the browser's attestation): v4 POST
 * /v4/users/registrations/webauthn/{registration_id}/finish and /v4/users/{user_id}/registrations/webauthn/
 * {registration_id}/finish `{aa_sig, authenticator_response_data: {id, attestation_object, client_data},
 * webauthn_client_id?}` -> `{registration_validation_token, user_id, username}` (then validate); v3
 * /v3/users/webauthn/register/finish and /v3/users/{user_id}/webauthn/register/finish with `registration_id`
 * in the body -> `{user_id, username}` (registered at once). The approver: approve -> accepted; decline -> 400
 * (declined); timeout / never -> 400 (no answer from the person).
 * @param {SandboxState} state
 * @param {RequestContext} ctx
 * @param {RouteParams} params `userId` on the existing-user routes
 */
function finishWebAuthnRegistration(state, ctx, params) {
	const v3 = params.version === 'v3';
	/** @type {number | null} */
	let userIndex = null;
	if (params.userId !== undefined) {
		const resolved = resolveUser(state, ctx, params.userId);
		if ('reply' in resolved) return resolved.reply;
		userIndex = resolved.index;
	}
	const parsed = jsonBody(ctx);
	if ('reply' in parsed) return parsed.reply;
	const read = readFields(parsed.body, (f) => ({
		registrationId: v3 ? f.string('registration_id', { required: true }) : params.registrationId,
		aaSig: f.string('aa_sig', { required: true }),
		data: f.record('authenticator_response_data', ['id', 'attestation_object', 'client_data']),
		clientId: f.string('webauthn_client_id'),
	}));
	if ('reply' in read) return read.reply;
	const fields = read.value;
	const found = registrationOfType(state, String(fields.registrationId), 'webauthn');
	if ('reply' in found) return found.reply;
	const { registration } = found;
	if (userIndex === null && registration.purpose !== 'new_user')
		return apiError(400, 'The registration is not for a new user.');
	if (userIndex !== null && registration.userIndex !== userIndex)
		return apiError(400, 'The registration is not for this user.');
	if (fields.aaSig !== registration.aaSig)
		return apiError(400, 'aa_sig does not match the registration.');
	if (fields.clientId !== null && fields.clientId !== registration.webauthnClientId)
		return apiError(400, 'webauthn_client_id does not match the registration.');
	if (registration.finished || registration.completedAt !== null)
		return apiError(400, 'The registration has already been finished.');
	const now = Date.now();
	if (registrationStatus(registration, now) === STATUS.TIMEOUT)
		return apiError(400, 'The registration has timed out.');
	const action = registration.approver.action;
	if (action === 'decline') {
		registration.finished = { at: now, statusCode: STATUS.DECLINED };
		return apiError(400, 'The user declined the registration.');
	}
	if (action !== 'approve')
		return apiError(400, 'The WebAuthn registration was not completed by the user.');
	registration.keyName = `WebAuthn key ${fields.data.id.slice(0, 12)}`;
	const identity = {
		user_id: fx.authArmorUserId(registration.userIndex),
		username: registration.username,
	};
	if (v3) {
		const done = completeRegistration(state, registration, now);
		return 'reply' in done ? done.reply : json(200, identity);
	}
	registration.finished = { at: now, statusCode: STATUS.PENDING_VALIDATION };
	return json(200, { registration_validation_token: registration.validationToken, ...identity });
}

// ------------------------------------------------------------------ magic link

/**
 * The magic-link fields of a start.
 * @param {Fields} f
 * @param {string} emailField
 */
function magicLinkFields(f, emailField) {
	return {
		email: /** @type {string} */ (f.email(emailField, { required: true })),
		timeout: f.integer('timeout_in_seconds', MIN_TIMEOUT_SECONDS, MAX_TIMEOUT_SECONDS),
		redirectUrl: /** @type {string} */ (f.url('registration_redirect_url', { required: true })),
		actionName: f.string('action_name'),
		shortMsg: f.string('short_msg'),
		contextData: f.stringMap('context_data'),
		ipAddress: f.string('ip_address'),
		userAgent: f.string('user_agent'),
	};
}

/**
 * `{timeout_in_seconds, timeout_utc_datetime}` and the email's link (header X-AuthArmor-Sandbox-Email-Link:
 * the redirect URL + `registration_id` + `registration_validation_token`).
 * @param {Registration} registration
 * @param {string} redirectUrl
 */
function magicLinkStartAnswer(registration, redirectUrl) {
	return json(
		200,
		{
			timeout_in_seconds: registration.timeoutSeconds,
			timeout_utc_datetime: isoDate(registration.startedAt + registration.timeoutSeconds * 1000),
		},
		{
			[EMAIL_LINK_HEADER]: withQuery(redirectUrl, {
				registration_id: registration.id,
				registration_validation_token: registration.validationToken,
			}),
		},
	);
}

/**
 * POST /v4/users/registrations/magiclink_email/start, v3 /v3/users/magiclink_email/register/start
 * `{email_address, registration_redirect_url, timeout_in_seconds?, action_name?, short_msg?, context_data?,
 * ip_address?, user_agent?}`: a new user named by the email address.
 * @param {SandboxState} state
 * @param {RequestContext} ctx
 * @param {RouteParams} params
 */
function startMagicLinkRegistration(state, ctx, params) {
	const parsed = jsonBody(ctx);
	if ('reply' in parsed) return parsed.reply;
	const read = readFields(parsed.body, (f) => magicLinkFields(f, 'email_address'));
	if ('reply' in read) return read.reply;
	const fields = read.value;
	const problem = newUsernameProblem(state, fields.email, 'email_address');
	if (problem) return problem;
	const registration = newRegistration(state, params, {
		type: 'magiclink_email',
		purpose: 'new_user',
		userIndex: reserveUserIndex(state),
		username: fields.email,
		email: fields.email,
		timeout: fields.timeout,
		contextData: fields.contextData,
	});
	return magicLinkStartAnswer(registration, fields.redirectUrl);
}

/**
 * POST /v4/users/{user_id}/registrations/magiclink_email/start, v3 /v3/users/{user_id}/magiclink_email/register/start:
 * a magic-link email credential for an existing user (same body).
 * @param {SandboxState} state
 * @param {RequestContext} ctx
 * @param {RouteParams} params
 */
function startMagicLinkRegistrationForUser(state, ctx, params) {
	const resolved = resolveUser(state, ctx, params.userId);
	if ('reply' in resolved) return resolved.reply;
	const parsed = jsonBody(ctx);
	if ('reply' in parsed) return parsed.reply;
	const read = readFields(parsed.body, (f) => magicLinkFields(f, 'email_address'));
	if ('reply' in read) return read.reply;
	const registration = newRegistration(state, params, {
		type: 'magiclink_email',
		purpose: 'new_enrollment',
		userIndex: resolved.index,
		username: usernameOf(state, resolved.index),
		email: read.value.email,
		timeout: read.value.timeout,
		contextData: read.value.contextData,
	});
	return magicLinkStartAnswer(registration, read.value.redirectUrl);
}

/**
 * POST /v{3,4}/users/{user_id}/magiclink_email/update/start `{new_email_address, registration_redirect_url,
 * timeout_in_seconds?, action_name?, short_msg?, context_data?}`: the user's email address changes once the
 * link is validated.
 * @param {SandboxState} state
 * @param {RequestContext} ctx
 * @param {RouteParams} params
 */
function startChangeEmail(state, ctx, params) {
	const resolved = resolveUser(state, ctx, params.userId);
	if ('reply' in resolved) return resolved.reply;
	const parsed = jsonBody(ctx);
	if ('reply' in parsed) return parsed.reply;
	const read = readFields(parsed.body, (f) => magicLinkFields(f, 'new_email_address'));
	if ('reply' in read) return read.reply;
	const registration = newRegistration(state, params, {
		type: 'magiclink_email',
		purpose: 'change_email',
		userIndex: resolved.index,
		username: usernameOf(state, resolved.index),
		email: read.value.email,
		timeout: read.value.timeout,
		contextData: read.value.contextData,
	});
	return magicLinkStartAnswer(registration, read.value.redirectUrl);
}

// ------------------------------------------------------------------ validate

/**
 * The 400 when a registration cannot be validated now (validated already, not accepted yet, declined, timed
 * out), else null.
 * @param {Registration} registration
 * @param {number} now
 * @returns {Reply | null}
 */
function notValidatable(registration, now) {
	if (registration.completedAt !== null)
		return apiError(400, 'The registration has already been validated.');
	const status = registrationStatus(registration, now);
	if (status === STATUS.PENDING) return apiError(400, 'The registration is not completed yet.');
	if (status === STATUS.DECLINED) return apiError(400, 'The registration was declined.');
	if (status === STATUS.TIMEOUT) return apiError(400, 'The registration has timed out.');
	return null;
}

/**
 * Reads `registration_validation_token` (and the optional ip_address / user_agent).
 * @param {RequestContext} ctx
 * @returns {{ token: string } | { reply: Reply }}
 */
function validationToken(ctx) {
	const parsed = jsonBody(ctx);
	if ('reply' in parsed) return parsed;
	const read = readFields(parsed.body, (f) => {
		f.string('ip_address');
		f.string('user_agent');
		return /** @type {string} */ (f.string('registration_validation_token', { required: true }));
	});
	return 'reply' in read ? read : { token: read.value };
}

/**
 * POST /v4/users/registrations/{authenticator|webauthn}/{registration_id}/validate
 * `{registration_validation_token}` -> `{credential_id, user_id, username}` (not in v3).
 * @param {SandboxState} state
 * @param {RequestContext} ctx
 * @param {RouteParams} params
 * @param {CredentialType} type
 */
function validateRegistration(state, ctx, params, type) {
	const found = registrationOfType(state, params.registrationId, type);
	if ('reply' in found) return found.reply;
	const read = validationToken(ctx);
	if ('reply' in read) return read.reply;
	const { registration } = found;
	if (read.token !== registration.validationToken)
		return apiError(400, 'registration_validation_token is not valid for this registration.');
	const now = Date.now();
	const problem = notValidatable(registration, now);
	if (problem) return problem;
	const done = completeRegistration(state, registration, now);
	if ('reply' in done) return done.reply;
	return json(200, {
		credential_id: registration.credentialId,
		user_id: fx.authArmorUserId(registration.userIndex),
		username: usernameOf(state, registration.userIndex),
	});
}

/**
 * Magic-link registration validation: v4 POST /v4/users/registrations/magiclink_email/{registration_id}/validate,
 * v3 POST /v3/users/register/magiclink_email/validate (the registration found by its token)
 * `{registration_validation_token, ip_address?, user_agent?}` -> `validate_magiclink_email_registration_response`.
 * @param {SandboxState} state
 * @param {RequestContext} ctx
 * @param {RouteParams} params
 */
function validateMagicLinkRegistration(state, ctx, params) {
	const read = validationToken(ctx);
	if ('reply' in read) return read.reply;
	/** @type {Registration | undefined} */
	let registration;
	if (params.registrationId === undefined) {
		const id = authArmorStore(state).registrationByToken.get(read.token);
		registration = id === undefined ? undefined : authArmorStore(state).registrations.get(id);
		if (!registration || registration.type !== 'magiclink_email')
			return apiError(400, 'registration_validation_token is not valid.');
	} else {
		const found = registrationOfType(state, params.registrationId, 'magiclink_email');
		if ('reply' in found) return found.reply;
		registration = found.registration;
		if (read.token !== registration.validationToken)
			return apiError(400, 'registration_validation_token is not valid for this registration.');
	}
	const now = Date.now();
	const problem = notValidatable(registration, now);
	if (problem) return problem;
	const done = completeRegistration(state, registration, now);
	if ('reply' in done) return done.reply;
	return json(200, {
		magiclink_email_registration_type: registration.purpose,
		user_id: fx.authArmorUserId(registration.userIndex),
		username: usernameOf(state, registration.userIndex),
		email_address:
			registration.purpose === 'new_enrollment'
				? registration.email
				: emailOf(state, registration.userIndex),
		context_data: registration.contextData,
	});
}

/**
 * GET /v4/users/registrations/{registration_Id}: `{registration_status_name, registration_status_code,
 * auth_method}` (not in v3).
 * @param {SandboxState} state
 * @param {RequestContext} _ctx
 * @param {RouteParams} params
 */
function getRegistration(state, _ctx, params) {
	const id = formDecode(params.registrationId);
	if (!GUID_PATTERN.test(id))
		return apiError(400, `The registration id '${id}' is not a valid GUID.`);
	const registration = authArmorStore(state).registrations.get(id.toLowerCase());
	if (!registration) return apiError(404, 'Registration not found.');
	const code = registrationStatus(registration, Date.now());
	return json(200, {
		registration_status_name:
			fx.AUTHARMOR_REGISTRATION_STATUS_NAMES[
				/** @type {keyof typeof fx.AUTHARMOR_REGISTRATION_STATUS_NAMES} */ (code)
			],
		registration_status_code: code,
		auth_method: fx.AUTHARMOR_AUTH_METHODS[registration.type].name,
	});
}

module.exports = {
	settleRegistrations,
	startAuthenticatorRegistration,
	startAuthenticatorRegistrationForUser,
	startWebAuthnRegistration,
	startWebAuthnRegistrationForUser,
	finishWebAuthnRegistration,
	startMagicLinkRegistration,
	startMagicLinkRegistrationForUser,
	startChangeEmail,
	validateRegistration,
	validateMagicLinkRegistration,
	getRegistration,
};
