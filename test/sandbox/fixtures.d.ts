/** Types of fixtures.js (the sandbox's fixture data). */

export interface ArmorAccount {
	readonly id: number;
	readonly name: string;
	/** Space padded, as the vendor returns it: 'USD '. */
	readonly currency: string;
	readonly status: string;
	readonly parent: number;
	readonly products: Readonly<Record<string, unknown>>;
	readonly accountType: string;
}

export interface ArmorUser {
	readonly id: number;
	readonly username: string;
	readonly password: string;
	/** Whether /auth/authorize blocks `mfaDelayMs` (the phone approval) before answering. */
	readonly mfa: boolean;
	readonly firstName: string;
	readonly lastName: string;
	readonly accounts: readonly ArmorAccount[];
}

export interface ArmorTicket {
	key: string;
	summary: string;
	status: string;
	priority: string;
	accountId: number;
	created: string;
	updated: string;
}

export interface ArmorSecurityIncident {
	id: number;
	accountId: number;
	title: string;
	severity: string;
	status: string;
	createdDate: string;
}

/** Spec schema `user`. */
export interface AuthArmorUser {
	user_id: string;
	email_address: string | null;
	username: string | null;
	date_created: string;
}

/** Spec schema `enrolled_auth_method`. */
export interface AuthArmorEnrolledAuthMethod {
	auth_method_name: string | null;
	auth_method_id: number;
	auth_method_masked_info: string | null;
}

export declare const ARMOR_DEMO_USER: ArmorUser;
export declare const ARMOR_MFA_USER: ArmorUser;
export declare const ARMOR_USERS: readonly ArmorUser[];
export declare const ARMOR_PERMISSIONS: readonly string[];
export declare const ARMOR_TICKETS_PER_ACCOUNT: number;
export declare const ARMOR_TICKETS_DEFAULT_MAX_RESULTS: number;
export declare const ARMOR_TICKETS_MAX_RESULTS: number;
export declare const ARMOR_INCIDENTS_PER_ACCOUNT: number;
export declare const ARMOR_INCIDENTS_PAGE_SIZE: number;
/** Ticket `n` (1-based) of an account, as GET /tickets/list returns it. */
export declare function armorTicket(accountId: number, n: number): ArmorTicket;
/** Incident `n` (1-based) of an account, as GET /security-incidents returns it. */
export declare function armorSecurityIncident(accountId: number, n: number): ArmorSecurityIncident;

/** An Armor API key (ARMOR-PSK); it acts as user `userId`, with that user's accounts. */
export interface ArmorApiKey {
	readonly keyId: string;
	readonly secret: string;
	readonly userId: number;
}

/** The vendor guide's test key: '20a37099-4a0b-432f-bf46-5fa690a0405c' / 'test-secret', the demo user (501). */
export declare const ARMOR_API_KEY: ArmorApiKey;
/** '7c9e6679-7425-40de-944b-e07fc1f90ae7' / 'mfa-test-secret', the MFA user (502). */
export declare const ARMOR_API_KEY_MFA_USER: ArmorApiKey;
export declare const ARMOR_API_KEYS: readonly ArmorApiKey[];
/** 300: how far an ARMOR-PSK timestamp may be from the sandbox clock (+ `armorClockSkewSeconds`). */
export declare const ARMOR_PSK_MAX_CLOCK_DIFFERENCE_SECONDS: number;

/** ['/mdr', '/infrastructure', '/agent-management']: the v2 services' prefixes on `servicesUrl`. */
export declare const ARMOR_SERVICE_PREFIXES: readonly string[];

/** MDR spec schema `IncidentListItem` (as GET /mdr/incidents lists it). */
export interface MdrIncident {
	/** The issue key, e.g. 'SEC-100101'. */
	id: string;
	summary: string;
	status: string;
	priority: string;
	created: string;
	updated: string;
	assignee: string | null;
	orgs: { orgId: string; orgName: string }[];
	tactics: { name: string; id: string }[];
}

/** MDR spec schema `Comment`. */
export interface MdrComment {
	id: string;
	authorDisplayName: string;
	authorEmail: string;
	body: string;
	created: string;
	updated: string;
	isPublic: boolean;
}

/** MDR spec schema `IncidentDetails` (the fields the sandbox fills). */
export interface MdrIncidentDetails {
	tenantId: string | null;
	incidentId: string;
	displayName: string;
	status: string;
	createdDateTime: string;
	lastUpdateDateTime: string;
	severity: string;
	mitreTactics: string[];
	source: string[];
	detectionSource: string;
	assignee: string | null;
	ticketCreatedDateTime: string;
	ticketUpdatedDateTime: string;
	ticketDescription: string;
	/** = the list item's `summary`. */
	ticketSummary: string;
	/** Ends with the issue key. */
	incidentLink: string;
	orgs: { id: string; name: string }[];
	comments: MdrComment[];
	alerts: unknown[];
	impactedAssets: unknown[];
	changeLog: unknown[];
}

/** MDR spec schema `ServiceRequestListItem`. */
export interface MdrServiceRequest {
	/** e.g. 'SR-100101'. */
	id: string;
	summary: string;
	status: string;
	priority: string;
	created: string;
	updated: string;
	assignee: string | null;
	orgs: { orgId: string; orgName: string }[];
}

