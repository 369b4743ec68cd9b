// @ts-check
'use strict';

const crypto = require('crypto');

/**
 * Fixture data of the sandbox: Armor Defense users, accounts and API keys, the v2 services' records (MDR
 * incidents and service requests, VMs, agent health; generated from an index), the Auth Armor API client and
 * the deterministic Auth Armor user list (generated from an index, never stored).
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

// ---------------------------------------------------------------- Armor API keys (ARMOR-PSK)

/** The vendor guide's test key (its signature vector: GET /me, nonce = timestamp = 1528140529); acts as the demo user. */
const ARMOR_API_KEY = deepFreeze({
	keyId: '20a37099-4a0b-432f-bf46-5fa690a0405c',
	secret: 'test-secret',
	userId: ARMOR_DEMO_USER.id,
});

/** A key of the MFA user (no MFA prompt: that is what keys are for). */
const ARMOR_API_KEY_MFA_USER = deepFreeze({
	keyId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
	secret: 'mfa-test-secret',
	userId: ARMOR_MFA_USER.id,
});

const ARMOR_API_KEYS = deepFreeze([ARMOR_API_KEY, ARMOR_API_KEY_MFA_USER]);

/** How far (seconds) an ARMOR-PSK timestamp may be from the sandbox's clock. */
const ARMOR_PSK_MAX_CLOCK_DIFFERENCE_SECONDS = 300;

// ---------------------------------------------------------------- v2 services (MDR, infrastructure, agents)

/** The path prefixes of the v2 services on the services listener (one host each at the vendor). */
const ARMOR_SERVICE_PREFIXES = deepFreeze(['/mdr', '/infrastructure', '/agent-management']);

const MDR_INCIDENTS_PER_ACCOUNT = 37;
const MDR_SERVICE_REQUESTS_PER_ACCOUNT = 12;
/** The MDR spec's default `pageSize` (incidents and service requests). */
const MDR_DEFAULT_PAGE_SIZE = 20;
const MDR_MAX_PAGE_SIZE = 100;
const MDR_INCIDENT_STATUSES = deepFreeze([
	'Open',
	'In Progress',
	'Waiting for Customer',
	'Resolved',
	'Closed',
]);
const MDR_SERVICE_REQUEST_STATUSES = deepFreeze([
	'Open',
	'In Progress',
	'Waiting for Support',
	'Resolved',
]);
const MDR_PRIORITIES = deepFreeze(['Low', 'Medium', 'High', 'Critical']);
const MDR_TOPICS = [
	'Suspicious sign-in',
	'Malware detected',
	'Brute force attempt',
	'Data exfiltration alert',
	'Privilege escalation',
	'Phishing email reported',
	'Unusual outbound traffic',
];
const MITRE_TACTICS = [
	{ name: 'Initial Access', id: 'TA0001' },
	{ name: 'Execution', id: 'TA0002' },
	{ name: 'Persistence', id: 'TA0003' },
	{ name: 'Credential Access', id: 'TA0006' },
	{ name: 'Lateral Movement', id: 'TA0008' },
];
const MINUTE_MS = 60 * 1000;

/**
 * The account a fixture belongs to (for `orgs`, `approvedOrgs`).
 * @param {number} accountId
 */
function accountName(accountId) {
	for (const user of ARMOR_USERS) {
		const account = user.accounts.find((a) => a.id === accountId);
		if (account) return account.name;
	}
	return `Account ${accountId}`;
}

/**
 * Issue key of MDR incident n (1-based) of an account: `SEC-` + (accountId * 100 + n), e.g. SEC-100101.
 * @param {number} accountId
 * @param {number} n
 */
function mdrIncidentKey(accountId, n) {
	return `SEC-${accountId * 100 + n}`;
}

/**
 * Issue key of MDR service request n (1-based) of an account: `SR-` + (accountId * 100 + n).
 * @param {number} accountId
 * @param {number} n
 */
function mdrServiceRequestKey(accountId, n) {
	return `SR-${accountId * 100 + n}`;
}

/**
 * The account and number a key of that prefix names, or undefined (case-insensitive).
 * @param {string} key
 * @param {'SEC' | 'SR'} prefix
 * @returns {{ accountId: number, n: number } | undefined}
 */
