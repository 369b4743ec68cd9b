// @ts-check
'use strict';

/**
 * Fixture generators of the Armor Defense v1 resources beyond login, /me, /accounts, /tickets/list and
 * /security-incidents (those live in fixtures.js): every record is a pure function of the account id and an
 * index, so tests can compute what the sandbox answers. The sandbox keeps its changes (renames, power states,
 * deletions, new tiers, comments, transitions, API keys, rule toggles) in a per-sandbox overlay
 * (armor/store.js); these functions always return the records as generated.
 *
 * Id scheme (A = account id, n = 1-based index): VM A*1000+100+n, workload A*1000+200+n, tier A*1000+300+k,
 * order A*1000+400+n, firewall ovdcId A*1000+500+n (firewall id A*1000+550+n), user A*1000+600+n, role
 * A*1000+700+n, contact A*1000+800+n, activity A*1000+900+n, firewall rule ovdcId*100+n, child account A*100+n,
 * log source A*1000+n, IP reputation event A*1000+n, ticket archive entry A*1000+n,
 * ticket comment A*10000000+t*10000+c.
 */

const fx = require('./fixtures');

const EPOCH_MS = Date.UTC(2024, 0, 1);
const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** @param {number} ms */
const iso = (ms) => new Date(ms).toISOString();

/**
 * @param {number} value
 * @param {number} width
 */
const pad = (value, width) => String(value).padStart(width, '0');

/**
 * A deterministic 32-bit mix of a few integers (for values that should look random but never change).
 * @param {...number} values
 */
function mix(...values) {
	let h = 0x811c9dc5;
	for (const value of values) {
		h = Math.imul(h ^ (value & 0xffff), 0x01000193);
		h = Math.imul(h ^ (value >>> 16), 0x01000193);
	}
	h ^= h >>> 15;
	h = Math.imul(h, 0x2c1b3c6d);
	h ^= h >>> 12;
	return h >>> 0;
}

/**
 * A UUID-shaped id: `<prefix>-0000-4000-8000-` + 8-digit account id + 4-digit index.
 * @param {string} prefix 8 hex digits
 * @param {number} accountId
 * @param {number} n
 */
function fixtureGuid(prefix, accountId, n) {
	return `${prefix}-0000-4000-8000-${pad(accountId, 8)}${pad(n, 4)}`;
}

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

// ---------------------------------------------------------------- counts

const ARMOR_CHILD_ACCOUNTS_GENERATED = 2;
const ARMOR_ACTIVITY_PER_ACCOUNT = 27;
const ARMOR_ACTIVITY_PAGE_SIZE = 10;
const ARMOR_CONTACTS_PER_ACCOUNT = 4;
const ARMOR_GENERATED_USERS_PER_ACCOUNT = 3;
const ARMOR_ROLES_PER_ACCOUNT = 3;
const ARMOR_KEYS_PER_USER = 2;
const ARMOR_MAX_KEYS_PER_USER = 10;
const ARMOR_VMS_PER_ACCOUNT = 6;
const ARMOR_WORKLOADS_PER_ACCOUNT = 4;
const ARMOR_TIERS_PER_ACCOUNT = 5;
const ARMOR_ORDERS_PER_ACCOUNT = 5;
const ARMOR_FIREWALLS_PER_ACCOUNT = 2;
const ARMOR_FIREWALL_RULES_PER_FIREWALL = 23;
const ARMOR_FIREWALL_RULES_PAGE_SIZE = 10;
const ARMOR_IPRM_EVENTS_PER_ACCOUNT = 15;
const ARMOR_IPRM_PAGE_SIZE = 10;
const ARMOR_LOG_SOURCES_PER_ACCOUNT = 5;
const ARMOR_LOG_SEARCH_MAX_SIZE = 100;
const ARMOR_TICKET_ENTRIES_PER_ACCOUNT = 31;
const ARMOR_TICKET_COMMENTS_MAX_LIMIT = 100;
const ARMOR_TICKET_COMMENTS_DEFAULT_LIMIT = 50;
const ARMOR_PAGE_SIZE_MAX = 100;

/** vCloud Director VM status codes, as the vendor's `status` field carries them. */
const ARMOR_VM_STATUS = deepFreeze({ POWERED_ON: 4, POWERED_OFF: 8 });

// ---------------------------------------------------------------- accounts

/**
 * The fixture account with this id (of any fixture user), or undefined.
 * @param {number} accountId
 */
function fixtureAccount(accountId) {
	for (const user of fx.ARMOR_USERS) {
		const account = user.accounts.find((a) => a.id === accountId);
		if (account) return account;
	}
	return undefined;
}

/** @param {number} accountId */
function accountName(accountId) {
	return fixtureAccount(accountId)?.name ?? `Account ${accountId}`;
}

/**
 * GET /account/children: the fixture accounts whose parent is this account, then two generated customer
 * accounts (id accountId*100+n, Direct, parent = this account).
 * @param {number} accountId
 */
function armorChildAccounts(accountId) {
	/** @type {Map<number, any>} */
	const children = new Map();
	for (const user of fx.ARMOR_USERS) {
		for (const account of user.accounts) {
			if (account.parent === accountId && !children.has(account.id))
				children.set(account.id, { ...account });
		}
	}
	for (let n = 1; n <= ARMOR_CHILD_ACCOUNTS_GENERATED; n++) {
		const id = accountId * 100 + n;
		children.set(id, {
			id,
			name: `${accountName(accountId)} Customer ${n}`,
			currency: 'USD ',
			status: 'Claimed',
			parent: accountId,
			products: {},
			accountType: 'Direct',
		});
	}
	return [...children.values()];
}

const ACTIVITY_ACTIONS = [
	['Login', 'Authentication', 'Signed in to the Armor Management Portal'],
	['Update', 'User', 'Updated a user profile'],
	['Create', 'Ticket', 'Opened a support ticket'],
	['PowerAction', 'VirtualMachine', 'Rebooted a virtual machine'],
	['Update', 'Firewall', 'Changed a firewall rule'],
	['Create', 'ApiKey', 'Created an API key'],
	['Logout', 'Authentication', 'Signed out'],
];

/**
 * Activity entry n (1-based, 1 = newest) of an account, as GET /account/activity/history lists it.
 * @param {number} accountId
 * @param {number} n
 */
