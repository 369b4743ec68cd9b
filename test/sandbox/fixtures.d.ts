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

/** An Auth Armor API client of the sandbox's token endpoint. */
export interface AuthArmorClient {
	readonly clientId: string;
	readonly clientSecret: string;
	/** What a token gets when it asks for no scope; asking for another one: invalid_scope. */
	readonly scopes: readonly string[];
	/**
	 * Whether its tokens may call the user-management operations (users, auth history, credentials,
	 * registrations); without, those answer 403. The sandbox's model: the spec does not say which scope
	 * guards which operation.
	 */
	readonly manageUsers: boolean;
}

/** 'aarmor.api.request_auth': needed (in the token's scope) by every /v{3,4}/auth operation (else 403). */
export declare const AUTHARMOR_SCOPE_REQUEST_AUTH: string;
/** 'aarmor.api.generate_invite_code'. */
export declare const AUTHARMOR_SCOPE_GENERATE_INVITE_CODE: string;
/** 'sandbox-client' / 'sandbox-secret': both scopes, manages users. */
export declare const AUTHARMOR_CLIENT: AuthArmorClient;
/**
 * 'sandbox-request-auth-client' / 'sandbox-request-auth-secret': only aarmor.api.request_auth, does not manage
 * users (403 on /v{3,4}/users*, 200 on the auth operations).
 */
export declare const AUTHARMOR_REQUEST_AUTH_CLIENT: AuthArmorClient;
export declare const AUTHARMOR_CLIENTS: readonly AuthArmorClient[];
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
/**
 * User `index`'s `enrolled_auth_methods` as generated (from its fixture credentials): AuthArmorAuthenticator
 * (id 3) for everyone, Magiclink_Email (4) for even users, WebAuthN (6) for everyone.
 */
export declare function authArmorEnrolledAuthMethods(index: number): AuthArmorEnrolledAuthMethod[];
/** `enrolled_auth_methods` for a list of credentials: one per type with an enabled credential. */
export declare function authArmorEnrolledAuthMethodsOf(
	index: number,
	credentials: readonly Pick<AuthArmorCredential, 'name' | 'device_type' | 'enabled'>[],
): AuthArmorEnrolledAuthMethod[];

/** Spec enum `credential_type`. */
export type AuthArmorCredentialType = 'autharmor_authenticator' | 'webauthn' | 'magiclink_email';

/** Spec schema `credential`. */
export interface AuthArmorCredential {
	name: string | null;
	credential_id: string;
	date_created: string;
	device_type: AuthArmorCredentialType;
	enabled: boolean;
}

/** Spec schema `auth_profile_details`. */
export interface AuthArmorProfile {
	user_id: string;
	username: string | null;
}

/** Spec schema `location_data`. */
export interface AuthArmorLocation {
	latitude: string | null;
	longitude: string | null;
	ip_address: string | null;
}

/** Spec schema `secure_signed_message` (the sandbox's signature is not a real one). */
export interface AuthArmorSecureSignedMessage {
	signed_data: string;
	signature_data: {
		hash_value: string;
		signature_data: string;
		auth_method_usetype: string;
		signing_method: 'AuthArmor_ECDsa' | 'FIDO_U2F';
		auth_method: string;
		hash_method: 'Sha256';
	};
	signed_data_type: 'AuthResponse';
	signature_validation_details: null;
}

/** Spec schema `auth_response` (what `get_auth_request_response.auth_response` holds). */
export interface AuthArmorAuthResponse {
	/** = the auth_request_id. */
	auth_history_id: string;
	result_code: number;
	result_message: string;
	/** result_code === 2 (success). */
	authorized: boolean;
	auth_details: {
		request_details: {
			date: string;
			/** null for a usernameless request. */
			auth_profile_details: AuthArmorProfile | null;
			origin_location_data: AuthArmorLocation | null;
			auth_method: string;
		};
		/** Who answered and when; null while pending and for a timeout. */
		response_details: {
			date: string;
			auth_method: { name: string; usetype: string };
			/** null for magic link. */
			secure_signed_message: AuthArmorSecureSignedMessage | null;
			/** Authenticator only. */
			mobile_device_details: { platform: string; model: string } | null;
			auth_profile_details: AuthArmorProfile;
		} | null;
	};
}

/** Spec schema `get_auth_request_response` (GET /v4/auth/{id}, auth history records). */
export interface AuthArmorAuthInfo {
	auth_request_status_id: number;
	auth_request_status_name: string;
	auth_response: AuthArmorAuthResponse;
}