function parseMdrKey(key, prefix) {
	const match = /^([A-Za-z]+)-(\d{3,12})$/.exec(key);
	if (!match || match[1].toUpperCase() !== prefix) return undefined;
	const number = Number(match[2]);
	return { accountId: Math.floor(number / 100), n: number % 100 };
}

/**
 * Created time of item n: a permutation of n (17 and the count are coprime), so that sorting by `created`
 * differs from sorting by id.
 * @param {number} accountId
 * @param {number} n
 * @param {number} count
 */
function mdrCreated(accountId, n, count) {
	return FIXTURE_EPOCH_MS + ((n * 17) % count) * 6 * HOUR_MS + (accountId % 100) * MINUTE_MS;
}

/**
 * MDR incident n (1-based) of an account as GET /mdr/incidents lists it (spec schema `IncidentListItem`).
 * Status cycles through MDR_INCIDENT_STATUSES (n % 5), priority through MDR_PRIORITIES (n % 4).
 * @param {number} accountId
 * @param {number} n
 */
function mdrIncident(accountId, n) {
	const created = mdrCreated(accountId, n, MDR_INCIDENTS_PER_ACCOUNT);
	const tactics = [MITRE_TACTICS[n % MITRE_TACTICS.length]];
	if (n % 2 === 0) tactics.push(MITRE_TACTICS[(n + 2) % MITRE_TACTICS.length]);
	return {
		id: mdrIncidentKey(accountId, n),
		summary: `${MDR_TOPICS[n % MDR_TOPICS.length]} (sandbox incident ${n} of account ${accountId})`,
		status: MDR_INCIDENT_STATUSES[n % MDR_INCIDENT_STATUSES.length],
		priority: MDR_PRIORITIES[n % MDR_PRIORITIES.length],
		created: new Date(created).toISOString(),
		updated: new Date(created + (n % 5) * HOUR_MS).toISOString(),
		assignee: n % 3 === 0 ? null : 'Armor SOC Analyst',
		orgs: [{ orgId: String(accountId), orgName: accountName(accountId) }],
		tactics,
	};
}

/**
 * Severity of MDR incident n (details only; also what `sortBy=severity` sorts by).
 * @param {number} n
 */
function mdrIncidentSeverity(n) {
	return MDR_PRIORITIES[(n * 3) % MDR_PRIORITIES.length];
}

/**
 * The comments incident n starts with: one by the SOC on every third incident.
 * @param {number} accountId
 * @param {number} n
 */
function mdrSeedComments(accountId, n) {
	if (n % 3 !== 0) return [];
	const at = new Date(mdrCreated(accountId, n, MDR_INCIDENTS_PER_ACCOUNT) + HOUR_MS).toISOString();
	return [
		{
			id: String(accountId * 1000 + n),
			authorDisplayName: 'Armor SOC',
			authorEmail: 'soc@armor.example',
			body: `Investigating incident ${n}.`,
			created: at,
			updated: at,
			isPublic: true,
		},
	];
}

/**
 * MDR incident n (1-based) of an account as GET /mdr/incidents/{issueKey} returns it before any comment is
 * added (spec schema `IncidentDetails`, the fields a client reads).
 * @param {number} accountId
 * @param {number} n
 */
function mdrIncidentDetails(accountId, n) {
	const item = mdrIncident(accountId, n);
	return {
		tenantId: null,
		incidentId: `00000000-0000-4000-9000-${String(accountId).padStart(6, '0')}${String(n).padStart(6, '0')}`,
		displayName: item.summary,
		status: item.status,
		createdDateTime: item.created,
		lastUpdateDateTime: item.updated,
		severity: mdrIncidentSeverity(n),
		mitreTactics: item.tactics.map((t) => t.name),
		source: ['Microsoft Sentinel'],
		detectionSource: 'Microsoft Sentinel',
		assignee: item.assignee,
		ticketCreatedDateTime: item.created,
		ticketUpdatedDateTime: item.updated,
		ticketDescription: `Sandbox description of ${item.id}.`,
		ticketSummary: item.summary,
		incidentLink: `https://amp.armor.example/mdr/incidents/${item.id}`,
		orgs: [{ id: String(accountId), name: accountName(accountId) }],
		comments: mdrSeedComments(accountId, n),
		alerts: [],
		impactedAssets: [],
		changeLog: [],
	};
}

