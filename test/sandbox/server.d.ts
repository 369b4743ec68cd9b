/** Types of server.js: the local stand-in for the Armor Defense and Auth Armor APIs and Armor's v2 services. */

export * from './fixtures';

import type {
	ArmorSecurityIncident,
	AuthArmorAuthInfo,
	AuthArmorCredentialType,
	AuthArmorUser,
	MdrIncident,
	MdrServiceRequest,
} from './fixtures';
import type { ArmorLogSearchHit, ArmorTicketRecord, ArmorVm } from './armorData';

/** 'services': the v2 services listener (`servicesUrl`: /mdr, /infrastructure, /agent-management). */
export type SandboxApi = 'armor' | 'authArmor' | 'services';

/** How an Armor or services request was let in. */
export type ArmorAuthScheme = 'FH-AUTH' | 'ARMOR-PSK';

export interface SandboxKnobs {
	/** Armor access token lifetime (default 900). Fractions allowed. */
	armorTokenLifetimeSeconds: number;
	/** How Armor reports `expires_in`: 'minutes' (default, lifetime/60 rounded) or 'seconds'. */
	armorExpiresInUnit: 'minutes' | 'seconds';
	/** Lifetime of an /auth/authorize code (default 120). */
	codeLifetimeSeconds: number;
	/** How long /auth/authorize blocks for the MFA user (default 0). */
	mfaDelayMs: number;
	/** GET /me returns `user` as a one-element array (default false). */
	meUserAsArray: boolean;
	/** Auth Armor access token lifetime (default 600). */
	authArmorTokenLifetimeSeconds: number;
	/** Number of generated Auth Armor users (default 25). */
	authArmorUserCount: number;
	/** Delay added to every non-control response (default 0). */
	latencyMs: number;
	/**
	 * Every 4xx/5xx answer of either API (real errors, and injected failures without an explicit `body`)
	 * carries the whole request back: every header (Authorization included) and the raw body. 'json': the
	 * vendor's error shape with `Request: ...` appended to its message field (`Message`, `error_message` or
	 * `error_description`) plus `request: { method, url, headers, body }`; 'html': a text/html error page with
	 * the same text in a `<pre>`. Default false.
	 */
	echoRequestsInErrors: false | 'json' | 'html';
	/** A successful /auth/token/reissue revokes the token it was given (default false). */
	reissueInvalidatesPrevious: boolean;
	/**
	 * Path prefixes (case-insensitive, either API) where every token is refused as invalid: 401 with the
	 * vendor's body, even for a fresh one (default []). A listed login endpoint refuses its credentials.
	 */
	refuseTokensOn: readonly string[];
	/**
	 * Logins (Armor POST /auth/authorize, Auth Armor POST /connect/token) wait until `count` of them wait at
	 * once (then all go on) or `timeoutMs` after each arrived (then that one goes on). Default null (off).
	 */
	holdLoginsUntil: SandboxLoginHold | null;
	/**
	 * Seconds added to the sandbox's clock for the ARMOR-PSK timestamp check only (default 0; any finite
	 * number), to act as a server whose clock is off: a signature is accepted when its timestamp is within 300 s
	 * of now + this.
	 */
	armorClockSkewSeconds: number;
	/** List endpoints where the client picks a page size answer at most this many per page, silently (v2 services). */
	pageSizeCap: number | null;
	/**
	 * How the simulated person answers Auth Armor auth requests and registrations, `afterMs` after each
	 * started (taken when it starts; computed on read, no timers). Default `{ action: 'approve', afterMs: 0 }`.
	 * Also accepted (command line): 'approve', 'decline:500'.
	 */
	authArmorApprover: SandboxApprover;
	/**
	 * Per username (case-insensitive), winning over `authArmorApprover`. Default {}. Also accepted (command
	 * line): its JSON text.
	 */
	authArmorApproverByUser: Readonly<Record<string, SandboxApprover>>;
}

/**
 * - approve: completed / success at afterMs (a registration: accepted, pending validation);
 * - decline: completed / declined at afterMs;
 * - timeout: completed / timeout at the request's own `timeout_in_seconds` if it sent one, else at afterMs;
 * - never: stays pending.
 * approve / decline with afterMs >= the request's timeout time out at the timeout instead. WebAuthn: the
 * person answers at /finish (approve / decline there; timeout / never: /finish answers 400).
 */
