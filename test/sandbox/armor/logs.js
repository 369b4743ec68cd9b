// @ts-check
'use strict';

/**
 * Armor Defense logs: GET /log-management, GET /log-management/logsources and
 * POST /log-search/templatedsearch {viewName, parameters: {from, size, ...}} -> {total, items} (from/size
 * paging in the body).
 */

const data = require('../armorData');
const { json, isPlainObject } = require('../http-util');
const { badRequest, jsonBody, ModelErrors } = require('./request');

/** @typedef {import('./common').SessionHandler} SessionHandler */

const DEFAULT_SIZE = 10;

/**
 * GET /log-management
 * @type {SessionHandler}
 */
function listLogManagement(_state, _ctx, { accountId }) {
	return json(200, data.armorLogManagement(accountId));
}

/**
 * GET /log-management/logsources
 * @type {SessionHandler}
 */
function listLogSources(_state, _ctx, { accountId }) {
	const sources = [];
	for (let n = 1; n <= data.ARMOR_LOG_SOURCES_PER_ACCOUNT; n++)
		sources.push(data.armorLogSource(accountId, n));
	return json(200, sources);
}

/**
 * An optional integer template parameter within [min, max] (errors under `parameters.<name>`).
 * @param {ModelErrors} errors
 * @param {Record<string, unknown>} parameters
 * @param {string} name
 * @param {number} fallback
 * @param {number} min
 * @param {number} max
 */
function parameterInt(errors, parameters, name, fallback, min, max) {
	const value = parameters[name];
	if (value === undefined || value === null) return fallback;
	if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
		const range =
			max === Number.MAX_SAFE_INTEGER ? `${min} or greater` : `between ${min} and ${max}`;
		errors.add(`parameters.${name}`, `${name} must be an integer ${range}.`);
		return fallback;
	}
	return value;
}

/**
 * POST /log-search/templatedsearch: the hits of a known view, newest first; `parameters.from` (>= 0, default
 * 0) and `parameters.size` (1..100, default 10) page them; other parameters must be scalars (ignored).
 * @type {SessionHandler}
 */
function templatedSearch(_state, ctx, { accountId }) {
	const body = jsonBody(ctx);
	if ('reply' in body) return body.reply;
	const errors = new ModelErrors();
	const viewName = errors.string(body.value, 'viewName', { max: 256 });
	const parameters = body.value.parameters;
	let from = 0;
	let size = DEFAULT_SIZE;
	if (!isPlainObject(parameters)) {
		errors.add('parameters', 'The parameters field is required and must be an object.');
	} else {
		from = parameterInt(errors, parameters, 'from', 0, 0, Number.MAX_SAFE_INTEGER);
		size = parameterInt(
			errors,
			parameters,
			'size',
			DEFAULT_SIZE,
			1,
			data.ARMOR_LOG_SEARCH_MAX_SIZE,
		);
		for (const [name, value] of Object.entries(parameters)) {
			if (value !== null && typeof value === 'object')
				errors.add(
					`parameters.${name}`,
					'Template parameters must be strings, numbers or booleans.',
				);
		}
	}
	if (errors.any) return errors.reply();
	const view = data.ARMOR_LOG_SEARCH_VIEWS.find(
		(v) => v.viewName.toLowerCase() === /** @type {string} */ (viewName).toLowerCase(),
	);
	if (!view) {
		return badRequest(
			`Unknown viewName '${viewName}'. Known views: ${data.ARMOR_LOG_SEARCH_VIEWS.map((v) => v.viewName).join(', ')}.`,
		);
	}
	const items = [];
	for (let n = from + 1; n <= view.total && n <= from + size; n++)
		items.push(data.armorLogSearchHit(accountId, view.viewName, n));
	return json(200, { total: view.total, items });
}

module.exports = { listLogManagement, listLogSources, templatedSearch };
