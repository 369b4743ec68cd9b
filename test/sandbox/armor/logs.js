// @ts-check
'use strict';

/**
 * Armor Defense logs: GET /log-management, GET /log-management/logsources and
 * POST /log-search/templatedsearch {viewName, parameters: {from, size, ...}} -> {total, items} (from/size
 * paging in the body), over the fixture hits plus those added through the sandbox's `addLogSearchHits`.
 */

const data = require('../armorData');
const { json, isPlainObject } = require('../http-util');
const { badRequest, jsonBody, ModelErrors } = require('./request');
const { accountStore, logHits } = require('./store');
const {
	clockTimes,
	optionsArg,
	countArg,
	accountArg,
	sameTimestampOption,
	fieldsOption,
	textRule,
	oneOfRule,
} = require('../change-util');

/** @typedef {import('../state').SandboxState} SandboxState */

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
 * POST /log-search/templatedsearch: the hits of a known view, newest first (added hits before the fixture
 * ones, the last added first); `parameters.from` (>= 0, default 0, an offset into that order) and
 * `parameters.size` (1..100, default 10) page them; other parameters must be scalars (ignored).
 * @type {SessionHandler}
 */
function templatedSearch(state, ctx, { accountId }) {
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
	const hits = logHits(accountStore(state, accountId), view);
	const items = [];
	for (let p = from; p < hits.length && p < from + size; p++) items.push(hits.at(p));
	return json(200, { total: hits.length, items });
}

/**
 * The view a name names (case-insensitive), or a TypeError.
 * @param {unknown} viewName
 */
function viewArg(viewName) {
	const view =
		typeof viewName === 'string' &&
		data.ARMOR_LOG_SEARCH_VIEWS.find((v) => v.viewName.toLowerCase() === viewName.toLowerCase());
	if (!view)
		throw new TypeError(
			`viewName must be one of: ${data.ARMOR_LOG_SEARCH_VIEWS.map((v) => v.viewName).join(', ')} (got ${JSON.stringify(viewName)}).`,
		);
	return view;
}

const HIT_FIELD_RULES = {
	eventType: textRule(255),
	severity: oneOfRule(['Low', 'Medium', 'High']),
	hostName: textRule(255),
	sourceIp: textRule(64),
	destinationIp: textRule(64),
	message: textRule(4000),
};

/**
 * Adds `count` hits to a log view of the account: they arrive now, so they come first (newest first: the last
 * added first). Ids continue the view's numbering (`<account>-<view index>-<5 digits>`, from the fixture
 * count + 1), `timestamp` at the sandbox clock (one time for all with `sameTimestamp`, else 1 ms apart); as
 * generated for their number (armorData.js `armorLogSearchHit`) with `fields` (eventType, severity, hostName,
 * sourceIp, destinationIp, message) applied. Returns them in the order added (oldest first).
 * @param {SandboxState} state
 * @param {unknown} accountId
 * @param {unknown} viewName one of ARMOR_LOG_SEARCH_VIEWS, case-insensitive
 * @param {unknown} count
 * @param {unknown} [options] `{ sameTimestamp?, fields? }`
 */
function addLogSearchHits(state, accountId, viewName, count, options) {
	const account = accountStore(state, accountArg(accountId));
	const view = viewArg(viewName);
	const opts = optionsArg('addLogSearchHits options', options, ['sameTimestamp', 'fields']);
	const how = countArg(count, 10_000);
	const fields = fieldsOption(opts, HIT_FIELD_RULES);
	const added = account.logHits.get(view.viewName) ?? [];
	account.logHits.set(view.viewName, added);
	return clockTimes(state, how, sameTimestampOption(opts)).map((ms) => {
		const n = view.total + added.length + 1;
		const hit = {
			...data.armorLogSearchHit(account.accountId, view.viewName, n),
			...fields,
			timestamp: new Date(ms).toISOString(),
		};
		added.push(hit);
		return { ...hit };
	});
}

module.exports = { listLogManagement, listLogSources, templatedSearch, addLogSearchHits };