export interface SandboxApprover {
	action: 'approve' | 'decline' | 'timeout' | 'never';
	/** >= 0; default 0. */
	afterMs?: number;
}

export interface SandboxLoginHold {
	/** Integer >= 1. */
	count: number;
	/** >= 0. */
	timeoutMs: number;
}

export interface SandboxOptions extends Partial<SandboxKnobs> {
	/** Default '127.0.0.1'. */
	host?: string;
	/** Default 0 (random). */
	armorPort?: number;
	/** Default 0 (random). */
	authArmorPort?: number;
	/** The v2 services listener. Default 0 (random). */
	servicesPort?: number;
}

export interface RecordedRequest {
	api: SandboxApi;
	method: string;
	/** Pathname only. */
	path: string;
	query: Record<string, string | string[]>;
	/** Path and query string exactly as received. */
	url: string;
	/** Lower-cased names, values as received. */
	headers: Record<string, string | string[] | undefined>;
	/** Raw body. */
	body: string;
	/** Response status (0 while the response is pending). */
	status: number;
	/** Date.now() at arrival. */
	receivedAt: number;
	/** Set (Armor and services requests) once the request was authenticated, by that scheme. */
	authScheme?: ArmorAuthScheme;
}

export interface FailureSpec {
	api: SandboxApi;
	/** Path prefix the request must start with, e.g. '/v4/users' or '/auth/token'. */
	path?: string;
	method?: string;
	/** 200..599 (e.g. 200 with a non-JSON string body, 302/307 with `location`). */
	status: number;
	/** How many matching requests fail (default 1). */
	count?: number;
	/** Applies to every Nth matching request only (the others pass through); default 1 = each. */
	every?: number;
	/**
	 * A string is sent as text; anything else as JSON. Default: a vendor-style error body (status >= 400) or
	 * nothing (below 400).
	 */
	body?: unknown;
	/** Sent as the Retry-After header. */
	retryAfter?: number | string;
	/** Absolute http(s) URL sent as the Location header (meant with 301/302/303/307/308). */
	location?: string;
	/**
	 * Content-Type for `body` (required with it). Default: JSON, or for a string text/plain, or
	 * `text/html; charset=utf-8` when it starts with '<'.
	 */
	contentType?: string;
}

export interface DelaySpec {
	api: SandboxApi;
	/** Path prefix the request must start with. */
	path?: string;
	method?: string;
	/** How long each matching request is held before normal processing. */
	delayMs: number;
	/** How many matching requests are held (default 1). */
	count?: number;
	/** Applies to every Nth matching request only; default 1 = each. */
	every?: number;
}

export interface SandboxSummary {
	armor: {
		authorize: number;
		token: number;
		reissue: number;
		/** Every other Armor request, whatever its credential (or none). */
		api: number;
		/** Answers 401. */
		unauthorized: number;
		/** Requests (among `api`) let in by an ARMOR-PSK signature. */
		psk: number;
	};
	authArmor: { token: number; api: number; unauthorized: number };
	/** The v2 services listener: every request, and its 401 answers. */
	services: { api: number; unauthorized: number };
}

/**
 * Options of the data-change methods that add records. Records added get the sandbox clock's time: ISO 8601,
 * UTC, with milliseconds (`2026-01-02T03:04:05.678Z`, the fixtures' format, so string order = time order);
 * the clock is Date.now() made strictly increasing per sandbox, so each record of a call is 1 ms after the
 * previous one and after anything added or changed before.
 */
export interface SandboxAddOptions<F> {
	/** Every record of this call gets one and the same time (to test ties). Default false. */
	sameTimestamp?: boolean;
	/** Values for some fields of every added record (ids and times cannot be set). */
	fields?: F;
}

export type SandboxTicketStatus =
	| 'Open'
	| 'In Progress'
	| 'Waiting on Customer'
	| 'Resolved'
	| 'Closed';
export type SandboxPriority = 'Low' | 'Medium' | 'High' | 'Critical';

export interface SandboxTicketFields {
	summary?: string;
	/** Default 'Open'. */
	status?: SandboxTicketStatus;
	priority?: SandboxPriority;
	description?: string;
	/** A request type id (1..4) or name ('Technical Support', 'Security Incident', ...). */
	requestType?: number | string;
}

export type SandboxMdrIncidentStatus =
	| 'Open'
	| 'In Progress'
	| 'Waiting for Customer'
	| 'Resolved'
	| 'Closed';