/**
 * MDR service request n (1-based) of an account (spec schema `ServiceRequestListItem`).
 * @param {number} accountId
 * @param {number} n
 */
function mdrServiceRequest(accountId, n) {
	const created = mdrCreated(accountId, n, MDR_SERVICE_REQUESTS_PER_ACCOUNT + 1);
	return {
		id: mdrServiceRequestKey(accountId, n),
		summary: `Sandbox service request ${n} of account ${accountId}`,
		status: MDR_SERVICE_REQUEST_STATUSES[n % MDR_SERVICE_REQUEST_STATUSES.length],
		priority: MDR_PRIORITIES[n % MDR_PRIORITIES.length],
		created: new Date(created).toISOString(),
		updated: new Date(created + (n % 4) * HOUR_MS).toISOString(),
		assignee: n % 2 === 0 ? 'Armor Support' : null,
		orgs: [{ orgId: String(accountId), orgName: accountName(accountId) }],
	};
}

const INFRASTRUCTURE_VMS_PER_ACCOUNT = 30;
const INFRASTRUCTURE_DEFAULT_TOP = 25;
const INFRASTRUCTURE_MAX_TOP = 100;
const OPERATING_SYSTEMS = [
	'Windows Server 2019',
	'Ubuntu 22.04',
	'Windows Server 2022',
	'Red Hat Enterprise Linux 8',
	'Amazon Linux 2',
];

/**
 * coreInstanceId of VM n (1-based) of an account: `c0000000-0000-4000-8000-` + 6-digit account + 6-digit n.
 * The first AGENT_HEALTH_PER_ACCOUNT VMs are also the agents of the health status.
 * @param {number} accountId
 * @param {number} n
 */
function coreInstanceId(accountId, n) {
	return `c0000000-0000-4000-8000-${String(accountId).padStart(6, '0')}${String(n).padStart(6, '0')}`;
}

/**
 * VM n (1-based) of an account (spec schema `InfrastructureManagementGetVirtualMachine`).
 * @param {number} accountId
 * @param {number} n
 */
function infrastructureVirtualMachine(accountId, n) {
	return {
		coreInstanceId: coreInstanceId(accountId, n),
		hostName: `vm-${accountId}-${String(n).padStart(2, '0')}`,
		operatingSystem: OPERATING_SYSTEMS[n % OPERATING_SYSTEMS.length],
	};
}

const AGENT_HEALTH_PER_ACCOUNT = 8;
const SUB_AGENTS = [
	{ SubAgentName: 'Trend Micro Deep Security', Version: '20.0.1-9400' },
	{ SubAgentName: 'Filebeat', Version: '8.11.1' },
	{ SubAgentName: 'Osquery', Version: '5.10.2' },
];

/**
 * Health record of agent n (1-based) of an account (spec schema `AgentManagementHealthMonitoringStatusResults`):
 * agent n runs on VM n. Every fourth agent is unregistered (`IsRegistered` is a string, as in the spec); on every
 * third one the log shipper is unhealthy.
 * @param {number} accountId
 * @param {number} n
 */
function agentHealthStatus(accountId, n) {
	const updated = new Date(
		FIXTURE_EPOCH_MS + n * HOUR_MS + (accountId % 100) * MINUTE_MS,
	).toISOString();
	return {
		AccountId: accountId,
		CoreInstance: coreInstanceId(accountId, n),
		IsRegistered: n % 4 === 0 ? 'false' : 'true',
		SubAgents: SUB_AGENTS.map((sub, i) => {
			const unhealthy = i === 1 && n % 3 === 0;
			return {
				...sub,
				Status: unhealthy ? 'Unhealthy' : 'Healthy',
				Message: unhealthy ? 'No logs shipped in the last 24 hours.' : 'OK',
				UpdateTime: updated,
			};
		}),
	};
}

// ---------------------------------------------------------------- Auth Armor

