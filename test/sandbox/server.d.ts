/** Types of server.js: the local stand-in for the Armor Defense and Auth Armor APIs. */

export * from './fixtures';

export type SandboxApi = 'armor' | 'authArmor';

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
}

export interface SandboxOptions extends Partial<SandboxKnobs> {
	/** Default '127.0.0.1'. */
	host?: string;
	/** Default 0 (random). */
	armorPort?: number;
	/** Default 0 (random). */
	authArmorPort?: number;
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
}

export interface FailureSpec {
	api: SandboxApi;
	/** Path prefix the request must start with, e.g. '/v4/users' or '/auth/token'. */
	path?: string;
	method?: string;
	status: number;
	/** How many matching requests fail (default 1). */
	count?: number;
	/** A string is sent as text; anything else as JSON. Default: a vendor-style error body. */
	body?: unknown;
	/** Sent as the Retry-After header. */
	retryAfter?: number | string;
}

export interface SandboxSummary {
	armor: { authorize: number; token: number; reissue: number; api: number; unauthorized: number };
	authArmor: { token: number; api: number; unauthorized: number };
}

export interface Sandbox {
	/** e.g. 'http://127.0.0.1:40001' */
	readonly armorUrl: string;
	readonly authArmorUrl: string;
	/** `${authArmorUrl}/connect/token` */
	readonly authArmorTokenUrl: string;
	/** Every non-control request in arrival order; one live array (cleared in place). */
	readonly requests: RecordedRequest[];
	clearRequests(): void;
	/** Validates and applies knobs (throws TypeError on an unknown or bad one); returns all current knobs. */
	configure(knobs: Partial<SandboxKnobs>): SandboxKnobs;
	/** Invalidates every token issued so far on both APIs; returns how many. */
	revokeAllTokens(): number;
	/** The next `count` matching requests answer `status` before any other processing. */
	injectFailures(spec: FailureSpec | FailureSpec[]): void;
	summary(): SandboxSummary;
	/** Closes both listeners, open connections and pending MFA waits. */
	close(): Promise<void>;
}

export declare const DEFAULT_KNOBS: Readonly<SandboxKnobs>;

export declare function startSandbox(options?: SandboxOptions): Promise<Sandbox>;