export interface SandboxMdrIncidentFields {
	summary?: string;
	/** Default 'Open'. */
	status?: SandboxMdrIncidentStatus;
	priority?: SandboxPriority;
	/** Details only (and `sortBy=severity`). */
	severity?: SandboxPriority;
	assignee?: string | null;
}

export interface SandboxMdrServiceRequestFields {
	summary?: string;
	/** Default 'Open'. */
	status?: 'Open' | 'In Progress' | 'Waiting for Support' | 'Resolved';
	priority?: SandboxPriority;
	assignee?: string | null;
}

export interface SandboxSecurityIncidentFields {
	title?: string;
	severity?: SandboxPriority;
	/** Default 'Open'. */
	status?: 'Open' | 'Closed';
}

export interface SandboxLogSearchHitFields {
	eventType?: string;
	severity?: 'Low' | 'Medium' | 'High';
	hostName?: string;
	sourceIp?: string;
	destinationIp?: string;
	message?: string;
}

export interface SandboxAuthArmorUserFields {
	/** Only when adding one user; must be free. Default `user<index>@autharmor.example`. */
	username?: string;
	/** Default: the username. */
	email_address?: string | null;
}

/** 'failed' = 'invalid_signature' = 4; 'timeout' (5) has no response details. */
export type SandboxAuthResult =
	| 'success'
	| 'declined'
	| 'failed'
	| 'invalid_signature'
	| 'timeout'
	| 'security_exception'
	| 2
	| 3
	| 4
	| 5
	| 10;

export interface SandboxAuthHistoryOptions {
	/** Default 'success'. */
	result?: SandboxAuthResult;
	/** Default 'autharmor_authenticator'. */
	method?: AuthArmorCredentialType;
	sameTimestamp?: boolean;
}

/** Thrown by the data-change methods for an unknown ticket, incident, VM or user (bad arguments: TypeError). */
export declare class SandboxNotFoundError extends Error {}

export interface Sandbox {
	/** e.g. 'http://127.0.0.1:40001' */
	readonly armorUrl: string;
	readonly authArmorUrl: string;
	/** `${authArmorUrl}/connect/token` */
	readonly authArmorTokenUrl: string;
	/**
	 * The v2 services listener, e.g. 'http://127.0.0.1:40002': `${servicesUrl}/mdr`, `/infrastructure`,
	 * `/agent-management` (a service-host template `${servicesUrl}/{service}` reaches them).
	 */
	readonly servicesUrl: string;
	/** Every non-control request in arrival order; one live array (cleared in place). */
	readonly requests: RecordedRequest[];
	clearRequests(): void;
	/** Validates and applies knobs (throws TypeError on an unknown or bad one); returns all current knobs. */
	configure(knobs: Partial<SandboxKnobs>): SandboxKnobs;
	/** Invalidates every token issued so far on both APIs; returns how many. */
	revokeAllTokens(): number;
	/** The next `count` matching requests answer `status` instead of being processed. */
	injectFailures(spec: FailureSpec | FailureSpec[]): void;
	/** The next `count` matching requests are held `delayMs` before normal processing. */
	injectDelays(spec: DelaySpec | DelaySpec[]): void;
	/** How many logins `holdLoginsUntil` holds right now. */
	waitingLogins(): number;
	summary(): SandboxSummary;