const AUTHARMOR_SCOPE_REQUEST_AUTH = 'aarmor.api.request_auth';
const AUTHARMOR_SCOPE_GENERATE_INVITE_CODE = 'aarmor.api.generate_invite_code';

/**
 * The full client: both scopes, and user management (users, credentials, auth history, registrations).
 * `manageUsers` is the sandbox's model of an API key limited to auth requests; the spec does not say which
 * scope guards which operation.
 */
const AUTHARMOR_CLIENT = deepFreeze({
	clientId: 'sandbox-client',
	clientSecret: 'sandbox-secret',
	scopes: [AUTHARMOR_SCOPE_REQUEST_AUTH, AUTHARMOR_SCOPE_GENERATE_INVITE_CODE],
	manageUsers: true,
});

/** A client granted only `aarmor.api.request_auth`: the auth endpoints work, /v{3,4}/users* answer 403. */
const AUTHARMOR_REQUEST_AUTH_CLIENT = deepFreeze({
	clientId: 'sandbox-request-auth-client',
	clientSecret: 'sandbox-request-auth-secret',
	scopes: [AUTHARMOR_SCOPE_REQUEST_AUTH],
	manageUsers: false,
});

const AUTHARMOR_CLIENTS = deepFreeze([AUTHARMOR_CLIENT, AUTHARMOR_REQUEST_AUTH_CLIENT]);

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

// ---------------------------------------------------------------- Auth Armor: credentials, auth history

/** The spec's `credential_type` values, in the order a user's fixture credentials are listed. */
const AUTHARMOR_CREDENTIAL_TYPES = deepFreeze([
	'autharmor_authenticator',
	'magiclink_email',
	'webauthn',
]);

/** `auth_methods` names and ids (the spec's enum order, 1-based) of the three credential types. */
const AUTHARMOR_AUTH_METHODS = deepFreeze({
	autharmor_authenticator: { name: 'AuthArmorAuthenticator', id: 3, usetype: 'biometric' },
	magiclink_email: { name: 'Magiclink_Email', id: 4, usetype: 'magiclink_email' },
	webauthn: { name: 'WebAuthN', id: 6, usetype: 'fido2' },
});

/** `auth_request_status_id` values (armor-apis.md; the .NET SDK's AuthRequestStatus). */
const AUTHARMOR_AUTH_STATUS = deepFreeze({
	COMPLETED: 2,
	PENDING_APPROVAL: 3,
	PENDING_VALIDATION: 4,
});

/** `auth_request_status_name` by id. */
const AUTHARMOR_AUTH_STATUS_NAMES = deepFreeze({
	2: 'Completed',
	3: 'Pending Approval',
	4: 'Pending Validation',
});

/** Auth `result_code` values (armor-apis.md; the .NET SDK's AuthResponseStatus). */
const AUTHARMOR_RESULT = deepFreeze({
	PENDING_APPROVAL: 1,
	SUCCESS: 2,
	DECLINED: 3,
	INVALID_SIGNATURE: 4,
	TIMEOUT: 5,
	PENDING_VALIDATION: 8,
	VALIDATION_TIMEOUT: 9,
	SECURITY_EXCEPTION: 10,
});

/** `result_message` by result code (the .NET SDK's display names). */
const AUTHARMOR_RESULT_MESSAGES = deepFreeze({
	1: 'Pending User Approval',
	2: 'Success',
	3: 'Declined',
	4: 'Invalid Signature',
	5: 'Approval Timeout',
	8: 'Pending Validation',
	9: 'Validation Timeout',
	10: 'Security Exception',
});

/** `registration_status_code` values (the Node SDK's RegistrationRequestStatusCode). */
const AUTHARMOR_REGISTRATION_STATUS = deepFreeze({
	PENDING: 1,
	REGISTERED: 2,
	DECLINED: 3,
	TIMEOUT: 5,
	PENDING_VALIDATION: 8,
});

/** `registration_status_name` by code. */
const AUTHARMOR_REGISTRATION_STATUS_NAMES = deepFreeze({
	1: 'Pending User Acceptance',
	2: 'Registered',
	3: 'Declined',
	5: 'Timeout',
	8: 'Pending Validation',
});

