// @ts-check
'use strict';

/**
 * Pieces shared by the Auth Armor files: the vendor's error body, form decoding, JSON bodies and their fields
 * (a 400 naming the first bad field), paging parameters and `page_info`, ids and tokens.
 */

const crypto = require('crypto');
const fx = require('../fixtures');
const {
	json,
	empty,
	uuid,
	mediaType,
	parseJson,
	isPlainObject,
	queryParam,
	intParam,
} = require('../http-util');

/** @typedef {import('../http-util').Reply} Reply */
/** @typedef {import('../armor/common').RequestContext} RequestContext */

const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The vendor's error body.
 * @param {number} status
 * @param {string} text
 */
function apiError(status, text) {
	return json(status, { error_code: status, error_message: text, tracking_id: uuid() });
}

/**
 * 403 with an empty body, as the vendor's 401 (armor-apis.md: "401/403 bodies may be empty"). `scope`: the
 * scope the token lacks (sent in WWW-Authenticate as RFC 6750 `insufficient_scope`).
 * @param {string} [scope]
 */
function forbidden(scope) {
	return empty(
		403,
		scope ? { 'WWW-Authenticate': `Bearer error="insufficient_scope", scope="${scope}"` } : {},
	);
}

/**
 * Undoes application/x-www-form-urlencoded escaping (used inside HTTP Basic client credentials).
 * @param {string} text
 */
function formDecode(text) {
	try {
		return decodeURIComponent(text.replace(/\+/g, ' '));
	} catch {
		return text;
	}
}

/** @param {number} ms epoch milliseconds */
function isoDate(ms) {
	return new Date(ms).toISOString();
}

/** An opaque random token (validation tokens, aa_sig values, challenges). */
function randomToken() {
	return crypto.randomBytes(24).toString('base64url');
}

/** The spec's JSON media types (application/json, text/json, application/*+json). */
const JSON_MEDIA = /^(application\/([\w.-]+\+)?json|text\/json)$/;

/**
 * The JSON object body of a POST / PUT: 415 when the content type is not JSON, 400 when it is empty (unless
 * `optional`), not JSON or not an object. An optional empty body reads as `{}` whatever its content type.
 * @param {RequestContext} ctx
 * @param {{ optional?: boolean }} [options]
 * @returns {{ body: Record<string, unknown> } | { reply: Reply }}
 */
function jsonBody(ctx, { optional = false } = {}) {
	if (optional && ctx.body.trim() === '') return { body: {} };
	if (!JSON_MEDIA.test(mediaType(ctx.headers['content-type'])))
		return { reply: apiError(415, 'The request body must be JSON.') };
	if (ctx.body.trim() === '') return { reply: apiError(400, 'A request body is required.') };
	const value = parseJson(ctx.body);
	if (!isPlainObject(value)) return { reply: apiError(400, 'The request body is not valid JSON.') };
	return { body: value };
}

/** Thrown by `Fields` readers; `handle` turns it into the 400. */
class FieldError extends Error {}

/**
 * Typed readers for the fields of a JSON body. A bad field throws a FieldError whose message names it; run the
 * readers inside `fieldsOrReply`, which answers it as a 400.
 */
class Fields {
	/** @param {Record<string, unknown>} body */
	constructor(body) {
		this.body = body;
	}

	/**
	 * A string (or null / absent: null). Empty strings count as absent.
	 * @param {string} name
	 * @param {{ required?: boolean, min?: number, max?: number }} [options]
	 * @returns {string | null}
	 */
	string(name, { required = false, min = 0, max = 4096 } = {}) {
		const value = this.body[name];
		if (value === undefined || value === null || value === '') {
			if (required) throw new FieldError(`${name} is required.`);
			return null;
		}
		if (typeof value !== 'string') throw new FieldError(`${name} must be a string.`);
		if (value.length < min || value.length > max)
			throw new FieldError(`${name} must be between ${min} and ${max} characters long.`);
		return value;
	}

	/**
	 * A GUID string (or absent: null).
	 * @param {string} name
	 * @param {{ required?: boolean }} [options]
	 */
	guid(name, { required = false } = {}) {
		const value = this.string(name, { required });
		if (value !== null && !GUID_PATTERN.test(value))
			throw new FieldError(`${name} is not a valid GUID.`);
		return value;
	}

	/**
	 * An integer within [min, max] (or null / absent: null).
	 * @param {string} name
	 * @param {number} min
	 * @param {number} max
	 * @returns {number | null}
	 */
	integer(name, min, max) {
		const value = this.body[name];
		if (value === undefined || value === null) return null;
		if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
			throw new FieldError(`${name} must be an integer between ${min} and ${max}.`);
		return value;
	}

	/**
	 * A boolean (absent / null: false).
	 * @param {string} name
	 */
	boolean(name) {
		const value = this.body[name];
		if (value === undefined || value === null) return false;
		if (typeof value !== 'boolean') throw new FieldError(`${name} must be true or false.`);
		return value;
	}

	/**
	 * One of `values`, compared case-insensitively (absent / null: `fallback`).
	 * @param {string} name
	 * @param {readonly string[]} values
	 * @param {string} fallback
	 */
	oneOf(name, values, fallback) {
		const value = this.body[name];
		if (value === undefined || value === null) return fallback;
		const match =
			typeof value === 'string' && values.find((v) => v.toLowerCase() === value.toLowerCase());
		if (!match) throw new FieldError(`${name} must be one of ${values.join(', ')}.`);
		return match;
	}

