// @ts-check
'use strict';

/**
 * The sandbox's mutable state and its knobs (validated here, once, for options, configure() and the
 * control endpoint alike).
 */

const crypto = require('crypto');

/**
 * @typedef {object} Knobs
 * @property {number} armorTokenLifetimeSeconds
 * @property {'minutes' | 'seconds'} armorExpiresInUnit
 * @property {number} codeLifetimeSeconds
 * @property {number} mfaDelayMs
 * @property {boolean} meUserAsArray
 * @property {number} authArmorTokenLifetimeSeconds
 * @property {number} authArmorUserCount
 * @property {number} latencyMs
 * @property {false | 'json' | 'html'} echoRequestsInErrors
 * @property {boolean} reissueInvalidatesPrevious
 * @property {readonly string[]} refuseTokensOn
 * @property {LoginHold | null} holdLoginsUntil
 * @property {number} armorClockSkewSeconds added to the sandbox's clock for the ARMOR-PSK timestamp check only
 * @property {number | null} pageSizeCap list endpoints where the client picks a page size answer at most this many items per page, silently (v2 services, tickets, ticket comments, ticket archive)
 * @property {Approver} authArmorApprover how "the person" answers Auth Armor auth requests and registrations
 * @property {Readonly<Record<string, Approver>>} authArmorApproverByUser per username (case-insensitive), wins over `authArmorApprover`
 */

/**
 * What the simulated person does with an Auth Armor auth request or registration, `afterMs` after it started.
 * @typedef {{ readonly action: ApproverAction, readonly afterMs: number }} Approver
 */

/** @typedef {'approve' | 'decline' | 'timeout' | 'never'} ApproverAction */

/** @typedef {{ readonly count: number, readonly timeoutMs: number }} LoginHold */

/** @typedef {'armor' | 'authArmor' | 'services'} ApiName */

/** @typedef {'FH-AUTH' | 'ARMOR-PSK'} AuthScheme */

/**
 * @typedef {object} RecordedRequest
 * @property {ApiName} api
 * @property {string} method
 * @property {string} path
 * @property {Record<string, string | string[]>} query
 * @property {string} url
 * @property {Record<string, string | string[] | undefined>} headers
 * @property {string} body
 * @property {number} status 0 until the reply is written
 * @property {number} receivedAt
 * @property {AuthScheme} [authScheme] set once an Armor or services request was authenticated, by that scheme
 */

/**
 * @typedef {object} Failure
 * @property {ApiName} api
 * @property {string | undefined} path
 * @property {string | undefined} method
 * @property {number} status
 * @property {number} remaining
 * @property {number} every applies to every Nth matching request
 * @property {number} seen matching requests so far
 * @property {unknown} body
 * @property {string | undefined} retryAfter
 * @property {string | undefined} location
 * @property {string | undefined} contentType
 */

/**
 * @typedef {object} Delay
 * @property {ApiName} api
 * @property {string | undefined} path
 * @property {string | undefined} method
 * @property {number} delayMs
 * @property {number} remaining
 * @property {number} every applies to every Nth matching request
 * @property {number} seen matching requests so far
 */

/** @typedef {{ userId: number, expiresAt: number }} ArmorGrant */
/** @typedef {{ clientId: string, scopes: string[], expiresAt: number }} AuthArmorGrant */

/**
 * A comment on an MDR incident (spec schema `Comment`).
 * @typedef {{ id: string, authorDisplayName: string, authorEmail: string, body: string, created: string, updated: string, isPublic: boolean }} MdrComment
 */

/**
 * @typedef {object} SandboxState
 * @property {Knobs} knobs
 * @property {import('./http-util').Sleeper} sleeper
 * @property {RecordedRequest[]} requests
 * @property {Failure[]} failures
 * @property {Delay[]} delays
 * @property {Set<{ wake: () => void }>} waitingLogins logins held by `holdLoginsUntil`
 * @property {{ codes: Map<string, ArmorGrant>, tokens: Map<string, ArmorGrant> }} armor
 * @property {{
 *   issuer: string,
 *   signingKey: Buffer,
 *   tokens: Map<string, AuthArmorGrant>,
 *   renames: Map<number, string>,
 *   renamedIndexByName: Map<string, number>,
 *   renameVersion: number,
 *   sortCache: Map<string, { key: string, order: Uint32Array }>,
 * }} authArmor
 * @property {{ comments: Map<string, MdrComment[]>, nextCommentId: number }} services comments added to MDR
 *   incidents (by issue key), on top of the fixtures' own
 */