/** Project defaults for `timeout_in_seconds` when a request does not send one. */
const AUTHARMOR_DEFAULT_AUTH_TIMEOUT_SECONDS = 60;
const AUTHARMOR_DEFAULT_REGISTRATION_TIMEOUT_SECONDS = 300;

/** Fixture auth history records per user (API-started auth requests are added after them). */
const AUTHARMOR_AUTH_HISTORY_PER_USER = 23;

const AUTHARMOR_PHONES = ['iPhone 15', 'Pixel 8'];
const AUTHARMOR_KEYS = ['YubiKey 5C', 'Windows Hello', 'Touch ID'];

/**
 * Credential `n` (1-based, within the user) of user `index`: 'ca000000-0000-4000-8000-' + 10-digit index +
 * 2-digit n.
 * @param {number} index
 * @param {number} n
 */
function authArmorCredentialId(index, n) {
	return `ca000000-0000-4000-8000-${String(index).padStart(10, '0')}${String(n).padStart(2, '0')}`;
}

/**
 * The user index and number a fixture credential id encodes, or undefined.
 * @param {string} credentialId
 * @returns {{ index: number, n: number } | undefined}
 */
function parseAuthArmorCredentialId(credentialId) {
	const match = /^ca000000-0000-4000-8000-(\d{10})(\d{2})$/i.exec(credentialId);
	return match ? { index: Number(match[1]), n: Number(match[2]) } : undefined;
}

/**
 * The fixture credentials (spec schema `credential`) of user `index`, in order: 2 authenticator phones when
 * index % 3 === 1 (else 1), a magic-link email for even users, then 1 + index % 3 WebAuthn keys (the third,
 * 'Touch ID', disabled). Dates: the user's `date_created` + n hours.
 * @param {number} index
 */
function authArmorCredentials(index) {
	const base = Date.parse(authArmorDateCreated(index));
	/** @type {{ name: string, credential_id: string, date_created: string, device_type: string, enabled: boolean }[]} */
	const list = [];
	/**
	 * @param {string} deviceType
	 * @param {string} name
	 * @param {boolean} enabled
	 */
	const add = (deviceType, name, enabled) => {
		const n = list.length + 1;
		list.push({
			name,
			credential_id: authArmorCredentialId(index, n),
			date_created: new Date(base + n * 3_600_000).toISOString(),
			device_type: deviceType,
			enabled,
		});
	};
	for (let k = 0; k < (index % 3 === 1 ? 2 : 1); k++)
		add('autharmor_authenticator', AUTHARMOR_PHONES[k], true);
	if (index % 2 === 0) add('magiclink_email', authArmorDefaultUsername(index), true);
	for (let k = 0; k < 1 + (index % 3); k++) add('webauthn', AUTHARMOR_KEYS[k], k < 2);
	return list;
}

/**
 * `auth_method_masked_info` of an email address: its first character, '***', the domain.
 * @param {string} email
 */
function maskEmail(email) {
	const at = email.lastIndexOf('@');
	return at > 0 ? `${email[0]}***${email.slice(at)}` : '***';
}

/**
 * `enrolled_auth_methods` (spec schema `enrolled_auth_method`) for a list of credentials: one entry per
 * credential type that has an enabled credential (authenticator, magic link, WebAuthn order).
 * @param {number} index
 * @param {readonly { name: string | null, device_type: string, enabled: boolean }[]} credentials
 */
function authArmorEnrolledAuthMethodsOf(index, credentials) {
	const methods = [];
	for (const type of AUTHARMOR_CREDENTIAL_TYPES) {
		const first = credentials.find((c) => c.enabled && c.device_type === type);
		if (!first) continue;
		const method =
			AUTHARMOR_AUTH_METHODS[/** @type {keyof typeof AUTHARMOR_AUTH_METHODS} */ (type)];
		methods.push({
			auth_method_name: method.name,
			auth_method_id: method.id,
			auth_method_masked_info:
				type === 'autharmor_authenticator'
					? `Phone ***${String(index % 1000).padStart(3, '0')}`
					: type === 'magiclink_email'
						? maskEmail(first.name ?? '')
						: first.name,
		});
	}
	return methods;
}