	/**
	 * An absolute http(s) URL.
	 * @param {string} name
	 * @param {{ required?: boolean }} [options]
	 */
	url(name, { required = false } = {}) {
		const value = this.string(name, { required, max: 2048 });
		if (value === null) return null;
		let parsed;
		try {
			parsed = new URL(value);
		} catch {
			parsed = undefined;
		}
		if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:'))
			throw new FieldError(`${name} must be an absolute http or https URL.`);
		return value;
	}

	/**
	 * An email address (something@domain.tld).
	 * @param {string} name
	 * @param {{ required?: boolean }} [options]
	 */
	email(name, { required = false } = {}) {
		const value = this.string(name, { required, max: 256 });
		if (value !== null && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value))
			throw new FieldError(`${name} is not a valid email address.`);
		return value;
	}

	/**
	 * `context_data`: an object of string (or null) values, or null.
	 * @param {string} name
	 * @returns {Record<string, string | null> | null}
	 */
	stringMap(name) {
		const value = this.body[name];
		if (value === undefined || value === null) return null;
		if (
			!isPlainObject(value) ||
			Object.values(value).some((v) => v !== null && typeof v !== 'string')
		) {
			throw new FieldError(`${name} must be an object of string values.`);
		}
		return /** @type {Record<string, string | null>} */ ({ ...value });
	}

	/**
	 * `origin_location_data` (spec schema `location_data`), or null.
	 * @param {string} name
	 */
	location(name) {
		const value = this.body[name];
		if (value === undefined || value === null) return null;
		if (!isPlainObject(value)) throw new FieldError(`${name} must be an object.`);
		const read = (/** @type {string} */ key) => {
			const v = value[key];
			if (v === undefined || v === null) return null;
			if (typeof v !== 'string') throw new FieldError(`${name}.${key} must be a string.`);
			return v;
		};
		return {
			latitude: read('latitude'),
			longitude: read('longitude'),
			ip_address: read('ip_address'),
		};
	}

	/**
	 * An object whose listed string fields are all required (`fido2_registration_data`).
	 * @param {string} name
	 * @param {string[]} keys
	 */
	record(name, keys) {
		const value = this.body[name];
		if (value === undefined || value === null) throw new FieldError(`${name} is required.`);
		if (!isPlainObject(value)) throw new FieldError(`${name} must be an object.`);
		for (const key of keys) {
			if (typeof value[key] !== 'string' || value[key] === '')
				throw new FieldError(`${name}.${key} is required.`);
		}
		return /** @type {Record<string, string>} */ (value);
	}
}

/**
 * Runs `read` over the body's fields; a FieldError becomes the vendor's 400 naming the field.
 * @template T
 * @param {Record<string, unknown>} body
 * @param {(fields: Fields) => T} read
 * @returns {{ value: T } | { reply: Reply }}
 */
function readFields(body, read) {
	try {
		return { value: read(new Fields(body)) };
	} catch (error) {
		if (error instanceof FieldError) return { reply: apiError(400, error.message) };
		throw error;
	}
}

/**
 * The paging query of a list: `page_number` (>= 1, default 1), `page_size` (1..100, default 20),
 * `sort_direction` (asc | desc, default asc), `sort_column` (one of `columns`, default the first).
 * @param {RequestContext} ctx
 * @param {readonly string[]} columns
 * @returns {{ pageNumber: number, pageSize: number, direction: 'asc' | 'desc', column: string } | { reply: Reply }}
 */
function pagingParams(ctx, columns) {
	const pageNumber = intParam(queryParam(ctx.params, 'page_number'), 1);
	if (!(pageNumber >= 1)) return { reply: apiError(400, 'page_number must be 1 or greater.') };
	const pageSize = intParam(queryParam(ctx.params, 'page_size'), fx.AUTHARMOR_DEFAULT_PAGE_SIZE);
	if (!(pageSize >= 1 && pageSize <= fx.AUTHARMOR_MAX_PAGE_SIZE)) {
		return {
			reply: apiError(400, `page_size must be between 1 and ${fx.AUTHARMOR_MAX_PAGE_SIZE}.`),
		};
	}
	const direction = (queryParam(ctx.params, 'sort_direction') || 'asc').toLowerCase();
	if (direction !== 'asc' && direction !== 'desc')
		return { reply: apiError(400, 'sort_direction must be asc or desc.') };
	const column = (queryParam(ctx.params, 'sort_column') || columns[0]).toLowerCase();
	if (!columns.includes(column))
		return { reply: apiError(400, `sort_column must be one of ${columns.join(', ')}.`) };
	return { pageNumber, pageSize, direction, column };
}

/**
 * `page_info` (with the vendor's `currnet_` spelling).
 * @param {number} pageNumber
 * @param {number} pageSize
 * @param {number} total
 */
function pageInfo(pageNumber, pageSize, total) {
	return {
		currnet_page_number: pageNumber,
		currnet_page_size: pageSize,
		total_page_count: Math.ceil(total / pageSize),
		total_record_count: total,
	};
}

/**
 * One page of an already sorted (ascending) list, reversed first for `desc`.
 * @template T
 * @param {T[]} ascending
 * @param {{ pageNumber: number, pageSize: number, direction: 'asc' | 'desc' }} paging
 */
function pageOf(ascending, { pageNumber, pageSize, direction }) {
	const ordered = direction === 'desc' ? [...ascending].reverse() : ascending;
	const start = (pageNumber - 1) * pageSize;
	return ordered.slice(start, start + pageSize);
}

module.exports = {
	Fields,
	GUID_PATTERN,
	apiError,
	forbidden,
	formDecode,
	isoDate,
	randomToken,
	jsonBody,
	readFields,
	pagingParams,
	pageInfo,
	pageOf,
};
