// @ts-check
'use strict';

/**
 * Fixture data of the sandbox: Armor Defense users and accounts, the Auth Armor API client and the
 * deterministic Auth Armor user list (generated from an index, never stored).
 */

/**
 * @template T
 * @param {T} value
 * @returns {Readonly<T>}
 */
function deepFreeze(value) {
	if (value && typeof value === 'object' && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const child of Object.values(value)) deepFreeze(child);
	}
	return value;
}

// ---------------------------------------------------------------- Armor Defense

/**
 * @param {number} id
 * @param {string} name
 * @param {number} parent
 * @param {string} accountType
 */
function armorAccount(id, name, parent, accountType) {
	return { id, name, currency: 'USD ', status: 'Claimed', parent, products: {}, accountType };
}

const ARMOR_DEMO_USER = deepFreeze({
	id: 501,
	username: 'demo@armor.example',
	password: 'demo-password',
	mfa: false,
	firstName: 'Demo',
	lastName: 'User',
	accounts: [
		armorAccount(1001, 'Demo Main', 0, 'Direct'),
		armorAccount(1002, 'Demo Child', 1001, 'Reseller'),
	],
});

const ARMOR_MFA_USER = deepFreeze({
	id: 502,
	username: 'mfa@armor.example',
	password: 'mfa-password',
	mfa: true,
	firstName: 'Mfa',
	lastName: 'User',
	accounts: [armorAccount(2001, 'MFA Account', 0, 'Direct')],
});

const ARMOR_USERS = deepFreeze([ARMOR_DEMO_USER, ARMOR_MFA_USER]);

const ARMOR_PERMISSIONS = deepFreeze([
	'account.read',
	'ticket.read',
	'ticket.write',
	'security-incident.read',
]);

const ARMOR_TICKETS_PER_ACCOUNT = 12;
const ARMOR_TICKETS_DEFAULT_MAX_RESULTS = 10;
const ARMOR_TICKETS_MAX_RESULTS = 100;
const ARMOR_INCIDENTS_PER_ACCOUNT = 23;
const ARMOR_INCIDENTS_PAGE_SIZE = 10;

const TICKET_STATUSES = ['Open', 'In Progress', 'Waiting on Customer', 'Resolved'];
const PRIORITIES = ['Low', 'Medium', 'High', 'Critical'];
const FIXTURE_EPOCH_MS = Date.UTC(2024, 0, 1);
const HOUR_MS = 3600 * 1000;

/**
 * Ticket n (1-based) of an account; deterministic.
 * @param {number} accountId
 * @param {number} n
 */
function armorTicket(accountId, n) {
	const created = new Date(
		FIXTURE_EPOCH_MS + (accountId % 100) * HOUR_MS + n * 24 * HOUR_MS,
	).toISOString();
	return {
		key: `ARM-${accountId}-${String(n).padStart(3, '0')}`,
		summary: `Sandbox ticket ${n} of account ${accountId}`,
		status: TICKET_STATUSES[n % TICKET_STATUSES.length],
		priority: PRIORITIES[n % PRIORITIES.length],
		accountId,
		created,
		updated: created,
	};
}

/**
 * Security incident n (1-based) of an account; deterministic.
 * @param {number} accountId
 * @param {number} n
 */
function armorSecurityIncident(accountId, n) {
	return {
		id: accountId * 1000 + n,
		accountId,
		title: `Sandbox security incident ${n}`,
		severity: PRIORITIES[n % PRIORITIES.length],
		status: n % 3 === 0 ? 'Closed' : 'Open',
		createdDate: new Date(FIXTURE_EPOCH_MS + n * 12 * HOUR_MS).toISOString(),
	};
}

// ---------------------------------------------------------------- Auth Armor

const AUTHARMOR_CLIENT = deepFreeze({
	clientId: 'sandbox-client',
	clientSecret: 'sandbox-secret',
	scopes: ['aarmor.api.request_auth', 'aarmor.api.generate_invite_code'],
});