/**
 * `enrolled_auth_methods` of user `index` as generated: the authenticator app for everyone, a magic-link email
 * for even users, WebAuthn for everyone.
 * @param {number} index
 */
function authArmorEnrolledAuthMethods(index) {
	return authArmorEnrolledAuthMethodsOf(index, authArmorCredentials(index));
}

/**
 * A `get_auth_request_response` (what GET /v4/auth/{id} and the auth history list), built from its parts.
 * @param {object} p
 * @param {string} p.id auth_request_id = auth_history_id
 * @param {number} p.statusId
 * @param {number} p.resultCode
 * @param {'autharmor_authenticator' | 'magiclink_email' | 'webauthn'} p.type
 * @param {string} p.requestedAt ISO date
 * @param {string | null} p.respondedAt ISO date; null while pending and for timeouts
 * @param {{ user_id: string, username: string | null } | null} p.requestProfile null for a usernameless request
 * @param {{ user_id: string, username: string | null } | null} p.responseProfile who answered
 * @param {{ latitude: string | null, longitude: string | null, ip_address: string | null } | null} p.location
 * @param {string | null} p.nonce
 */
function authArmorAuthInfo(p) {
	const method = AUTHARMOR_AUTH_METHODS[p.type];
	const answered = p.respondedAt !== null && p.responseProfile !== null;
	/** @type {Record<string, unknown> | null} */
	let signed = null;
	if (answered && p.type !== 'magiclink_email') {
		const signedData = Buffer.from(
			JSON.stringify({
				auth_request_id: p.id,
				result_code: p.resultCode,
				nonce: p.nonce,
				user_id: p.responseProfile?.user_id,
				date: p.respondedAt,
			}),
		).toString('base64');
		signed = {
			signed_data: signedData,
			signature_data: {
				hash_value: crypto.createHash('sha256').update(signedData).digest('hex'),
				signature_data: crypto
					.createHash('sha512')
					.update(`sandbox-signature:${signedData}`)
					.digest('base64'),
				auth_method_usetype: method.usetype,
				signing_method: p.type === 'webauthn' ? 'FIDO_U2F' : 'AuthArmor_ECDsa',
				auth_method: method.name,
				hash_method: 'Sha256',
			},
			signed_data_type: 'AuthResponse',
			signature_validation_details: null,
		};
	}
	return {
		auth_request_status_id: p.statusId,
		auth_request_status_name:
			AUTHARMOR_AUTH_STATUS_NAMES[/** @type {2 | 3 | 4} */ (p.statusId)] ?? 'Unknown',
		auth_response: {
			auth_history_id: p.id,
			result_code: p.resultCode,
			result_message:
				AUTHARMOR_RESULT_MESSAGES[
					/** @type {keyof typeof AUTHARMOR_RESULT_MESSAGES} */ (p.resultCode)
				] ?? 'Unknown',
			authorized: p.resultCode === AUTHARMOR_RESULT.SUCCESS,
			auth_details: {
				request_details: {
					date: p.requestedAt,
					auth_profile_details: p.requestProfile,
					origin_location_data: p.location,
					auth_method: method.name,
				},
				response_details: answered
					? {
							date: p.respondedAt,
							auth_method: { name: method.name, usetype: method.usetype },
							secure_signed_message: signed,
							mobile_device_details:
								p.type === 'autharmor_authenticator'
									? { platform: 'iOS', model: 'iPhone 15' }
									: null,
							auth_profile_details: p.responseProfile,
						}
					: null,
			},
		},
	};
}

const AUTHARMOR_HISTORY_RESULTS = [2, 2, 3, 2, 5, 4];

/**
 * Fixture auth history record `n` (1..23) of user `index` (a completed `get_auth_request_response`): result
 * code 10 (security exception) when n % 11 === 0, else [2, 2, 3, 2, 5, 4][n % 6] (success, declined,
 * timeout, invalid signature); method by n % 3 (authenticator, WebAuthn, magic link; odd users have no magic
 * link: authenticator); requested at the user's `date_created` + n days, answered 7 s later (timeouts: no
 * answer). id 'a0000000-0000-4000-8000-' + 10-digit index + 2-digit n.
 * @param {number} index
 * @param {number} n
 */
