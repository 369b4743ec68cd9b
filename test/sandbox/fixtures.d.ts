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