function armorActivity(accountId, n) {
	const [action, resource, description] = ACTIVITY_ACTIONS[(n - 1) % ACTIVITY_ACTIONS.length];
	const users = armorUsers(accountId);
	const user = users[(n - 1) % users.length];
	return {
		id: accountId * 1000 + 900 + n,
		accountId,
		userId: user.id,
		userEmail: user.email,
		action,
		resource,
		description,
		ipAddress: `198.51.100.${(n % 250) + 1}`,
		createdDate: iso(EPOCH_MS + 60 * DAY_MS - n * 7 * HOUR_MS + (accountId % 100) * MINUTE_MS),
	};
}

const CONTACT_TYPES = ['Primary', 'Billing', 'Technical', 'Security'];
const CONTACT_NAMES = [
	['Morgan', 'Reyes'],
	['Jordan', 'Patel'],
	['Riley', 'Kim'],
	['Quinn', 'Larsen'],
];

/**
 * Contact n (1-based) of an account, as GET /account/contacts lists it.
 * @param {number} accountId
 * @param {number} n
 */
function armorContact(accountId, n) {
	const [firstName, lastName] = CONTACT_NAMES[(n - 1) % CONTACT_NAMES.length];
	const contactType = CONTACT_TYPES[(n - 1) % CONTACT_TYPES.length];
	return {
		id: accountId * 1000 + 800 + n,
		accountId,
		contactType,
		isPrimary: n === 1,
		firstName,
		lastName,
		title: `${contactType} contact`,
		email: `${firstName}.${lastName}.${accountId}@armor.example`.toLowerCase(),
		phone: `+1 555 01${pad(n, 2)} ${pad(accountId % 10000, 4)}`,
	};
}

// ---------------------------------------------------------------- users, roles, permissions, API keys

const GENERATED_USER_NAMES = [
	['Avery', 'Nguyen', 'Security Engineer'],
	['Blake', 'Okafor', 'Systems Administrator'],
	['Casey', 'Schmidt', 'Auditor'],
];

/**
 * The permission catalogue of GET /permissions (same for every account): groups of permissions.
 */
const ARMOR_PERMISSION_GROUPS = deepFreeze([
	{
		name: 'Account',
		permissions: [
			permission(1, 'account.read', 'View account details', 'Account', [['GET', '/accounts']]),
			permission(2, 'account.contacts.read', 'View account contacts', 'Account', [
				['GET', '/account/contacts'],
			]),
			permission(3, 'account.history.read', 'View account activity', 'Account', [
				['GET', '/account/activity/history'],
			]),
		],
	},
	{
		name: 'Users',
		permissions: [
			permission(10, 'user.read', 'View users and roles', 'User', [
				['GET', '/users'],
				['GET', '/roles'],
			]),
			permission(11, 'user.keys.manage', 'Manage API keys', 'User', [
				['GET', '/users/{id}/keys'],
				['POST', '/users/{id}/keys'],
				['DELETE', '/users/{id}/keys/{keyId}'],
			]),
		],
	},
	{
		name: 'Infrastructure',
		permissions: [
			permission(20, 'vm.read', 'View virtual machines', 'VirtualMachine', [['GET', '/vms']]),
			permission(21, 'vm.write', 'Rename, power and delete virtual machines', 'VirtualMachine', [
				['PUT', '/vms/{id}'],
				['POST', '/vms/{id}/power/{action}'],
				['DELETE', '/vms/{id}'],
			]),
			permission(22, 'workload.write', 'Manage workloads and tiers', 'Workload', [
				['PUT', '/apps/{id}'],
				['POST', '/apps/{id}/tiers'],
			]),
			permission(23, 'firewall.write', 'Enable and disable firewall rules', 'Firewall', [
				['PUT', '/firewall/rules/{ruleId}'],
			]),
		],
	},
	{
		name: 'Security',
		permissions: [
			permission(30, 'security-incident.read', 'View security incidents', 'SecurityIncident', [
				['GET', '/security-incidents'],
			]),
			permission(31, 'log.search', 'Search logs', 'Log', [['POST', '/log-search/templatedsearch']]),
		],
	},
	{
		name: 'Support',
		permissions: [
			permission(40, 'ticket.read', 'View support tickets', 'Ticket', [['GET', '/tickets/list']]),
			permission(41, 'ticket.write', 'Comment on and transition tickets', 'Ticket', [
				['POST', '/tickets/{key}/comments'],
				['POST', '/tickets/{key}/transition'],
			]),
		],
	},
]);

/**
 * @param {number} id
 * @param {string} name
 * @param {string} description
 * @param {string} resource
 * @param {Array<[string, string]>} endpoints
 */
function permission(id, name, description, resource, endpoints) {
	return {
		id,
		name,
		description,
		resource,
		system: 'AMP',
		endpoints: endpoints.map(([method, route]) => ({ method, route })),
	};
}

const ALL_PERMISSION_IDS = ARMOR_PERMISSION_GROUPS.flatMap((g) => g.permissions.map((p) => p.id));
const READ_PERMISSION_IDS = ARMOR_PERMISSION_GROUPS.flatMap((g) =>
	g.permissions.filter((p) => /\.read$/.test(p.name)).map((p) => p.id),
);

/**
 * @param {number} accountId
 * @param {number} n 1-based
 */
function armorGeneratedUserId(accountId, n) {
	return accountId * 1000 + 600 + n;
}

/**
 * Generated user n (1..3) of an account, as GET /users lists it. User 3 is disabled and has no MFA.
 * @param {number} accountId
 * @param {number} n
 */
function armorGeneratedUser(accountId, n) {
	const [firstName, lastName, title] = GENERATED_USER_NAMES[(n - 1) % GENERATED_USER_NAMES.length];
	return userRecord({
		id: armorGeneratedUserId(accountId, n),
		firstName,
		lastName,
		title,
		email: `${firstName}.${lastName}.${accountId}@armor.example`.toLowerCase(),
		mfa: n !== 3,
		enabled: n !== 3,
		permissions: n === 1 ? ALL_PERMISSION_IDS : READ_PERMISSION_IDS,
		seed: accountId * 10 + n,
	});
}

/**
 * @param {{ id: number, firstName: string, lastName: string, title: string, email: string, mfa: boolean,
 *   enabled: boolean, permissions: readonly number[], seed: number }} input
 */