/** The parts `authArmorAuthInfo` builds a `get_auth_request_response` from. */
export interface AuthArmorAuthInfoParts {
	id: string;
	statusId: number;
	resultCode: number;
	type: AuthArmorCredentialType;
	requestedAt: string;
	respondedAt: string | null;
	requestProfile: AuthArmorProfile | null;
	responseProfile: AuthArmorProfile | null;
	location: AuthArmorLocation | null;
	nonce: string | null;
}

/** ['autharmor_authenticator', 'magiclink_email', 'webauthn']. */
export declare const AUTHARMOR_CREDENTIAL_TYPES: readonly AuthArmorCredentialType[];
/** Per credential type: the `auth_methods` name, its id (3, 4, 6) and the response `usetype`. */
export declare const AUTHARMOR_AUTH_METHODS: Readonly<
	Record<
		AuthArmorCredentialType,
		{ readonly name: string; readonly id: number; readonly usetype: string }
	>
>;
/** `auth_request_status_id`: COMPLETED 2, PENDING_APPROVAL 3, PENDING_VALIDATION 4 (not used by the sandbox). */
export declare const AUTHARMOR_AUTH_STATUS: {
	readonly COMPLETED: 2;
	readonly PENDING_APPROVAL: 3;
	readonly PENDING_VALIDATION: 4;
};
/** 2 'Completed', 3 'Pending Approval', 4 'Pending Validation'. */
export declare const AUTHARMOR_AUTH_STATUS_NAMES: Readonly<Record<number, string>>;
/** Auth `result_code`s. */
export declare const AUTHARMOR_RESULT: {
	readonly PENDING_APPROVAL: 1;
	readonly SUCCESS: 2;
	readonly DECLINED: 3;
	readonly INVALID_SIGNATURE: 4;
	readonly TIMEOUT: 5;
	readonly PENDING_VALIDATION: 8;
	readonly VALIDATION_TIMEOUT: 9;
	readonly SECURITY_EXCEPTION: 10;
};
/** `result_message` by code: 1 'Pending User Approval', 2 'Success', 3 'Declined', 5 'Approval Timeout', ... */
export declare const AUTHARMOR_RESULT_MESSAGES: Readonly<Record<number, string>>;
/** `registration_status_code`s the sandbox uses. */
export declare const AUTHARMOR_REGISTRATION_STATUS: {
	readonly PENDING: 1;
	readonly REGISTERED: 2;
	readonly DECLINED: 3;
	readonly TIMEOUT: 5;
	readonly PENDING_VALIDATION: 8;
};
/** 1 'Pending User Acceptance', 2 'Registered', 3 'Declined', 5 'Timeout', 8 'Pending Validation'. */
export declare const AUTHARMOR_REGISTRATION_STATUS_NAMES: Readonly<Record<number, string>>;
/** 60: an auth request's `timeout_in_seconds` when the body sends none (range 15..300). */
export declare const AUTHARMOR_DEFAULT_AUTH_TIMEOUT_SECONDS: number;
/** 300: a registration's `timeout_in_seconds` when the body sends none (range 15..86400). */
export declare const AUTHARMOR_DEFAULT_REGISTRATION_TIMEOUT_SECONDS: number;
/** 23 fixture auth history records per generated user. */
export declare const AUTHARMOR_AUTH_HISTORY_PER_USER: number;
/** 'ca000000-0000-4000-8000-' + 10-digit user index + 2-digit n (1-based within the user). */
export declare function authArmorCredentialId(index: number, n: number): string;
/** The user index and n a fixture credential id encodes, or undefined. */
export declare function parseAuthArmorCredentialId(
	credentialId: string,
): { index: number; n: number } | undefined;
/**
 * User `index`'s fixture credentials: 2 authenticator phones when index % 3 === 1 (else 1), a magic-link email
 * for even users, then 1 + index % 3 WebAuthn keys (the third, 'Touch ID', disabled). E.g. user 1: 4
 * (2 + 0 + 2), user 2: 5 (1 + 1 + 3), user 3: 2.
 */
export declare function authArmorCredentials(index: number): AuthArmorCredential[];
/** Builds a `get_auth_request_response`. */
export declare function authArmorAuthInfo(parts: AuthArmorAuthInfoParts): AuthArmorAuthInfo;
/**
 * Fixture auth history record n (1..23) of user `index`: id 'a0000000-0000-4000-8000-' + 10-digit index +
 * 2-digit n; result 10 when n % 11 === 0, else [2, 2, 3, 2, 5, 4][n % 6]; requested at date_created + n days.
 */
export declare function authArmorAuthHistoryRecord(index: number, n: number): AuthArmorAuthInfo;
/** The 23 fixture records of user `index`, oldest first. */
export declare function authArmorAuthHistory(index: number): AuthArmorAuthInfo[];
