// @ts-check
'use strict';

/**
 * Armor Defense GET /security-incidents (page paging) and /security-incidents/severity-count, over the
 * fixtures' 23 incidents per account plus those added through the sandbox's `addSecurityIncidents`.
 */

const fx = require('../fixtures');
const { json, queryParam, intParam } = require('../http-util');
const { message } = require('./common');
const { accountStore, securityIncidents } = require('./store');
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

const SEVERITIES = ['Critical', 'High', 'Medium', 'Low'];

/** Ids are accountId * 1000 + n: at most 999 incidents per account. */
const MAX_INCIDENTS_PER_ACCOUNT = 999;

/**
 * GET /security-incidents?page= -> {total, page, items}: oldest first (by `createdDate`, then id; added
 * incidents come after the fixtures, in the order added), pages of 10: the newest are on the last page,
 * `ceil(total / 10)`. Adding incidents never moves the ones already listed.
 * @type {SessionHandler}
 */
function listSecurityIncidents(state, ctx, { accountId }) {
	const page = intParam(queryParam(ctx.params, 'page'), 1);
	if (!(page >= 1)) return json(400, message('page must be 1 or greater.'));
	const all = securityIncidents(accountStore(state, accountId));
	const first = (page - 1) * fx.ARMOR_INCIDENTS_PAGE_SIZE;
	const items = all.slice(first, first + fx.ARMOR_INCIDENTS_PAGE_SIZE);
	return json(200, { total: all.length, page, items });
}

/**
 * GET /security-incidents/severity-count -> [{severity, count}] (Critical, High, Medium, Low; all incidents
 * of the account).
 * @type {SessionHandler}
 */
function countSecurityIncidentsBySeverity(state, _ctx, { accountId }) {
	const counts = new Map(SEVERITIES.map((s) => [s, 0]));
	for (const { severity } of securityIncidents(accountStore(state, accountId)))
		counts.set(severity, (counts.get(severity) ?? 0) + 1);
	return json(
		200,
		[...counts].map(([severity, count]) => ({ severity, count })),
	);
}

const INCIDENT_FIELD_RULES = {
	title: textRule(255),
	severity: oneOfRule(SEVERITIES),
	status: oneOfRule(['Open', 'Closed']),
};

/**
 * Adds `count` security incidents to the account, numbered on from its last one (id accountId * 1000 + n),
 * `createdDate` at the sandbox clock (one time for all with `sameTimestamp`, else 1 ms apart); as generated
 * for their number (fixtures.js `armorSecurityIncident`) but `status` 'Open', with `fields` (title, severity,
 * status) applied. Returns them, in the order added.
 * @param {SandboxState} state
 * @param {unknown} accountId
 * @param {unknown} count
 * @param {unknown} [options] `{ sameTimestamp?, fields? }`
 */
function addSecurityIncidents(state, accountId, count, options) {
	const account = accountStore(state, accountArg(accountId));
	const opts = optionsArg('addSecurityIncidents options', options, ['sameTimestamp', 'fields']);
	const how = countArg(count, 1000);
	const room =
		MAX_INCIDENTS_PER_ACCOUNT - fx.ARMOR_INCIDENTS_PER_ACCOUNT - account.securityIncidents.length;
	if (how > room)
		throw new TypeError(
			`Account ${account.accountId} can hold ${MAX_INCIDENTS_PER_ACCOUNT} security incidents; ${room} more fit.`,
		);
	const fields = fieldsOption(opts, INCIDENT_FIELD_RULES);
	return clockTimes(state, how, sameTimestampOption(opts)).map((ms) => {
		const n = fx.ARMOR_INCIDENTS_PER_ACCOUNT + account.securityIncidents.length + 1;
		const incident = {
			...fx.armorSecurityIncident(account.accountId, n),
			status: 'Open',
			...fields,
			createdDate: new Date(ms).toISOString(),
		};
		account.securityIncidents.push(incident);
		return { ...incident };
	});
}

module.exports = { listSecurityIncidents, countSecurityIncidentsBySeverity, addSecurityIncidents };
