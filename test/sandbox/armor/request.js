// @ts-check
'use strict';

/**
 * Request checks shared by the Armor v1 resource files: JSON bodies with ASP.NET Web API style model errors
 * (`{Message: 'The request is invalid.', ModelState: {field: [text]}}`), query parameters (integers, booleans,
 * dates, the page styles) and the `{Message}` 400/404 replies.
 */

const { json, mediaType, parseJson, isPlainObject, queryParam, intParam } = require('../http-util');
const { message } = require('./common');

/** @typedef {import('../http-util').Reply} Reply */
/** @typedef {import('./common').RequestContext} RequestContext */

/** @param {string} text */
const badRequest = (text) => json(400, message(text));

/** @param {string} text */
const notFound = (text) => json(404, message(text));

/**
 * 400 with the model errors of a body, by field name.
 * @param {Record<string, string[]>} modelState
 */
function invalidModel(modelState) {
	return json(400, { Message: 'The request is invalid.', ModelState: modelState });
}

/**
 * The JSON object body of a call: 400 when it is empty, not JSON or not an object; 415 when the content type
 * is not JSON.
 * @param {RequestContext} ctx
 * @returns {{ value: Record<string, unknown> } | { reply: Reply }}
 */
function jsonBody(ctx) {
	if (ctx.body.trim() === '')
		return { reply: invalidModel({ request: ['A request body is required.'] }) };
	const type = mediaType(ctx.headers['content-type']);
	if (type !== 'application/json' && type !== 'text/json') {
		return {
			reply: json(
				415,
				message(
					`The request entity's media type '${type || 'none'}' is not supported for this resource.`,
				),
			),
		};
	}
	const value = parseJson(ctx.body);
	if (!isPlainObject(value))
		return { reply: invalidModel({ request: ['The request body must be a JSON object.'] }) };
	return { value };
}

/**
 * Collects field errors of a body; `reply()` is the 400 when there is any.
 */
class ModelErrors {
	constructor() {
		/** @type {Record<string, string[]>} */
		this.errors = {};
	}

	/**
	 * @param {string} field
	 * @param {string} text
	 */
	add(field, text) {
		(this.errors[field] ??= []).push(text);
	}

	/**
	 * A required string field: trimmed, non-empty, at most `max` characters. Undefined when it is not.
	 * @param {Record<string, unknown>} body
	 * @param {string} field
	 * @param {{ max?: number, optional?: boolean }} [options]
	 * @returns {string | undefined}
	 */
	string(body, field, { max = 256, optional = false } = {}) {
		const value = body[field];
		if (value === undefined || value === null) {
			if (!optional) this.add(field, `The ${field} field is required.`);
			return undefined;
		}
		if (typeof value !== 'string') {
			this.add(field, `The ${field} field must be a string.`);
			return undefined;
		}
		const trimmed = value.trim();
		if (!optional && trimmed === '') {
			this.add(field, `The ${field} field must not be empty.`);
			return undefined;
		}
		if (trimmed.length > max) {
			this.add(field, `The ${field} field must be at most ${max} characters long.`);
			return undefined;
		}
		return trimmed;
	}

	/**
	 * A required boolean field (JSON true/false only).
	 * @param {Record<string, unknown>} body
	 * @param {string} field
	 * @returns {boolean | undefined}
	 */
	boolean(body, field) {
		const value = body[field];
		if (value === undefined || value === null) {
			this.add(field, `The ${field} field is required.`);
			return undefined;
		}
		if (typeof value !== 'boolean') {
			this.add(field, `The ${field} field must be true or false.`);
			return undefined;
		}
		return value;
	}

	/**
	 * A required integer field (a JSON number, or a string of digits as Web API binds it).
	 * @param {Record<string, unknown>} body
	 * @param {string} field
	 * @returns {number | undefined}
	 */
	integer(body, field) {
		const value = body[field];
		if (value === undefined || value === null) {
			this.add(field, `The ${field} field is required.`);
			return undefined;
		}
		const number =
			typeof value === 'number'
				? value
				: typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value)
					? Number(value)
					: NaN;
		if (!Number.isSafeInteger(number)) {
			this.add(field, `The ${field} field must be an integer.`);
			return undefined;
		}
		return number;
	}

	get any() {
		return Object.keys(this.errors).length > 0;
	}

	reply() {
		return invalidModel(this.errors);
	}
}

/**
 * A whole-number path segment, or NaN.
 * @param {string} raw
 */
function pathInt(raw) {
	return /^\d{1,15}$/.test(raw) ? Number(raw) : NaN;
}

/**
 * An optional integer query parameter within [min, max]; the reply is a 400 naming it.
 * @param {RequestContext} ctx
 * @param {string} name
 * @param {number} fallback
 * @param {number} min
 * @param {number} [max]
 * @returns {{ value: number } | { reply: Reply }}
 */
function intQuery(ctx, name, fallback, min, max = Number.MAX_SAFE_INTEGER) {
	const value = intParam(queryParam(ctx.params, name), fallback);
	if (value >= min && value <= max) return { value };
	const range = max === Number.MAX_SAFE_INTEGER ? `${min} or greater` : `between ${min} and ${max}`;
	return { reply: badRequest(`${name} must be ${range}.`) };
}

/**
 * The `page` parameter of the `{total, page, items}` endpoints (1-based, default 1) and that page of `all`.
 * @template T
 * @param {RequestContext} ctx
 * @param {number} total
 * @param {number} pageSize
 * @param {(index: number) => T} item the item at a 0-based position
 * @returns {Reply}
 */
function pageReply(ctx, total, pageSize, item) {
	const page = intQuery(ctx, 'page', 1, 1);
	if ('reply' in page) return page.reply;
	const items = [];
	const first = (page.value - 1) * pageSize;
	for (let i = first; i < total && i < first + pageSize; i++) items.push(item(i));
	return json(200, { total, page: page.value, items });
}

/**
 * An optional boolean query parameter ('true' / 'false', any case): undefined when absent, null when invalid.
 * @param {RequestContext} ctx
 * @param {string} name
 * @returns {boolean | undefined | null}
 */
function boolQuery(ctx, name) {
	const raw = queryParam(ctx.params, name);
	if (raw === undefined || raw.trim() === '') return undefined;
	const lower = raw.trim().toLowerCase();
	if (lower === 'true') return true;
	if (lower === 'false') return false;
	return null;
}

const DATE_PATTERN =
	/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * An ISO 8601 date or date-time (UTC when it names no zone) as milliseconds: undefined when absent, NaN when
 * invalid.
 * @param {string | undefined} raw
 */
function dateValue(raw) {
	if (raw === undefined || raw.trim() === '') return undefined;
	const text = raw.trim();
	if (!DATE_PATTERN.test(text)) return NaN;
	const zoned = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(text) || !/[T ]/i.test(text);
	return Date.parse(zoned ? text : `${text}Z`);
}

/**
 * The authentication scheme that let the request in (armor/auth.js sets it); 'FH-AUTH' when unset.
 * @param {RequestContext} ctx
 */
function authScheme(ctx) {
	return /** @type {{ authScheme?: string }} */ (ctx).authScheme ?? 'FH-AUTH';
}

module.exports = {
	badRequest,
	notFound,
	invalidModel,
	jsonBody,
	ModelErrors,
	pathInt,
	intQuery,
	pageReply,
	boolQuery,
	dateValue,
	authScheme,
};
