// @ts-check
'use strict';

/**
 * Shared by the data changes of a running sandbox (changes.js and the resource files that add or change
 * records): the sandbox clock that stamps them, argument checks (a TypeError naming the bad argument) and the
 * error for a record that does not exist (control endpoints answer it 404).
 */

const fx = require('./fixtures');

/** @typedef {import('./state').SandboxState} SandboxState */

/** A record named by a change does not exist (an unknown ticket, incident, VM or user). */
class SandboxNotFoundError extends Error {
	/** @param {string} text */
	constructor(text) {
		super(text);
		this.name = 'SandboxNotFoundError';
	}
}

// ------------------------------------------------------------------ clock

/** @type {WeakMap<SandboxState, number>} the last time handed out, per sandbox */
const lastStamps = new WeakMap();

/**
 * The sandbox clock: `Date.now()`, but strictly increasing within one sandbox (each call answers at least 1 ms
 * after the previous one), so records added or changed later always sort after earlier ones. `count` times
 * for records added together: all the same one when `same`, else each 1 ms after the previous.
 * @param {SandboxState} state
 * @param {number} [count]
 * @param {boolean} [same]
 * @returns {number[]} epoch milliseconds
 */
function clockTimes(state, count = 1, same = false) {
	const first = Math.max(Date.now(), (lastStamps.get(state) ?? 0) + 1);
	const times = Array.from({ length: count }, (_, i) => (same ? first : first + i));
	lastStamps.set(state, times.length ? times[times.length - 1] : first - 1);
	return times;
}

/**
 * One sandbox clock time as ISO 8601 (UTC, milliseconds: the fixtures' format).
 * @param {SandboxState} state
 */
function clockIso(state) {
	return new Date(clockTimes(state)[0]).toISOString();
}

// ------------------------------------------------------------------ argument checks

/**
 * An options object (undefined: {}); a key outside `allowed` is a TypeError.
 * @param {string} what e.g. 'addTickets options'
 * @param {unknown} value
 * @param {readonly string[]} allowed
 * @returns {Record<string, unknown>}
 */
function optionsArg(what, value, allowed) {
	if (value === undefined) return {};
	if (typeof value !== 'object' || value === null || Array.isArray(value))
		throw new TypeError(`${what} must be an object.`);
	for (const key of Object.keys(value)) {
		if (!allowed.includes(key))
			throw new TypeError(
				`Unknown key "${key}" in ${what}. Known: ${allowed.join(', ') || 'none'}.`,
			);
	}
	return /** @type {Record<string, unknown>} */ (value);
}

/**
 * How many records to add: an integer 1..max.
 * @param {unknown} count
 * @param {number} max
 */
function countArg(count, max) {
	if (!Number.isInteger(count) || /** @type {number} */ (count) < 1)
		throw new TypeError(`count must be an integer of 1 or more (got ${JSON.stringify(count)}).`);
	if (/** @type {number} */ (count) > max)
		throw new TypeError(`count must be at most ${max} here (got ${count}).`);
	return /** @type {number} */ (count);
}

/**
 * An account of a fixture Armor user (1001, 1002, 2001).
 * @param {unknown} accountId
 */
function accountArg(accountId) {
	const known = fx.ARMOR_USERS.flatMap((u) => u.accounts.map((a) => a.id));
	if (typeof accountId !== 'number' || !known.includes(accountId))
		throw new TypeError(
			`accountId must be an account of a fixture user (${known.join(', ')}); got ${JSON.stringify(accountId)}.`,
		);
	return accountId;
}

/**
 * `sameTimestamp` of an add call (default false).
 * @param {Record<string, unknown>} options
 */
function sameTimestampOption(options) {
	const same = options.sameTimestamp ?? false;
	if (typeof same !== 'boolean') throw new TypeError('sameTimestamp must be a boolean.');
	return same;
}

/**
 * A field check: returns the value to store, or throws a TypeError.
 * @typedef {(value: unknown, name: string) => unknown} FieldRule
 */

/**
 * The `fields` option of an add call, checked against the rules of the record type (a field without a rule,
 * such as an id or a time, is a TypeError).
 * @param {Record<string, unknown>} options
 * @param {Record<string, FieldRule>} rules
 * @returns {Record<string, unknown>}
 */
function fieldsOption(options, rules) {
	const fields = options.fields;
	if (fields === undefined) return {};
	if (typeof fields !== 'object' || fields === null || Array.isArray(fields))
		throw new TypeError('fields must be an object.');
	/** @type {Record<string, unknown>} */
	const checked = {};
	for (const [name, value] of Object.entries(fields)) {
		const rule = rules[name];
		if (!rule)
			throw new TypeError(
				`fields.${name} cannot be set. Settable: ${Object.keys(rules).join(', ')}.`,
			);
		checked[name] = rule(value, `fields.${name}`);
	}
	return checked;
}

/**
 * A rule: a non-empty string of at most `max` characters.
 * @param {number} [max]
 * @returns {FieldRule}
 */
function textRule(max = 1000) {
	return (value, name) => {
		if (typeof value !== 'string' || value.trim() === '' || value.length > max)
			throw new TypeError(`${name} must be a non-empty string of at most ${max} characters.`);
		return value;
	};
}

/**
 * A rule: a string, or null when `nullable`.
 * @param {boolean} nullable
 * @returns {FieldRule}
 */
function stringRule(nullable) {
	return (value, name) => {
		if (value === null && nullable) return null;
		if (typeof value !== 'string')
			throw new TypeError(`${name} must be a string${nullable ? ' or null' : ''}.`);
		return value;
	};
}

/**
 * A rule: one of the given values (exact spelling).
 * @param {readonly string[]} allowed
 * @returns {FieldRule}
 */
function oneOfRule(allowed) {
	return (value, name) => {
		if (typeof value !== 'string' || !allowed.includes(value))
			throw new TypeError(`${name} must be one of: ${allowed.join(', ')}.`);
		return value;
	};
}

module.exports = {
	SandboxNotFoundError,
	clockTimes,
	clockIso,
	optionsArg,
	countArg,
	accountArg,
	sameTimestampOption,
	fieldsOption,
	textRule,
	stringRule,
	oneOfRule,
};