function userRecord({ id, firstName, lastName, title, email, mfa, enabled, permissions, seed }) {
	return {
		id,
		isMfaEnabled: mfa,
		status: enabled ? 'enabled' : 'disabled',
		title,
		firstName,
		lastName,
		email,
		phonePrimary: {
			countryCode: 1,
			countryIsoCode: 'US',
			number: `55501${pad(seed % 100000, 5)}`,
			phoneExt: null,
		},
		timezone: 'Central Standard Time',
		culture: 'en-US',
		permissions: [...permissions],
		lastModified: iso(EPOCH_MS + (seed % 50) * DAY_MS),
		passwordLastSet: iso(EPOCH_MS + (seed % 40) * DAY_MS),
		mustChangePassword: false,
		lastLogin: iso(EPOCH_MS + 59 * DAY_MS + (seed % 24) * HOUR_MS),
		mfaMode: mfa ? 'PhoneApp' : 'None',
		mfaPinMode: 'Standard',
		apiKeyCount: ARMOR_KEYS_PER_USER,
	};
}

/**
 * GET /users: the fixture login users who can act on the account (e.g. 501 for 1001 and 1002), then the
 * three generated users. `apiKeyCount` as generated (the sandbox reports the live count).
 * @param {number} accountId
 */
function armorUsers(accountId) {
	const users = fx.ARMOR_USERS.filter((u) => u.accounts.some((a) => a.id === accountId)).map((u) =>
		userRecord({
			id: u.id,
			firstName: u.firstName,
			lastName: u.lastName,
			title: 'Account Owner',
			email: u.username,
			mfa: u.mfa,
			enabled: true,
			permissions: ALL_PERMISSION_IDS,
			seed: u.id,
		}),
	);
	for (let n = 1; n <= ARMOR_GENERATED_USERS_PER_ACCOUNT; n++)
		users.push(armorGeneratedUser(accountId, n));
	for (const user of users) user.apiKeyCount = armorApiKeys(user.id).length;
	return users;
}

const ROLE_NAMES = ['Account Administrator', 'Security Analyst', 'Read Only'];

/**
 * Role n (1..3) of an account, as GET /roles lists it: 1 = administrators (the login users and generated
 * user 1), 2 = generated user 2, 3 (the default role) = generated user 3.
 * @param {number} accountId
 * @param {number} n
 */
function armorRole(accountId, n) {
	const users = armorUsers(accountId);
	const generated = (/** @type {number} */ k) => armorGeneratedUserId(accountId, k);
	const members =
		n === 1
			? users.filter((u) => u.id < accountId * 1000 || u.id === generated(1))
			: users.filter((u) => u.id === generated(n));
	return {
		id: accountId * 1000 + 700 + n,
		name: ROLE_NAMES[(n - 1) % ROLE_NAMES.length],
		default: n === 3,
		created: iso(EPOCH_MS + n * DAY_MS),
		modified: n === 2 ? iso(EPOCH_MS + 20 * DAY_MS) : null,
		permissions: n === 1 ? [...ALL_PERMISSION_IDS] : [...READ_PERMISSION_IDS],
		members: members.map((u) => ({
			id: u.id,
			email: u.email,
			firstName: u.firstName,
			lastName: u.lastName,
			enabled: u.status === 'enabled',
			added: iso(EPOCH_MS + (n + 1) * DAY_MS),
		})),
	};
}

/** @param {number} accountId */
function armorRoles(accountId) {
	const roles = [];
	for (let n = 1; n <= ARMOR_ROLES_PER_ACCOUNT; n++) roles.push(armorRole(accountId, n));
	return roles;
}

/**
 * Id of generated API key n of a user: `f0000000-0000-4000-8000-` + 10-digit user id + 2-digit n.
 * @param {number} userId
 * @param {number} n
 */
function armorApiKeyId(userId, n) {
	return `f0000000-0000-4000-8000-${pad(userId, 10)}${pad(n, 2)}`;
}

/**
 * The API keys of a user as generated (GET /users/{id}/keys; never with a secret): first the user's ARMOR-PSK
 * fixture keys (fixtures.js `ARMOR_API_KEYS`, e.g. the vendor guide's test key for user 501), then two
 * generated keys.
 * @param {number} userId
 */
function armorApiKeys(userId) {
	/** @type {ReadonlyArray<{ keyId: string, userId: number }>} */
	const pskKeys = /** @type {any} */ (fx).ARMOR_API_KEYS ?? [];
	/** @type {Array<{ id: string, name: string, description: string, userId: number, enabled: boolean, createdDate: string, lastUsedDate: string | null }>} */
	const keys = pskKeys
		.filter((k) => k.userId === userId)
		.map((k, i) => ({
			id: k.keyId,
			name: 'ARMOR-PSK test key',
			description: 'The key the sandbox accepts for ARMOR-PSK signatures.',
			userId,
			enabled: true,
			createdDate: iso(EPOCH_MS + i * HOUR_MS),
			lastUsedDate: null,
		}));
	for (let n = 1; n <= ARMOR_KEYS_PER_USER; n++) {
		keys.push({
			id: armorApiKeyId(userId, n),
			name: `Automation key ${n}`,
			description: n === 1 ? 'Scheduled reports' : '',
			userId,
			enabled: true,
			createdDate: iso(EPOCH_MS + n * 3 * DAY_MS),
			lastUsedDate: n === 1 ? iso(EPOCH_MS + 45 * DAY_MS) : null,
		});
	}
	return keys;
}

// ---------------------------------------------------------------- locations

/** GET /locations (same for every account); the last two have no zone (`requireZone=true` drops them). */
const ARMOR_LOCATIONS = deepFreeze([
	{
		id: 1,
		location: 'DFW01',
		name: 'US Central',
		zones: ['DFW01T01-VC01', 'DFW01T01-VC02', 'DFW01R01-VC01'],
	},
	{ id: 2, location: 'PHX01', name: 'US West', zones: ['PHX01T01-VC01', 'PHX01T01-VC02'] },
	{ id: 3, location: 'LHR01', name: 'EU West', zones: ['LHR01T01-VC01'] },
	{ id: 4, location: 'AMS01', name: 'EU Central', zones: ['AMS01T01-VC01'] },
	{ id: 5, location: 'SIN01', name: 'AS East', zones: ['SIN01T01-VC01'] },
	{ id: 6, location: 'ORD01', name: 'US North', zones: [] },
	{ id: 7, location: 'SYD01', name: 'AU East', zones: [] },
]);

/** @param {number} accountId */
function accountLocation(accountId) {
	return ARMOR_LOCATIONS[accountId % 5];
}

// ---------------------------------------------------------------- virtual machines

