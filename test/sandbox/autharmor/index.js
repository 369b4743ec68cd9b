// @ts-check
'use strict';

/**
 * The Auth Armor API (https://api.autharmor.com, token from https://login.autharmor.com/connect/token):
 * OAuth 2 client credentials, then the v3 / v4 operations. The route table; the handlers live in one file per
 * resource. Routes are served under /v3 and / or /v4 as their `versions` say (a v4-only path under /v3: 404).
 * Checks, in order: bearer token (401), route (404), method (405), access (403), then the handler.
 */

const fx = require('../fixtures');
const { empty } = require('../http-util');
const { apiError, forbidden } = require('./common');
const { tokenEndpoint, bearerGrant, managesUsers } = require('./token');
const { listUsers, getUser, updateUser } = require('./users');
const { listAuthHistory } = require('./history');
const { listCredentials, getCredential, disableCredential } = require('./credentials');
const auth = require('./auth');
const reg = require('./registrations');

/** @typedef {import('../state').SandboxState} SandboxState */
/** @typedef {import('../http-util').Reply} Reply */
/** @typedef {import('../armor/common').RequestContext} RequestContext */

// ------------------------------------------------------------------ router

/**
 * `params`: the path's named segments (userId, credentialId, registrationId, authRequestId, type) plus
 * `version` ('v3' | 'v4').
 * @typedef {(state: SandboxState, ctx: RequestContext, params: Record<string, string>) => Reply} Handler
 */

/**
 * @typedef {object} Route
 * @property {string} path after the version, `{name}` for a segment
 * @property {('v3' | 'v4')[]} versions
 * @property {'auth' | 'users'} access 'auth': the token's scope needs aarmor.api.request_auth; 'users': the
 *   client must manage users (AUTHARMOR_CLIENT does, AUTHARMOR_REQUEST_AUTH_CLIENT does not)
 * @property {Record<string, Handler>} methods
 */

const BOTH = /** @type {('v3' | 'v4')[]} */ (['v3', 'v4']);
const V3 = /** @type {('v3' | 'v4')[]} */ (['v3']);
const V4 = /** @type {('v3' | 'v4')[]} */ (['v4']);

/**
 * Literal paths before the `{name}` ones they could shadow.
 * @type {Route[]}
 */
const ROUTES = [
	// Auth requests
	{
		path: '/auth/authenticator/start',
		versions: BOTH,
		access: 'auth',
		methods: { POST: auth.startAuthenticatorAuth },
	},
	{
		path: '/auth/authenticator/validate',
		versions: BOTH,
		access: 'auth',
		methods: { POST: (s, c) => auth.validateAuth(s, c, 'autharmor_authenticator') },
	},
	{
		path: '/auth/magiclink_email/start',
		versions: BOTH,
		access: 'auth',
		methods: { POST: auth.startMagicLinkAuth },
	},
	{
		path: '/auth/magiclink_email/validate',
		versions: BOTH,
		access: 'auth',
		methods: { POST: (s, c) => auth.validateAuth(s, c, 'magiclink_email') },
	},
	{
		path: '/auth/webauthn/start',
		versions: BOTH,
		access: 'auth',
		methods: { POST: auth.startWebAuthnAuth },
	},
	{
		path: '/auth/webauthn/finish',
		versions: BOTH,
		access: 'auth',
		methods: { POST: (s, c) => auth.finishWebAuthnAuth(s, c) },
	},
	{
		path: '/auth/webauthn/validate',
		versions: BOTH,
		access: 'auth',
		methods: { POST: (s, c) => auth.validateAuth(s, c, 'webauthn') },
	},
	{
		path: '/auth/{authRequestId}',
		versions: BOTH,
		access: 'auth',
		methods: { GET: auth.getAuthRequest },
	},

	// Registrations, v4 paths
	{
		path: '/users/registrations/authenticator/start',
		versions: V4,
		access: 'users',
		methods: { POST: reg.startAuthenticatorRegistration },
	},
	{
		path: '/users/registrations/authenticator/{registrationId}/validate',
		versions: V4,
		access: 'users',
		methods: { POST: (s, c, p) => reg.validateRegistration(s, c, p, 'autharmor_authenticator') },
	},
	{
		path: '/users/registrations/webauthn/start',
		versions: V4,
		access: 'users',
		methods: { POST: reg.startWebAuthnRegistration },
	},
	{
		path: '/users/registrations/webauthn/{registrationId}/finish',
		versions: V4,
		access: 'users',
		methods: { POST: reg.finishWebAuthnRegistration },
	},
	{
		path: '/users/registrations/webauthn/{registrationId}/validate',
		versions: V4,
		access: 'users',
		methods: { POST: (s, c, p) => reg.validateRegistration(s, c, p, 'webauthn') },
	},
	{
		path: '/users/registrations/magiclink_email/start',
		versions: V4,
		access: 'users',
		methods: { POST: reg.startMagicLinkRegistration },
	},
	{
		path: '/users/registrations/magiclink_email/{registrationId}/validate',
		versions: V4,
		access: 'users',
		methods: { POST: reg.validateMagicLinkRegistration },
	},
	{
		path: '/users/registrations/{registrationId}',
		versions: V4,
		access: 'users',
		methods: { GET: reg.getRegistration },
	},
	{
		path: '/users/{userId}/registrations/authenticator/start',
		versions: V4,
		access: 'users',
		methods: { POST: reg.startAuthenticatorRegistrationForUser },
	},
	{
		path: '/users/{userId}/registrations/webauthn/start',
		versions: V4,
		access: 'users',
		methods: { POST: reg.startWebAuthnRegistrationForUser },
	},
	{
		path: '/users/{userId}/registrations/webauthn/{registrationId}/finish',
		versions: V4,
		access: 'users',
		methods: { POST: reg.finishWebAuthnRegistration },
	},
	{
		path: '/users/{userId}/registrations/magiclink_email/start',
		versions: V4,
		access: 'users',
		methods: { POST: reg.startMagicLinkRegistrationForUser },
	},
	{
		path: '/users/{userId}/magiclink_email/update/start',
		versions: BOTH,
		access: 'users',
		methods: { POST: reg.startChangeEmail },
	},

	// Registrations, v3 paths (the v3 .NET and Node SDKs)
	{
		path: '/users/authenticator/register/start',
		versions: V3,
		access: 'users',
		methods: { POST: reg.startAuthenticatorRegistration },
	},
	{
		path: '/users/webauthn/register/start',
		versions: V3,
		access: 'users',
		methods: { POST: reg.startWebAuthnRegistration },
	},
	{
		path: '/users/webauthn/register/finish',
		versions: V3,
		access: 'users',
		methods: { POST: reg.finishWebAuthnRegistration },
	},
	{
		path: '/users/magiclink_email/register/start',
		versions: V3,
		access: 'users',
		methods: { POST: reg.startMagicLinkRegistration },
	},
	{
		path: '/users/register/magiclink_email/validate',
		versions: V3,
		access: 'users',
		methods: { POST: reg.validateMagicLinkRegistration },
	},
	{
		path: '/users/{userId}/authenticator/register/start',
		versions: V3,
		access: 'users',
		methods: { POST: reg.startAuthenticatorRegistrationForUser },
	},
	{
		path: '/users/{userId}/webauthn/register/start',
		versions: V3,
		access: 'users',
		methods: { POST: reg.startWebAuthnRegistrationForUser },
	},
	{
		path: '/users/{userId}/webauthn/register/finish',
		versions: V3,
		access: 'users',
		methods: { POST: reg.finishWebAuthnRegistration },
	},
	{
		path: '/users/{userId}/magiclink_email/register/start',
		versions: V3,
		access: 'users',
		methods: { POST: reg.startMagicLinkRegistrationForUser },
	},

	// Users, auth history, credentials
	{ path: '/users', versions: BOTH, access: 'users', methods: { GET: listUsers } },
	{
		path: '/users/{userId}',
		versions: BOTH,
		access: 'users',
		methods: { GET: getUser, PUT: updateUser },
	},
	{
		path: '/users/{userId}/auth_history',
		versions: BOTH,
		access: 'users',
		methods: { GET: listAuthHistory },
	},
	{
		path: '/users/{userId}/credentials',
		versions: V4,
		access: 'users',
		methods: { GET: listCredentials },
	},
	{
		path: '/users/{userId}/credentials/{type}',
		versions: V4,
		access: 'users',
		methods: { GET: listCredentials },
	},
	{
		path: '/users/{userId}/credentials/{credentialId}',
		versions: V4,
		access: 'users',
		methods: { GET: getCredential },
	},
	{
		path: '/users/{userId}/credentials/{credentialId}/disable',
		versions: V4,
		access: 'users',
		methods: { POST: disableCredential },
	},
];