const AUTHARMOR_EMPTY_GUID = '00000000-0000-0000-0000-000000000000';
const AUTHARMOR_DEFAULT_USER_COUNT = 25;
const AUTHARMOR_DEFAULT_PAGE_SIZE = 20;
const AUTHARMOR_MAX_PAGE_SIZE = 100;
const AUTHARMOR_USER_ID_PREFIX = '00000000-0000-4000-8000-';
const AUTHARMOR_USER_DOMAIN = 'autharmor.example';

/** @param {number} index 1-based */
function authArmorUserId(index) {
	return AUTHARMOR_USER_ID_PREFIX + String(index).padStart(12, '0');
}

/**
 * The index encoded in a sandbox user id, or 0 when the id is not one of ours.
 * @param {string} userId
 */
function authArmorUserIndex(userId) {
	const match = /^00000000-0000-4000-8000-(\d{12})$/i.exec(userId);
	return match ? Number(match[1]) : 0;
}

/** @param {number} index 1-based */
function authArmorDefaultUsername(index) {
	return `user${index}@${AUTHARMOR_USER_DOMAIN}`;
}

/**
 * The index a default username names (ignoring renames), or 0.
 * @param {string} username
 */
function authArmorIndexOfDefaultUsername(username) {
	const match = /^user([1-9]\d{0,11})@autharmor\.example$/i.exec(username);
	return match ? Number(match[1]) : 0;
}

/** @param {number} index 1-based */
function authArmorDateCreated(index) {
	return new Date(Date.UTC(2023, 0, 1) + index * 60 * 1000).toISOString();
}

/**
 * The `user` record (spec schema `user`) of user `index` as generated, before any rename.
 * @param {number} index 1-based
 */
function authArmorDefaultUser(index) {
	const username = authArmorDefaultUsername(index);
	return {
		user_id: authArmorUserId(index),
		email_address: username,
		username,
		date_created: authArmorDateCreated(index),
	};
}

/**
 * `enrolled_auth_methods` of user `index` (spec schema `enrolled_auth_method`): everyone has the
 * authenticator app, even-numbered users also a magic-link email.
 * @param {number} index
 */
function authArmorEnrolledAuthMethods(index) {
	const methods = [
		{
			auth_method_name: 'AuthArmorAuthenticator',
			auth_method_id: 3,
			auth_method_masked_info: `Phone ***${String(index % 1000).padStart(3, '0')}`,
		},
	];
	if (index % 2 === 0) {
		methods.push({
			auth_method_name: 'Magiclink_Email',
			auth_method_id: 4,
			auth_method_masked_info: `u***@${AUTHARMOR_USER_DOMAIN}`,
		});
	}
	return methods;
}

const AUTHARMOR_DEMO_USER = deepFreeze(authArmorDefaultUser(1));

module.exports = {
	ARMOR_DEMO_USER,
	ARMOR_MFA_USER,
	ARMOR_USERS,
	ARMOR_PERMISSIONS,
	ARMOR_TICKETS_PER_ACCOUNT,
	ARMOR_TICKETS_DEFAULT_MAX_RESULTS,
	ARMOR_TICKETS_MAX_RESULTS,
	ARMOR_INCIDENTS_PER_ACCOUNT,
	ARMOR_INCIDENTS_PAGE_SIZE,
	armorTicket,
	armorSecurityIncident,
	AUTHARMOR_CLIENT,
	AUTHARMOR_EMPTY_GUID,
	AUTHARMOR_DEFAULT_USER_COUNT,
	AUTHARMOR_DEFAULT_PAGE_SIZE,
	AUTHARMOR_MAX_PAGE_SIZE,
	AUTHARMOR_DEMO_USER,
	authArmorUserId,
	authArmorUserIndex,
	authArmorDefaultUsername,
	authArmorIndexOfDefaultUsername,
	authArmorDefaultUser,
	authArmorEnrolledAuthMethods,
};