const VM_PLAN = [
	{ role: 'web-01', os: 'Ubuntu 22.04', size: 'A2' },
	{ role: 'web-02', os: 'Ubuntu 22.04', size: 'A2' },
	{ role: 'db-01', os: 'RHEL 8', size: 'A4' },
	{ role: 'app-01', os: 'Windows Server 2019', size: 'A2' },
	{ role: 'app-02', os: 'Windows Server 2019', size: 'A2' },
	{ role: 'jump-01', os: 'CentOS 7', size: 'A1' },
];
/** @type {Record<string, { cpu: number, memory: number, storage: number, sku: string }>} */
const SIZES = {
	A1: { cpu: 1, memory: 2048, storage: 30720, sku: 'A1-113' },
	A2: { cpu: 2, memory: 4096, storage: 61440, sku: 'A2-113' },
	A4: { cpu: 4, memory: 16384, storage: 204800, sku: 'A4-113' },
};

/**
 * Workloads (n) and tiers (k) as generated: tier k belongs to workload `app`, holds VMs `vms`.
 * Workload 4 ("Sandbox") has no tier, tier 4 ("Cache") no VM: both can be deleted right away.
 */
const TIER_PLAN = [
	{ k: 1, app: 1, name: 'Web', vms: [1, 2] },
	{ k: 2, app: 1, name: 'Database', vms: [3] },
	{ k: 3, app: 2, name: 'Application', vms: [4, 5] },
	{ k: 4, app: 2, name: 'Cache', vms: [] },
	{ k: 5, app: 3, name: 'Jump hosts', vms: [6] },
];
const WORKLOAD_NAMES = ['Customer Portal', 'Billing Platform', 'Management', 'Sandbox'];

/**
 * @param {number} accountId
 * @param {number} n 1..6
 */
function armorVmId(accountId, n) {
	return accountId * 1000 + 100 + n;
}

/**
 * Core agent instance id of VM n: `c0000000-0000-4000-8000-` + 8-digit account id + 4-digit n.
 * @param {number} accountId
 * @param {number} n
 */
function armorCoreInstanceId(accountId, n) {
	return fixtureGuid('c0000000', accountId, n);
}

/**
 * @param {number} accountId
 * @param {number} n 1..4
 */
function armorWorkloadId(accountId, n) {
	return accountId * 1000 + 200 + n;
}

/**
 * @param {number} accountId
 * @param {number} k 1..5 (created tiers continue the sequence)
 */
function armorTierId(accountId, k) {
	return accountId * 1000 + 300 + k;
}

/**
 * @param {number} accountId
 * @param {number} n 1..2
 */
function armorOvdcId(accountId, n) {
	return accountId * 1000 + 500 + n;
}

/** @param {number} n 1-based VM index */
function vmTier(n) {
	return TIER_PLAN.find((t) => t.vms.includes(n));
}

/**
 * VM n (1..6) of an account as generated (GET /vms, /vms/{id}, /vms/core/{coreInstanceId}); VM 5 is powered
 * off (`status` 8), the others on (4). VMs 1-3 sit in ovdc 1, 4-6 in ovdc 2.
 * @param {number} accountId
 * @param {number} n
 */
function armorVm(accountId, n) {
	const plan = VM_PLAN[(n - 1) % VM_PLAN.length];
	const size = SIZES[plan.size];
	const location = accountLocation(accountId);
	const tier = vmTier(n);
	const appN = tier ? tier.app : 0;
	const created = EPOCH_MS + n * DAY_MS + (accountId % 100) * MINUTE_MS;
	return {
		hostType: 'Virtual Machine',
		canUseFluidScale: false,
		disks: [{ id: 1, capacity: size.storage, name: 'Disk 1', type: 'SSD' }],
		isDeleted: false,
		canReplicate: true,
		id: armorVmId(accountId, n),
		coreInstanceId: armorCoreInstanceId(accountId, n),
		biosUuid: fixtureGuid('b1000000', accountId, n),
		name: `a${accountId}-${plan.role}`,
		provider: 'ArmorComplete',
		location: location.location,
		zone: location.zones[0],
		ipAddress: `10.${accountId % 256}.${n <= 3 ? 1 : 2}.${10 + n}`,
		status: n === 5 ? ARMOR_VM_STATUS.POWERED_OFF : ARMOR_VM_STATUS.POWERED_ON,
		appId: appN ? armorWorkloadId(accountId, appN) : 0,
		appName: appN ? WORKLOAD_NAMES[appN - 1] : null,
		osId: null,
		os: plan.os,
		deployed: true,
		cpu: size.cpu,
		memory: size.memory,
		storage: size.storage,
		notes: null,
		vCenterId: 1,
		vCenterName: location.zones[0],
		vcdOrgVdcId: armorOvdcId(accountId, n <= 3 ? 1 : 2),
		isRecoveryVm: false,
		coreDateRegistered: iso(created + HOUR_MS),
		coreLastPing: iso(EPOCH_MS + 59 * DAY_MS + n * MINUTE_MS),
		vmDateCreated: iso(created),
		product: { sku: size.sku, size: plan.size, isExpired: false, storagePolicyClass: null },
		vmServices: null,
		uuid: `urn:vcloud:vm:${fixtureGuid('d0000000', accountId, n)}`,
		isHealthy: true,
		health: 1,
		tags: [],
		scheduledEvents: [],
		advBackupStatus: false,
		advBackupSku: null,
		vmBackupInProgress: false,
		profileName: null,
		multiVmVapp: false,
	};
}

/** @param {number} accountId */
function armorVms(accountId) {
	const vms = [];
	for (let n = 1; n <= ARMOR_VMS_PER_ACCOUNT; n++) vms.push(armorVm(accountId, n));
	return vms;
}

// ---------------------------------------------------------------- workloads and tiers

/**
 * The fields of workload n (1..4) that do not depend on its tiers.
 * @param {number} accountId
 * @param {number} n
 */
function armorWorkloadBase(accountId, n) {
	const location = accountLocation(accountId);
	return {
		id: armorWorkloadId(accountId, n),
		name: WORKLOAD_NAMES[(n - 1) % WORKLOAD_NAMES.length],
		location: location.location,
		zone: location.zones[0],
		status: 4,
		deployed: n !== 4,
		notes: null,
		health: 1,
		tags: [],
	};
}

/**
 * The tiers of an account as generated: `{id, appId, name, vmIds}` (internal plan; GET answers embed VMs).
 * @param {number} accountId
 */