/** The segment names that only match fixed words. */
const SEGMENT_WORDS = /** @type {Record<string, string>} */ ({
	type: 'authenticator|magiclink_email|webauthn',
});

/**
 * `/users/{userId}` -> /^\/users\/(?<userId>[^/]+)$/i
 * @param {string} path
 */
function routePattern(path) {
	const source = path
		.split('/')
		.map((part) => {
			const name = /^\{(\w+)\}$/.exec(part)?.[1];
			if (!name) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
			return `(?<${name}>${SEGMENT_WORDS[name] ?? '[^/]+'})`;
		})
		.join('\\/');
	return new RegExp(`^${source}$`, 'i');
}

const COMPILED = ROUTES.map((route) => ({ ...route, pattern: routePattern(route.path) }));

/**
 * Routes one Auth Armor request.
 * @param {SandboxState} state
 * @param {RequestContext} ctx
 * @returns {Reply}
 */
function handleAuthArmor(state, ctx) {
	if (/^\/connect\/token$/i.test(ctx.path)) return tokenEndpoint(state, ctx);
	const versioned = /^\/(v[34])(\/.*)?$/i.exec(ctx.path);
	if (versioned) {
		const checked = bearerGrant(state, ctx);
		if ('reply' in checked) return checked.reply;
		reg.settleRegistrations(state);
		const version = /** @type {'v3' | 'v4'} */ (versioned[1].toLowerCase());
		const rest = versioned[2] ?? '';
		for (const route of COMPILED) {
			if (!route.versions.includes(version)) continue;
			const match = route.pattern.exec(rest);
			if (!match) continue;
			if (!Object.hasOwn(route.methods, ctx.method))
				return empty(405, { Allow: Object.keys(route.methods).join(', ') });
			if (
				route.access === 'auth' &&
				!checked.grant.scopes.includes(fx.AUTHARMOR_SCOPE_REQUEST_AUTH)
			)
				return forbidden(fx.AUTHARMOR_SCOPE_REQUEST_AUTH);
			if (route.access === 'users' && !managesUsers(checked.grant)) return forbidden();
			return route.methods[ctx.method](state, ctx, { ...match.groups, version });
		}
	}
	return apiError(404, 'Not found.');
}

module.exports = { handleAuthArmor, ROUTES };
