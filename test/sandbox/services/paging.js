// @ts-check
'use strict';

/** Query parameters shared by the v2 service files: bounded integers and comma-separated lists. */

const { json, queryParam, intParam } = require('../http-util');
const { message } = require('../armor/common');

/** @typedef {import('../http-util').Reply} Reply */
/** @typedef {import('../state').SandboxState} SandboxState */

/**
 * The page size a list really answers: what was asked, or fewer under the `pageSizeCap` knob (servers that
 * cap page sizes silently).
 * @param {SandboxState} state
 * @param {number} asked
 */
function answeredPageSize(state, asked) {
	const cap = state.knobs.pageSizeCap;
	return cap === null ? asked : Math.min(cap, asked);
}

/**
 * An integer query parameter within [min, max]: its default when absent or empty, else a 400 naming it.
 * @param {URLSearchParams} params
 * @param {string} name
 * @param {{ fallback: number, min: number, max?: number }} bounds
 * @returns {{ value: number } | { reply: Reply }}
 */
function boundedInt(params, name, { fallback, min, max = Number.MAX_SAFE_INTEGER }) {
	const value = intParam(queryParam(params, name), fallback);
	if (Number.isInteger(value) && value >= min && value <= max) return { value };
	const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `between ${min} and ${max}`;
	return { reply: json(400, message(`${name} must be an integer ${range}.`)) };
}

/**
 * A comma-separated list parameter, lower-cased, empty entries dropped; undefined when absent or empty.
 * @param {URLSearchParams} params
 * @param {string} name
 */
function lowerList(params, name) {
	const raw = queryParam(params, name);
	const values = (raw ?? '')
		.split(',')
		.map((v) => v.trim().toLowerCase())
		.filter(Boolean);
	return values.length ? values : undefined;
}

/**
 * One of the allowed values (case-insensitive; the default when absent or empty), or a 400 naming them.
 * @template {string} T
 * @param {URLSearchParams} params
 * @param {string} name
 * @param {readonly T[]} allowed
 * @param {T} fallback
 * @returns {{ value: T } | { reply: Reply }}
 */
function oneOf(params, name, allowed, fallback) {
	const raw = (queryParam(params, name) ?? '').trim();
	if (raw === '') return { value: fallback };
	const value = allowed.find((a) => a.toLowerCase() === raw.toLowerCase());
	if (value !== undefined) return { value };
	return { reply: json(400, message(`${name} must be one of: ${allowed.join(', ')}.`)) };
}

module.exports = {
	answeredPageSize,
	boundedInt,
	lowerList,
	oneOf,
};