function armorTierPlan(accountId) {
	return TIER_PLAN.map((t) => ({
		id: armorTierId(accountId, t.k),
		appId: armorWorkloadId(accountId, t.app),
		name: t.name,
		vmIds: t.vms.map((n) => armorVmId(accountId, n)),
	}));
}

/**
 * A workload record: the base fields, its tiers (each `{id, name, vms}`) and the totals the vendor
 * computes (tierCount, vmCount, totalCpu, totalMemory, totalStorage).
 * @template {{ cpu: number, memory: number, storage: number }} V
 * @param {ReturnType<typeof armorWorkloadBase>} base
 * @param {Array<{ id: number, name: string, vms: V[] }>} tiers
 */
function composeWorkload(base, tiers) {
	const vms = tiers.flatMap((t) => t.vms);
	return {
		id: base.id,
		name: base.name,
		location: base.location,
		zone: base.zone,
		status: base.status,
		deployed: base.deployed,
		tierCount: tiers.length,
		vmCount: vms.length,
		totalCpu: vms.reduce((sum, vm) => sum + vm.cpu, 0),
		totalMemory: vms.reduce((sum, vm) => sum + vm.memory, 0),
		totalStorage: vms.reduce((sum, vm) => sum + vm.storage, 0),
		tiers,
		notes: base.notes,
		health: base.health,
		tags: base.tags,
	};
}

/**
 * Tier k (1..5) of an account as generated: `{id, name, vms}` (full VM records).
 * @param {number} accountId
 * @param {number} k
 */
function armorTier(accountId, k) {
	const plan = TIER_PLAN[k - 1];
	return {
		id: armorTierId(accountId, k),
		name: plan.name,
		vms: plan.vms.map((n) => armorVm(accountId, n)),
	};
}

/**
 * Workload n (1..4) of an account as generated (GET /apps, /apps/{id}), tiers and VMs embedded.
 * @param {number} accountId
 * @param {number} n
 */
function armorWorkload(accountId, n) {
	const tiers = TIER_PLAN.filter((t) => t.app === n).map((t) => armorTier(accountId, t.k));
	return composeWorkload(armorWorkloadBase(accountId, n), tiers);
}

// ---------------------------------------------------------------- orders

const ORDER_STATUSES = ['completed', 'completed', 'processing', 'submitted', 'cancelled'];

/**
 * @param {number} accountId
 * @param {number} n 1..5
 */
function armorOrderId(accountId, n) {
	return accountId * 1000 + 400 + n;
}

/**
 * Order n (1..5) of an account (GET /orders, /orders/{id}); one VM line each.
 * @param {number} accountId
 * @param {number} n
 */
function armorOrder(accountId, n) {
	const location = accountLocation(accountId);
	const tier = TIER_PLAN[(n - 1) % TIER_PLAN.length];
	const plan = VM_PLAN[(n - 1) % VM_PLAN.length];
	return {
		id: armorOrderId(accountId, n),
		accountId,
		status: ORDER_STATUSES[(n - 1) % ORDER_STATUSES.length],
		dateCreated: iso(EPOCH_MS + n * 5 * DAY_MS),
		vms: [
			{
				trackingId: fixtureGuid('e0000000', accountId, n),
				name: `a${accountId}-order-${pad(n, 2)}`,
				location: location.location,
				zone: location.zones[0],
				appId: armorWorkloadId(accountId, tier.app),
				appName: WORKLOAD_NAMES[tier.app - 1],
				tierId: armorTierId(accountId, tier.k),
				tierName: tier.name,
				storage: [{ size: 30, sku: 'SAN-001', quantity: 1, accountId }],
				software: [{ sku: plan.os, parameters: [], type: 'os', quantity: 1, accountId }],
				secret: null,
				sku: SIZES[plan.size].sku,
				quantity: 1,
				accountId,
			},
		],
	};
}

// ---------------------------------------------------------------- firewalls

/**
 * Firewall n (1..2) of an account (GET /firewalls): one edge per org VDC, `ovdcId` names its rules.
 * @param {number} accountId
 * @param {number} n
 */
function armorFirewall(accountId, n) {
	const location = accountLocation(accountId);
	return {
		id: accountId * 1000 + 550 + n,
		ovdcId: armorOvdcId(accountId, n),
		name: `${location.location}-EDGE-${pad(n, 2)}`,
		ovdcName: `A${accountId}-OVDC-${pad(n, 2)}`,
		location: location.location,
		zone: location.zones[0],
		type: 'Edge Gateway',
		status: 'Active',
		ruleCount: ARMOR_FIREWALL_RULES_PER_FIREWALL,
	};
}

const RULE_SERVICES = [
	{ protocol: 'tcp', port: '443' },
	{ protocol: 'tcp', port: '80' },
	{ protocol: 'tcp', port: '22' },
	{ protocol: 'tcp', port: '3389' },
	{ protocol: 'udp', port: '53' },
	{ protocol: 'tcp', port: '1433' },
	{ protocol: 'icmp', port: 'any' },
];

/**
 * @param {number} ovdcId
 * @param {number} n 1..23
 */
function armorFirewallRuleId(ovdcId, n) {
	return ovdcId * 100 + n;
}

/**
 * Rule n (1..23) of firewall (org VDC) `ovdcId` (GET /firewall/{ovdcId}/rules); every 7th rule is disabled.
 * @param {number} ovdcId
 * @param {number} n
 */
function armorFirewallRule(ovdcId, n) {
	const service = RULE_SERVICES[(n - 1) % RULE_SERVICES.length];
	const deny = n % 5 === 0;
	return {
		id: armorFirewallRuleId(ovdcId, n),
		ovdcId,
		ruleTag: 1000 + n,
		name: `${deny ? 'Deny' : 'Allow'} ${service.protocol.toUpperCase()} ${service.port} #${n}`,
		action: deny ? 'deny' : 'accept',
		direction: n % 3 === 0 ? 'out' : 'in',
		source: { exclude: false, ipAddresses: [n % 2 ? 'any' : `203.0.113.${n}`] },
		destination: { exclude: false, ipAddresses: [`10.${Math.floor(ovdcId / 1000) % 256}.0.0/16`] },
		service: { protocol: service.protocol, port: service.port },
		disabled: n % 7 === 0,
		loggingEnabled: n % 2 === 0,
		description: `Sandbox rule ${n} of org VDC ${ovdcId}`,
		ruleType: 'user',
	};
}

// ---------------------------------------------------------------- core agent: anti-malware, FIM, patching

/**
 * The 1-based index of a generated VM id of an account, or 0.
 * @param {number} accountId
 * @param {number} vmId
 */
