// @ts-check
'use strict';

/** Armor Defense GET /locations (`requireZone=true`: only the locations with at least one zone). */

const data = require('../armorData');
const { json, queryParam } = require('../http-util');
const { badRequest, boolQuery } = require('./request');

/** @typedef {import('./common').SessionHandler} SessionHandler */

/**
 * GET /locations?requireZone=
 * @type {SessionHandler}
 */
function listLocations(_state, ctx) {
	const requireZone = boolQuery(ctx, 'requireZone');
	if (requireZone === null) {
		return badRequest(
			`The value '${queryParam(ctx.params, 'requireZone')}' is not valid for requireZone (true or false).`,
		);
	}
	const locations = requireZone
		? data.ARMOR_LOCATIONS.filter((l) => l.zones.length > 0)
		: data.ARMOR_LOCATIONS;
	return json(200, locations);
}

module.exports = { listLocations };