/** @type {Readonly<Knobs>} */
const DEFAULT_KNOBS = Object.freeze({
	armorTokenLifetimeSeconds: 900,
	armorExpiresInUnit: 'minutes',
	codeLifetimeSeconds: 120,
	mfaDelayMs: 0,
	meUserAsArray: false,
	authArmorTokenLifetimeSeconds: 600,
	authArmorUserCount: 25,
	latencyMs: 0,
	echoRequestsInErrors: false,
	reissueInvalidatesPrevious: false,
	refuseTokensOn: Object.freeze([]),
	holdLoginsUntil: null,
	armorClockSkewSeconds: 0,
	pageSizeCap: null,
	authArmorApprover: /** @type {Approver} */ (Object.freeze({ action: 'approve', afterMs: 0 })),
	authArmorApproverByUser: Object.freeze({}),
});

const APPROVER_ACTIONS = ['approve', 'decline', 'timeout', 'never'];

/**
 * An approver as given: `{action, afterMs?}`, or the command-line form 'action' / 'action:afterMs'. Returns the
 * frozen approver, or undefined when the value is not one.
 * @param {unknown} value
 * @returns {Approver | undefined}
 */
function parseApprover(value) {
	if (typeof value === 'string') {
		const match = /^(approve|decline|timeout|never)(?::(\d+(?:\.\d+)?))?$/.exec(value.trim());
		if (!match) return undefined;
		return Object.freeze({
			action: /** @type {ApproverAction} */ (match[1]),
			afterMs: match[2] === undefined ? 0 : Number(match[2]),
		});
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
	const { action, afterMs = 0, ...rest } = /** @type {Record<string, unknown>} */ (value);
	if (Object.keys(rest).length || typeof action !== 'string' || !APPROVER_ACTIONS.includes(action))
		return undefined;
	if (!isNonNegativeNumber(afterMs)) return undefined;
	return Object.freeze({
		action: /** @type {ApproverAction} */ (action),
		afterMs: /** @type {number} */ (afterMs),
	});
}

/**
 * Approvers by username: an object of approvers, or (command line) its JSON text. Returns a frozen copy, or
 * undefined when the value is not one.
 * @param {unknown} value
 * @returns {Readonly<Record<string, Approver>> | undefined}
 */
function parseApproverByUser(value) {
	let input = value;
	if (typeof input === 'string') {
		try {
			input = JSON.parse(input);
		} catch {
			return undefined;
		}
	}
	if (typeof input !== 'object' || input === null || Array.isArray(input)) return undefined;
	/** @type {Record<string, Approver>} */
	const copy = {};
	for (const [username, spec] of Object.entries(input)) {
		const approver = parseApprover(spec);
		if (!approver || username.trim() === '') return undefined;
		copy[username] = approver;
	}
	return Object.freeze(copy);
}

const MAX_USER_COUNT = 10_000_000;

/**
 * Knobs whose value is an object or array: what is stored is a frozen copy.
 * @type {Partial<Record<keyof Knobs, (value: any) => unknown>>}
 */
const KNOB_COPIES = {
	refuseTokensOn: (v) => Object.freeze([.../** @type {string[]} */ (v)]),
	holdLoginsUntil: (v) => v && Object.freeze({ count: v.count, timeoutMs: v.timeoutMs }),
	authArmorApprover: parseApprover,
	authArmorApproverByUser: parseApproverByUser,
};

/** @type {Record<keyof Knobs, (value: unknown) => boolean>} */
const KNOB_RULES = {
	armorTokenLifetimeSeconds: isPositiveNumber,
	armorExpiresInUnit: (v) => v === 'minutes' || v === 'seconds',
	codeLifetimeSeconds: isPositiveNumber,
	mfaDelayMs: isNonNegativeNumber,
	meUserAsArray: (v) => typeof v === 'boolean',
	authArmorTokenLifetimeSeconds: isPositiveNumber,
	authArmorUserCount: (v) =>
		Number.isInteger(v) &&
		/** @type {number} */ (v) >= 0 &&
		/** @type {number} */ (v) <= MAX_USER_COUNT,
	latencyMs: isNonNegativeNumber,
	echoRequestsInErrors: (v) => v === false || v === 'json' || v === 'html',
	reissueInvalidatesPrevious: (v) => typeof v === 'boolean',
	refuseTokensOn: (v) =>
		Array.isArray(v) && v.every((prefix) => typeof prefix === 'string' && prefix.startsWith('/')),
	holdLoginsUntil: (v) =>
		v === null ||
		(typeof v === 'object' &&
			!Array.isArray(v) &&
			Object.keys(v).every((key) => key === 'count' || key === 'timeoutMs') &&
			Number.isInteger(/** @type {LoginHold} */ (v).count) &&
			/** @type {LoginHold} */ (v).count >= 1 &&
			isNonNegativeNumber(/** @type {LoginHold} */ (v).timeoutMs)),
	armorClockSkewSeconds: (v) => typeof v === 'number' && Number.isFinite(v),
	pageSizeCap: (v) => v === null || (typeof v === 'number' && Number.isInteger(v) && v >= 1),
	authArmorApprover: (v) => parseApprover(v) !== undefined,
	authArmorApproverByUser: (v) => parseApproverByUser(v) !== undefined,
};

/** @param {unknown} v */
function isPositiveNumber(v) {
	return typeof v === 'number' && Number.isFinite(v) && v > 0;
}

/** @param {unknown} v */
function isNonNegativeNumber(v) {
	return typeof v === 'number' && Number.isFinite(v) && v >= 0;
}

/** @returns {string[]} */
function knobNames() {
	return Object.keys(DEFAULT_KNOBS);
}

/**
 * Checks a partial set of knobs; throws a TypeError naming the first bad one.
 * @param {unknown} input
 * @returns {Partial<Knobs>}
 */
function validateKnobs(input) {
	if (typeof input !== 'object' || input === null || Array.isArray(input)) {
		throw new TypeError('Sandbox knobs must be an object.');
	}
	/** @type {Record<string, unknown>} */
	const knobs = {};
	for (const [name, value] of Object.entries(input)) {
		if (value === undefined) continue;
		const rule = KNOB_RULES[/** @type {keyof Knobs} */ (name)];
		if (!rule)
			throw new TypeError(`Unknown sandbox knob "${name}". Known: ${knobNames().join(', ')}.`);
		if (!rule(value))
			throw new TypeError(`Invalid value for sandbox knob "${name}": ${JSON.stringify(value)}.`);
		const copy = KNOB_COPIES[/** @type {keyof Knobs} */ (name)];
		knobs[name] = copy ? copy(value) : value;
	}
	return /** @type {Partial<Knobs>} */ (knobs);
}

/**
 * @param {Partial<Knobs>} knobs already validated
 * @returns {SandboxState}
 */
function createState(knobs) {
	return {
		knobs: { ...DEFAULT_KNOBS, ...knobs },
		sleeper: { closed: false, pending: new Set() },
		requests: [],
		failures: [],
		delays: [],
		waitingLogins: new Set(),
		armor: { codes: new Map(), tokens: new Map() },
		authArmor: {
			issuer: '',
			signingKey: crypto.randomBytes(32),
			tokens: new Map(),
			renames: new Map(),
			renamedIndexByName: new Map(),
			renameVersion: 0,
			sortCache: new Map(),
		},
		services: { comments: new Map(), nextCommentId: 1 },
	};
}

/**
 * Invalidates every token issued so far, on both APIs. Returns how many were dropped.
 * @param {SandboxState} state
 */
function revokeAllTokens(state) {
	const count = state.armor.tokens.size + state.authArmor.tokens.size;
	state.armor.tokens.clear();
	state.authArmor.tokens.clear();
	return count;
}

/**
 * Whether `refuseTokensOn` names a prefix of this path (case-insensitive): its tokens count as invalid.
 * @param {SandboxState} state
 * @param {string} path
 */
function refusesTokens(state, path) {
	const lower = path.toLowerCase();
	return state.knobs.refuseTokensOn.some((prefix) => lower.startsWith(prefix.toLowerCase()));
}

/** @type {WeakMap<Map<string, { expiresAt: number }>, number>} */
const pruneThresholds = new WeakMap();

/**
 * Drops expired entries whenever a map has doubled since the last sweep (amortised O(1) per token),
 * so long benchmarks do not accumulate tokens or codes.
 * @param {Map<string, { expiresAt: number }>} map
 * @param {number} now
 */
function pruneExpired(map, now) {
	if (map.size < (pruneThresholds.get(map) ?? 1000)) return;
	for (const [key, grant] of map) if (grant.expiresAt <= now) map.delete(key);
	pruneThresholds.set(map, Math.max(1000, map.size * 2));
}

module.exports = {
	DEFAULT_KNOBS,
	knobNames,
	validateKnobs,
	createState,
	revokeAllTokens,
	refusesTokens,
	pruneExpired,
};