function vmIndex(accountId, vmId) {
	const n = vmId - accountId * 1000 - 100;
	return n >= 1 && n <= ARMOR_VMS_PER_ACCOUNT ? n : 0;
}

/**
 * One GET /core/avam entry for a VM record (as the sandbox holds it now): 'Not Installed' for VM 6,
 * 'Offline' while powered off, else 'Protected' (`avamStatus`).
 * @param {number} accountId
 * @param {{ id: number, name: string, os: string, coreInstanceId: string, biosUuid: string, status: number,
 *   location: string, provider: string }} vm
 */
function armorAvamEntry(accountId, vm) {
	const n = vmIndex(accountId, vm.id) || 1;
	const installed = n !== 6;
	const online = vm.status === ARMOR_VM_STATUS.POWERED_ON;
	const avamStatus = !installed ? 'Not Installed' : online ? 'Protected' : 'Offline';
	return {
		accountId,
		alternativeBiosUuid: vm.biosUuid.toUpperCase(),
		avamRealTimeScan: installed && online,
		biosUuid: vm.biosUuid,
		coreInstanceId: vm.coreInstanceId,
		createdDate: iso(EPOCH_MS + n * DAY_MS + HOUR_MS),
		customLocatiom: null,
		customProvider: null,
		hostId: accountId * 100 + n,
		isActive: installed,
		lastAgentCommunicationDate: iso(EPOCH_MS + 59 * DAY_MS + n * MINUTE_MS),
		lastAgentCommunicationSeverity: online ? 0 : 2,
		lastScannedDate: installed ? iso(EPOCH_MS + 58 * DAY_MS + n * HOUR_MS) : null,
		lastScannedSeverity: installed ? n % 3 : 0,
		location: vm.location,
		os: vm.os,
		overallAntiMalwareStatus: !installed
			? 'Anti-Malware: Off, not installed'
			: online
				? 'Anti-Malware: On, Real Time'
				: 'Anti-Malware: Offline',
		avamStatus,
		providerFullName: 'Armor Complete',
		vmName: vm.name,
		vmProvider: vm.provider,
	};
}

/**
 * One GET /core/fim entry for a VM record: 'Not Installed' for VM 6, 'Offline' while powered off, else
 * 'Monitored' (`fimStatus`).
 * @param {number} accountId
 * @param {{ id: number, name: string, os: string, coreInstanceId: string, status: number }} vm
 */
function armorFimEntry(accountId, vm) {
	const n = vmIndex(accountId, vm.id) || 1;
	const installed = n !== 6;
	const online = vm.status === ARMOR_VM_STATUS.POWERED_ON;
	const fimStatus = !installed ? 'Not Installed' : online ? 'Monitored' : 'Offline';
	const rules = 8 + n;
	return {
		accountId,
		coreInstanceId: vm.coreInstanceId,
		hostId: accountId * 100 + n,
		vmName: vm.name,
		os: vm.os,
		isActive: installed,
		fimStatus,
		overallIntegrityMonitoringStatus: !installed
			? 'Integrity Monitoring: Off, not installed'
			: `Integrity Monitoring: ${online ? 'On' : 'Offline'}, ${rules} rules`,
		ruleCount: installed ? rules : 0,
		changesDetected: installed ? mix(accountId, n, 7) % 40 : 0,
		lastScannedDate: installed ? iso(EPOCH_MS + 58 * DAY_MS + n * HOUR_MS) : null,
		lastScannedSeverity: installed ? (n + 1) % 3 : 0,
	};
}

const LINUX_PACKAGES = [
	'openssl',
	'openssh-server',
	'bash',
	'curl',
	'sudo',
	'systemd',
	'nginx',
	'linux-image',
];
const WINDOWS_PACKAGES = [
	'KB5034127',
	'KB5034439',
	'KB5033371',
	'KB5032196',
	'KB5031361',
	'KB5030214',
	'KB5029247',
	'KB5028168',
];
const PACKAGE_SEVERITIES = ['None', 'Low', 'Moderate', 'Important', 'Critical'];

/**
 * GET /core/packages/{coreInstanceId}: the 8 packages of VM n (1..6) of an account; odd-numbered VMs have
 * updates available (every third package).
 * @param {number} accountId
 * @param {number} n
 */
function armorPackages(accountId, n) {
	const vm = armorVm(accountId, n);
	const windows = vm.os.startsWith('Windows');
	const names = windows ? WINDOWS_PACKAGES : LINUX_PACKAGES;
	return names.map((name, i) => {
		const update = n % 2 === 1 && (i + n) % 3 === 0;
		const minor = (mix(accountId, n, i) % 9) + 1;
		return {
			coreInstanceId: vm.coreInstanceId,
			name,
			category: windows ? 'Security Update' : 'Package',
			installedVersion: windows ? '1.0' : `1.${minor}.0`,
			availableVersion: update ? (windows ? '1.1' : `1.${minor}.1`) : null,
			updateAvailable: update,
			severity: update ? PACKAGE_SEVERITIES[1 + ((i + n) % 4)] : 'None',
			releaseDate: iso(EPOCH_MS + (20 + i) * DAY_MS),
		};
	});
}

// ---------------------------------------------------------------- IP reputation, logs

const IPRM_CATEGORIES = ['Scanner', 'Botnet', 'Spam Source', 'Tor Exit Node', 'Malware Host'];
const COUNTRIES = ['US', 'CN', 'RU', 'BR', 'NL', 'DE', 'IN'];

/**
 * IP reputation event n (1..15, 1 = newest) of an account (GET /iprm/events).
 * @param {number} accountId
 * @param {number} n
 */
function armorIprmEvent(accountId, n) {
	const vmN = ((n - 1) % ARMOR_VMS_PER_ACCOUNT) + 1;
	return {
		id: accountId * 1000 + n,
		accountId,
		ipAddress: `192.0.2.${(mix(accountId, n) % 250) + 1}`,
		direction: n % 4 === 0 ? 'Outbound' : 'Inbound',
		action: n % 6 === 0 ? 'Alerted' : 'Blocked',
		threatCategory: IPRM_CATEGORIES[(n - 1) % IPRM_CATEGORIES.length],
		reputationScore: 10 + (mix(accountId, n, 3) % 80),
		country: COUNTRIES[(n - 1) % COUNTRIES.length],
		vmId: armorVmId(accountId, vmN),
		vmName: armorVm(accountId, vmN).name,
		hits: 1 + (mix(accountId, n, 5) % 500),
		eventDate: iso(EPOCH_MS + 60 * DAY_MS - n * 3 * HOUR_MS),
	};
}