/** Infrastructure spec schema `InfrastructureManagementGetVirtualMachine`. */
export interface InfrastructureVirtualMachine {
	coreInstanceId: string;
	hostName: string;
	operatingSystem: string;
}

/** Agent management spec schema `AgentManagementHealthMonitoringStatusResults`. */
export interface AgentHealthStatus {
	AccountId: number;
	CoreInstance: string;
	/** 'true' | 'false' (a string, as in the spec). */
	IsRegistered: string;
	SubAgents: {
		SubAgentName: string;
		Version: string;
		Status: string;
		Message: string;
		UpdateTime: string;
	}[];
}

/** 37 */
export declare const MDR_INCIDENTS_PER_ACCOUNT: number;
/** 12 */
export declare const MDR_SERVICE_REQUESTS_PER_ACCOUNT: number;
/** 20 (the MDR spec's default `pageSize`) */
export declare const MDR_DEFAULT_PAGE_SIZE: number;
/** 100 */
export declare const MDR_MAX_PAGE_SIZE: number;
/** ['Open', 'In Progress', 'Waiting for Customer', 'Resolved', 'Closed']; incident n has [n % 5]. */
export declare const MDR_INCIDENT_STATUSES: readonly string[];
/** ['Open', 'In Progress', 'Waiting for Support', 'Resolved']; service request n has [n % 4]. */
export declare const MDR_SERVICE_REQUEST_STATUSES: readonly string[];
/** ['Low', 'Medium', 'High', 'Critical'] (in rank order); incident / service request n has [n % 4]. */
export declare const MDR_PRIORITIES: readonly string[];
/** 'SEC-' + (accountId * 100 + n), e.g. SEC-100101. */
export declare function mdrIncidentKey(accountId: number, n: number): string;
/** 'SR-' + (accountId * 100 + n). */
export declare function mdrServiceRequestKey(accountId: number, n: number): string;
/** The account and number a 'SEC-…' / 'SR-…' key encodes (case-insensitive prefix), or undefined. */
export declare function parseMdrKey(
	key: string,
	prefix: 'SEC' | 'SR',
): { accountId: number; n: number } | undefined;
/** Incident `n` (1-based) of an account, as GET /mdr/incidents lists it. */
export declare function mdrIncident(accountId: number, n: number): MdrIncident;
/** MDR_PRIORITIES[(n * 3) % 4]: the details' `severity` (what sortBy=severity sorts by). */
export declare function mdrIncidentSeverity(n: number): string;
/** Incident `n` as GET /mdr/incidents/{issueKey} returns it before any comment is added. */
export declare function mdrIncidentDetails(accountId: number, n: number): MdrIncidentDetails;
/** Service request `n` (1-based) of an account. */
export declare function mdrServiceRequest(accountId: number, n: number): MdrServiceRequest;
/** 30 */
export declare const INFRASTRUCTURE_VMS_PER_ACCOUNT: number;
/** 25 (`top` when absent) */
export declare const INFRASTRUCTURE_DEFAULT_TOP: number;
/** 100 */
export declare const INFRASTRUCTURE_MAX_TOP: number;
/** VM `n` (1-based) of an account. */
export declare function infrastructureVirtualMachine(
	accountId: number,
	n: number,
): InfrastructureVirtualMachine;
/** 8 */
export declare const AGENT_HEALTH_PER_ACCOUNT: number;
/** Agent `n` (1-based) of an account: runs on VM `n` (same core instance id). */
export declare function agentHealthStatus(accountId: number, n: number): AgentHealthStatus;

export declare const AUTHARMOR_CLIENT: {
	readonly clientId: string;
	readonly clientSecret: string;
	readonly scopes: readonly string[];
};
/** '00000000-0000-0000-0000-000000000000': "the user named by header X-AuthArmor-UsernameValue or query username". */
export declare const AUTHARMOR_EMPTY_GUID: string;
export declare const AUTHARMOR_DEFAULT_USER_COUNT: number;
export declare const AUTHARMOR_DEFAULT_PAGE_SIZE: number;
export declare const AUTHARMOR_MAX_PAGE_SIZE: number;
/** User 1 as generated (`user1@autharmor.example`). */
export declare const AUTHARMOR_DEMO_USER: Readonly<AuthArmorUser> & {
	readonly username: string;
	readonly email_address: string;
};
/** '00000000-0000-4000-8000-' + 12-digit zero-padded index. */
export declare function authArmorUserId(index: number): string;
/** The index a sandbox user id encodes, or 0. */
export declare function authArmorUserIndex(userId: string): number;
/** `user${index}@autharmor.example` */
export declare function authArmorDefaultUsername(index: number): string;
/** The index a default username names (ignoring renames), or 0. */
export declare function authArmorIndexOfDefaultUsername(username: string): number;
/** User `index` as generated, before any rename (PUT) made in a running sandbox. */
export declare function authArmorDefaultUser(
	index: number,
): AuthArmorUser & { username: string; email_address: string };
export declare function authArmorEnrolledAuthMethods(index: number): AuthArmorEnrolledAuthMethod[];
