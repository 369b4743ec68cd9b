// @ts-check
'use strict';

/**
 * Infrastructure management (infrastructure.api.secure-prod.services), under `/infrastructure`:
 * `GET /virtual-machines?top=&skip=&search=` -> `{ page, total, countPerPage, filters, items }`.
 */

const fx = require('../fixtures');
const { json, queryParam } = require('../http-util');
const { answeredPageSize, boundedInt } = require('./paging');

/** @typedef {import('../armor/common').SessionHandler} SessionHandler */

/** @type {SessionHandler} */
function listVirtualMachines(state, ctx, session) {
	const top = boundedInt(ctx.params, 'top', {
		fallback: fx.INFRASTRUCTURE_DEFAULT_TOP,
		min: 1,
		max: fx.INFRASTRUCTURE_MAX_TOP,
	});
	if ('reply' in top) return top.reply;
	const skip = boundedInt(ctx.params, 'skip', { fallback: 0, min: 0 });
	if ('reply' in skip) return skip.reply;
	const search = (queryParam(ctx.params, 'search') ?? '').trim().toLowerCase();
	const all = Array.from({ length: fx.INFRASTRUCTURE_VMS_PER_ACCOUNT }, (_, i) =>
		fx.infrastructureVirtualMachine(session.accountId, i + 1),
	).filter(
		(vm) =>
			!search ||
			vm.hostName.toLowerCase().includes(search) ||
			vm.operatingSystem.toLowerCase().includes(search),
	);
	return json(200, {
		page: Math.floor(skip.value / top.value) + 1,
		total: all.length,
		countPerPage: top.value,
		filters: {},
		items: all.slice(skip.value, skip.value + answeredPageSize(state, top.value)),
	});
}

module.exports = { listVirtualMachines };