/**
 * GET /log-management: the account's log management subscriptions (collection and retention).
 * @param {number} accountId
 */
function armorLogManagement(accountId) {
	return [
		{
			id: accountId * 10 + 1,
			accountId,
			name: 'Log Collection',
			sku: 'LOG-COLLECT',
			isActive: true,
			retentionDays: 30,
			storageUsedBytes: 5_368_709_120 + (accountId % 100) * 1_048_576,
			storageLimitBytes: 107_374_182_400,
			startDate: iso(EPOCH_MS),
		},
		{
			id: accountId * 10 + 2,
			accountId,
			name: 'Log Retention',
			sku: 'LOG-RETAIN-365',
			isActive: true,
			retentionDays: 365,
			storageUsedBytes: 21_474_836_480,
			storageLimitBytes: 536_870_912_000,
			startDate: iso(EPOCH_MS + 14 * DAY_MS),
		},
	];
}

const LOG_SOURCE_TYPES = [
	'Armor Agent',
	'Armor Agent',
	'Syslog',
	'Windows Event Log',
	'AWS CloudTrail',
];

/**
 * Log source n (1..5) of an account (GET /log-management/logsources); source 5 is inactive.
 * @param {number} accountId
 * @param {number} n
 */
function armorLogSource(accountId, n) {
	const vmN = ((n - 1) % ARMOR_VMS_PER_ACCOUNT) + 1;
	const agent = n <= 2;
	return {
		id: accountId * 1000 + n,
		accountId,
		name: `Log source ${n}`,
		type: LOG_SOURCE_TYPES[(n - 1) % LOG_SOURCE_TYPES.length],
		hostName: agent ? armorVm(accountId, vmN).name : `collector-${n}.a${accountId}.example`,
		ipAddress: `10.${accountId % 256}.9.${n}`,
		coreInstanceId: agent ? armorCoreInstanceId(accountId, vmN) : null,
		status: n === 5 ? 'Inactive' : 'Active',
		eventsPerDay: n === 5 ? 0 : 1000 * n + (mix(accountId, n) % 1000),
		lastEventDate: iso(EPOCH_MS + 59 * DAY_MS - n * HOUR_MS),
	};
}

/**
 * POST /log-search/templatedsearch: the known `viewName`s (matched case-insensitively) and how many hits
 * each has per account.
 */
const ARMOR_LOG_SEARCH_VIEWS = deepFreeze([
	{ viewName: 'security-events', total: 57 },
	{ viewName: 'authentication', total: 18 },
	{ viewName: 'firewall-denies', total: 0 },
]);

const LOG_EVENT_TYPES = [
	'Malware quarantined',
	'Failed login',
	'Port scan detected',
	'Policy violation',
	'Successful login',
];

/**
 * Hit n (1-based, 1 = newest) of a log view of an account.
 * @param {number} accountId
 * @param {string} viewName one of ARMOR_LOG_SEARCH_VIEWS (as listed)
 * @param {number} n
 */
function armorLogSearchHit(accountId, viewName, n) {
	const viewIndex = ARMOR_LOG_SEARCH_VIEWS.findIndex((v) => v.viewName === viewName);
	const eventType =
		viewName === 'authentication'
			? n % 3 === 0
				? 'Successful login'
				: 'Failed login'
			: LOG_EVENT_TYPES[(n - 1) % LOG_EVENT_TYPES.length];
	const vmN = ((n - 1) % ARMOR_VMS_PER_ACCOUNT) + 1;
	return {
		id: `${accountId}-${viewIndex + 1}-${pad(n, 5)}`,
		viewName,
		timestamp: iso(EPOCH_MS + 60 * DAY_MS - n * 17 * MINUTE_MS),
		eventType,
		severity: ['Low', 'Medium', 'High'][n % 3],
		hostName: armorVm(accountId, vmN).name,
		sourceIp: `198.51.100.${(mix(accountId, viewIndex, n) % 250) + 1}`,
		destinationIp: `10.${accountId % 256}.1.${10 + vmN}`,
		message: `${eventType} on ${armorVm(accountId, vmN).name} (event ${n})`,
	};
}

// ---------------------------------------------------------------- tickets

/** Request types of the support tickets; ticket n has type (n - 1) % 4. */
const ARMOR_TICKET_REQUEST_TYPES = deepFreeze([
	{ id: 1, name: 'Technical Support' },
	{ id: 2, name: 'Security Incident' },
	{ id: 3, name: 'Service Request' },
	{ id: 4, name: 'Billing' },
]);

/**
 * Ticket workflow: `GET /tickets/{key}/transition` lists the transitions whose `from` holds the ticket's
 * status; `POST` with `transitionId` moves it to `toStatus`. 'Closed' has none.
 */
const ARMOR_TICKET_TRANSITIONS = deepFreeze([
	{ id: 11, name: 'Start Progress', from: ['Open'], toStatus: 'In Progress' },
	{ id: 21, name: 'Wait for Customer', from: ['In Progress'], toStatus: 'Waiting on Customer' },
	{ id: 31, name: 'Respond', from: ['Waiting on Customer'], toStatus: 'In Progress' },
	{
		id: 41,
		name: 'Resolve',
		from: ['Open', 'In Progress', 'Waiting on Customer'],
		toStatus: 'Resolved',
	},
	{ id: 51, name: 'Reopen', from: ['Resolved', 'Closed'], toStatus: 'Open' },
	{ id: 61, name: 'Close', from: ['Resolved'], toStatus: 'Closed' },
]);

/**
 * The transitions available from a status, as `GET /tickets/{key}/transition` lists them.
 * @param {string} status
 */
function armorTicketTransitions(status) {
	return ARMOR_TICKET_TRANSITIONS.filter((t) => t.from.includes(status)).map((t) => ({
		id: t.id,
		name: t.name,
		toStatus: t.toStatus,
	}));
}

/**
 * The account and number of a sandbox ticket key (`ARM-<account>-<nnn>`, case-insensitive), or undefined.
 * @param {string} key
 * @returns {{ accountId: number, n: number } | undefined}
 */
function parseArmorTicketKey(key) {
	const match = /^ARM-(\d+)-(\d{3})$/i.exec(key);
	if (!match) return undefined;
	const n = Number(match[2]);
	if (n < 1 || n > fx.ARMOR_TICKETS_PER_ACCOUNT) return undefined;
	return { accountId: Number(match[1]), n };
}