function authArmorAuthHistoryRecord(index, n) {
	const user = authArmorDefaultUser(index);
	const resultCode = n % 11 === 0 ? 10 : AUTHARMOR_HISTORY_RESULTS[n % 6];
	/** @type {('autharmor_authenticator' | 'magiclink_email' | 'webauthn')[]} */
	const types = ['autharmor_authenticator', 'webauthn', 'magiclink_email'];
	let type = types[n % 3];
	if (type === 'magiclink_email' && index % 2 === 1) type = 'autharmor_authenticator';
	const requested = Date.parse(user.date_created) + n * 86_400_000;
	const profile = { user_id: user.user_id, username: user.username };
	const timedOut = resultCode === AUTHARMOR_RESULT.TIMEOUT;
	return authArmorAuthInfo({
		id: `a0000000-0000-4000-8000-${String(index).padStart(10, '0')}${String(n).padStart(2, '0')}`,
		statusId: AUTHARMOR_AUTH_STATUS.COMPLETED,
		resultCode,
		type,
		requestedAt: new Date(requested).toISOString(),
		respondedAt: timedOut ? null : new Date(requested + 7_000).toISOString(),
		requestProfile: profile,
		responseProfile: timedOut ? null : profile,
		location: { latitude: '38.8951', longitude: '-77.0364', ip_address: `198.51.100.${n}` },
		nonce: `history-${n}`,
	});
}

/**
 * The 23 fixture auth history records of user `index`, oldest first.
 * @param {number} index
 */
function authArmorAuthHistory(index) {
	return Array.from({ length: AUTHARMOR_AUTH_HISTORY_PER_USER }, (_, i) =>
		authArmorAuthHistoryRecord(index, i + 1),
	);
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
	ARMOR_API_KEY,
	ARMOR_API_KEY_MFA_USER,
	ARMOR_API_KEYS,
	ARMOR_PSK_MAX_CLOCK_DIFFERENCE_SECONDS,
	ARMOR_SERVICE_PREFIXES,
	MDR_INCIDENTS_PER_ACCOUNT,
	MDR_SERVICE_REQUESTS_PER_ACCOUNT,
	MDR_DEFAULT_PAGE_SIZE,
	MDR_MAX_PAGE_SIZE,
	MDR_INCIDENT_STATUSES,
	MDR_SERVICE_REQUEST_STATUSES,
	MDR_PRIORITIES,
	mdrIncidentKey,
	mdrServiceRequestKey,
	parseMdrKey,
	mdrIncident,
	mdrIncidentSeverity,
	mdrIncidentDetails,
	mdrServiceRequest,
	INFRASTRUCTURE_VMS_PER_ACCOUNT,
	INFRASTRUCTURE_DEFAULT_TOP,
	INFRASTRUCTURE_MAX_TOP,
	infrastructureVirtualMachine,
	AGENT_HEALTH_PER_ACCOUNT,
	agentHealthStatus,
	AUTHARMOR_SCOPE_REQUEST_AUTH,
	AUTHARMOR_SCOPE_GENERATE_INVITE_CODE,
	AUTHARMOR_CLIENT,
	AUTHARMOR_REQUEST_AUTH_CLIENT,
	AUTHARMOR_CLIENTS,
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
	authArmorEnrolledAuthMethodsOf,
	AUTHARMOR_CREDENTIAL_TYPES,
	AUTHARMOR_AUTH_METHODS,
	AUTHARMOR_AUTH_STATUS,
	AUTHARMOR_AUTH_STATUS_NAMES,
	AUTHARMOR_RESULT,
	AUTHARMOR_RESULT_MESSAGES,
	AUTHARMOR_REGISTRATION_STATUS,
	AUTHARMOR_REGISTRATION_STATUS_NAMES,
	AUTHARMOR_DEFAULT_AUTH_TIMEOUT_SECONDS,
	AUTHARMOR_DEFAULT_REGISTRATION_TIMEOUT_SECONDS,
	AUTHARMOR_AUTH_HISTORY_PER_USER,
	authArmorCredentialId,
	parseAuthArmorCredentialId,
	authArmorCredentials,
	authArmorAuthInfo,
	authArmorAuthHistoryRecord,
	authArmorAuthHistory,
};
