// @ts-check
'use strict';

/**
 * Agent management (agent-management.api.secure-prod.services), under `/agent-management`:
 * `GET /healthmonitoringstatus?registered=` (array of agent health records) and
 * `GET /healthmonitoringstatus/{coreInstanceId}` (the same array shape, one record).
 */

const fx = require('../fixtures');
const { json, queryParam } = require('../http-util');
const { message } = require('../armor/common');

/** @typedef {import('../armor/common').SessionHandler} SessionHandler */

/** @param {number} accountId */
function healthRecords(accountId) {
	return Array.from({ length: fx.AGENT_HEALTH_PER_ACCOUNT }, (_, i) =>
		fx.agentHealthStatus(accountId, i + 1),
	);
}

/** @type {SessionHandler} */
function listHealthStatus(_state, ctx, session) {
	const raw = (queryParam(ctx.params, 'registered') ?? '').trim().toLowerCase();
	if (raw !== '' && raw !== 'true' && raw !== 'false')
		return json(400, message('registered must be true or false.'));
	const records = healthRecords(session.accountId);
	return json(200, raw ? records.filter((r) => r.IsRegistered === raw) : records);
}

/** @type {SessionHandler} */
function getHealthStatus(_state, _ctx, session, match) {
	const id = match[1].toLowerCase();
	const records = healthRecords(session.accountId).filter((r) => r.CoreInstance === id);
	if (!records.length) return json(404, message(`Core instance '${match[1]}' was not found.`));
	return json(200, records);
}

module.exports = { listHealthStatus, getHealthStatus };