/**
 * Ticket n as GET /tickets/list-all and /tickets/{key}/details describe it (before any transition): the
 * /tickets/list record plus `issueKeyId` (= key), `currentStatus` (= status), `requestType {id, name}`,
 * `description`, `reporter`, `createdDate`, `updatedDate`.
 * @param {number} accountId
 * @param {number} n
 */
function armorTicketRecord(accountId, n) {
	const ticket = fx.armorTicket(accountId, n);
	const users = armorUsers(accountId);
	const reporter = users[(n - 1) % users.length];
	return {
		...ticket,
		issueKeyId: ticket.key,
		currentStatus: ticket.status,
		requestType: { ...ARMOR_TICKET_REQUEST_TYPES[(n - 1) % ARMOR_TICKET_REQUEST_TYPES.length] },
		description: `Details of sandbox ticket ${n} of account ${accountId}.`,
		reporter: {
			id: reporter.id,
			name: `${reporter.firstName} ${reporter.lastName}`,
			email: reporter.email,
		},
		createdDate: ticket.created,
		updatedDate: ticket.updated,
	};
}

/**
 * How many comments ticket n has as generated: 14 for ticket 1, else n % 3.
 * @param {number} n
 */
function armorTicketCommentCount(n) {
	return n === 1 ? 14 : n % 3;
}

/**
 * Id of comment c of ticket n of an account: accountId * 10^7 + n * 10^4 + c (comments added through the API
 * continue the count).
 * @param {number} accountId
 * @param {number} n
 * @param {number} c
 */
function armorTicketCommentId(accountId, n, c) {
	return accountId * 10_000_000 + n * 10_000 + c;
}

/**
 * Comment c (1-based, oldest first) of ticket n of an account; odd comments come from Armor Support, even
 * ones from the ticket's reporter; every 4th is internal (`isPublic: false`).
 * @param {number} accountId
 * @param {number} n
 * @param {number} c
 */
function armorTicketComment(accountId, n, c) {
	const ticket = armorTicketRecord(accountId, n);
	const fromSupport = c % 2 === 1;
	return {
		id: armorTicketCommentId(accountId, n, c),
		issueKeyId: ticket.key,
		comment: fromSupport
			? `Armor Support update ${c} on ${ticket.key}.`
			: `Customer reply ${c} on ${ticket.key}.`,
		isPublic: c % 4 !== 0,
		author: fromSupport
			? { id: null, name: 'Armor Support', email: 'support@armor.example' }
			: ticket.reporter,
		createdDate: iso(Date.parse(ticket.created) + c * HOUR_MS),
	};
}

/**
 * Archive entry n (1..31, 1 = most recently closed) of an account (GET /tickets/entries).
 * @param {number} accountId
 * @param {number} n
 */
function armorTicketEntry(accountId, n) {
	const closed = EPOCH_MS - n * 2 * DAY_MS + (accountId % 100) * MINUTE_MS;
	return {
		id: accountId * 1000 + n,
		accountId,
		ticketNumber: `ARC-${accountId}-${pad(n, 3)}`,
		summary: `Archived ticket ${n} of account ${accountId}`,
		status: 'Closed',
		resolution: n % 5 === 0 ? "Won't Do" : 'Done',
		requestType: { ...ARMOR_TICKET_REQUEST_TYPES[(n - 1) % ARMOR_TICKET_REQUEST_TYPES.length] },
		priority: ['Low', 'Medium', 'High', 'Critical'][n % 4],
		createdDate: iso(closed - 3 * DAY_MS),
		closedDate: iso(closed),
	};
}

module.exports = {
	ARMOR_CHILD_ACCOUNTS_GENERATED,
	ARMOR_ACTIVITY_PER_ACCOUNT,
	ARMOR_ACTIVITY_PAGE_SIZE,
	ARMOR_CONTACTS_PER_ACCOUNT,
	ARMOR_GENERATED_USERS_PER_ACCOUNT,
	ARMOR_ROLES_PER_ACCOUNT,
	ARMOR_KEYS_PER_USER,
	ARMOR_MAX_KEYS_PER_USER,
	ARMOR_VMS_PER_ACCOUNT,
	ARMOR_WORKLOADS_PER_ACCOUNT,
	ARMOR_TIERS_PER_ACCOUNT,
	ARMOR_ORDERS_PER_ACCOUNT,
	ARMOR_FIREWALLS_PER_ACCOUNT,
	ARMOR_FIREWALL_RULES_PER_FIREWALL,
	ARMOR_FIREWALL_RULES_PAGE_SIZE,
	ARMOR_IPRM_EVENTS_PER_ACCOUNT,
	ARMOR_IPRM_PAGE_SIZE,
	ARMOR_LOG_SOURCES_PER_ACCOUNT,
	ARMOR_LOG_SEARCH_MAX_SIZE,
	ARMOR_TICKET_ENTRIES_PER_ACCOUNT,
	ARMOR_TICKET_COMMENTS_MAX_LIMIT,
	ARMOR_TICKET_COMMENTS_DEFAULT_LIMIT,
	ARMOR_PAGE_SIZE_MAX,
	ARMOR_VM_STATUS,
	ARMOR_PERMISSION_GROUPS,
	ARMOR_LOCATIONS,
	ARMOR_LOG_SEARCH_VIEWS,
	ARMOR_TICKET_REQUEST_TYPES,
	ARMOR_TICKET_TRANSITIONS,
	armorChildAccounts,
	armorActivity,
	armorContact,
	armorUsers,
	armorGeneratedUser,
	armorGeneratedUserId,
	armorRole,
	armorRoles,
	armorApiKeyId,
	armorApiKeys,
	armorVmId,
	armorCoreInstanceId,
	armorVm,
	armorVms,
	armorWorkloadId,
	armorWorkloadBase,
	armorTierId,
	armorTierPlan,
	armorTier,
	armorWorkload,
	composeWorkload,
	armorOrderId,
	armorOrder,
	armorOvdcId,
	armorFirewall,
	armorFirewallRuleId,
	armorFirewallRule,
	armorAvamEntry,
	armorFimEntry,
	armorPackages,
	armorIprmEvent,
	armorLogManagement,
	armorLogSource,
	armorLogSearchHit,
	armorTicketTransitions,
	parseArmorTicketKey,
	armorTicketRecord,
	armorTicketCommentCount,
	armorTicketCommentId,
	armorTicketComment,
	armorTicketEntry,
};