	// Data changes (README "Data changes"): each also has a control endpoint under /__sandbox/.
	/**
	 * Adds tickets to an account (keys continue `ARM-<account>-NNN`, at most 999), created = updated = the
	 * sandbox clock; status 'Open' unless `fields` say otherwise. Visible in /tickets/list, /tickets/list-all,
	 * /tickets/{key}/details. Returns them as /tickets/list-all lists them, in the order added.
	 */
	addTickets(
		accountId: number,
		count: number,
		options?: SandboxAddOptions<SandboxTicketFields>,
	): ArmorTicketRecord[];
	/** Changes a ticket's status and / or summary; `updated` / `updatedDate` move to the sandbox clock. */
	updateTicket(
		accountId: number,
		key: string,
		changes?: { status?: SandboxTicketStatus; summary?: string },
	): ArmorTicketRecord;
	/** Adds MDR incidents (`SEC-` + accountId * 100 + n; at most 99 per account), created = updated = now. */
	addMdrIncidents(
		accountId: number,
		count: number,
		options?: SandboxAddOptions<SandboxMdrIncidentFields>,
	): MdrIncident[];
	/** Changes an MDR incident's status and / or priority; `updated` moves to the sandbox clock. */
	updateMdrIncident(
		accountId: number,
		issueKey: string,
		changes?: { status?: SandboxMdrIncidentStatus; priority?: SandboxPriority },
	): MdrIncident;
	/** Adds MDR service requests (`SR-` + accountId * 100 + n; at most 99 per account). */
	addMdrServiceRequests(
		accountId: number,
		count: number,
		options?: SandboxAddOptions<SandboxMdrServiceRequestFields>,
	): MdrServiceRequest[];
	/** Adds security incidents (id accountId * 1000 + n); they list last (the list is oldest first). */
	addSecurityIncidents(
		accountId: number,
		count: number,
		options?: SandboxAddOptions<SandboxSecurityIncidentFields>,
	): ArmorSecurityIncident[];
	/** Adds log search hits to a view (case-insensitive name); they list first (newest first). */
	addLogSearchHits(
		accountId: number,
		viewName: string,
		count: number,
		options?: SandboxAddOptions<SandboxLogSearchHitFields>,
	): ArmorLogSearchHit[];
	/** Powers a v1 VM (id or coreInstanceId) on or off: `status` 4 / 8 as after POST /vms/{id}/power/...; idempotent. */
	setVmPowerState(accountId: number, vmId: number | string, state: 'on' | 'off'): ArmorVm;
	/** Adds Auth Armor users (ids from authArmorUserId(10000001) on), each with an authenticator credential. */
	addAuthArmorUsers(
		count: number,
		options?: SandboxAddOptions<SandboxAuthArmorUserFields>,
	): (AuthArmorUser & { username: string })[];
	/** Adds completed auth requests to a user's history (user: index, user id or username). */
	addAuthArmorHistory(
		user: number | string,
		count: number,
		options?: SandboxAuthHistoryOptions,
	): AuthArmorAuthInfo[];

	/** Closes the three listeners, open connections and pending waits (MFA, delays, held logins). */
	close(): Promise<void>;
}

export declare const DEFAULT_KNOBS: Readonly<SandboxKnobs>;

export declare function startSandbox(options?: SandboxOptions): Promise<Sandbox>;

export interface ArmorPskSignatureInput {
	keyId: string;
	secret: string;
	/** Upper-cased before signing. */
	method: string;
	/** Without scheme, host and query, exactly as sent (e.g. '/me', '/mdr/incidents'). */
	path: string;
	nonce: string;
	timestamp: string | number;
	/** The exact body bytes sent (a string as UTF-8); empty or absent: no body part. */
	body?: string | Uint8Array;
}

/**
 * base64(HMAC-SHA512(key = secret as UTF-8, message = keyId + METHOD + path + nonce + timestamp + bodyPart)),
 * bodyPart = '' for an empty body, else base64(SHA-512(body bytes)). What the sandbox verifies.
 */
export declare function armorPskSignature(input: ArmorPskSignatureInput): string;

/**
 * A whole `Authorization` value: `ARMOR-PSK <keyId>:<signature>:<ts>:<ts>` (nonce = timestamp; default now,
 * in Unix seconds).
 */
export declare function armorPskAuthorization(
	key: { keyId: string; secret: string },
	request: { method: string; path: string; body?: string | Uint8Array; timestamp?: number },
): string;

/** A request as the foreign listener recorded it. */
export interface ForeignRequest {
	method: string;
	/** Path and query string exactly as received. */
	url: string;
	/** Pathname only. */
	path: string;
	/** Lower-cased names, values as received. */
	headers: Record<string, string | string[] | undefined>;
	/** Raw body. */
	body: string;
	/** Date.now() at arrival. */
	receivedAt: number;
}

/** "Another host": records every request and answers 200 {"ok":true}. It must never receive a secret. */
export interface ForeignListener {
	/** e.g. 'http://127.0.0.1:40003' */
	readonly url: string;
	/** Every request in arrival order; one live array (cleared in place). */
	readonly requests: ForeignRequest[];
	clear(): void;
	/**
	 * Which of the given non-empty secrets appear in any recorded request (url, headers, body), as sent,
	 * URL/form-decoded, or inside HTTP Basic credentials. Empty strings are ignored.
	 */
	leaks(secrets: string[]): string[];
	close(): Promise<void>;
}

export interface ForeignListenerOptions {
	/** Default '127.0.0.1'. */
	host?: string;
}

export declare function startForeignListener(
	options?: ForeignListenerOptions,
): Promise<ForeignListener>;
