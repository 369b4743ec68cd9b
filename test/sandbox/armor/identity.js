// @ts-check
'use strict';

/** Armor Defense GET /me. */

const fx = require('../fixtures');
const { json } = require('../http-util');

/** @typedef {import('./common').SessionHandler} SessionHandler */

/** @type {SessionHandler} */
function getMe(state, _ctx, { user }) {
	const profile = {
		id: user.id,
		firstName: user.firstName,
		lastName: user.lastName,
		email: user.username,
		username: user.username,
		mfaEnabled: user.mfa,
		timezone: 'UTC',
	};
	return json(200, {
		user: state.knobs.meUserAsArray ? [profile] : profile,
		accounts: user.accounts,
		departments: [],
		permissions: fx.ARMOR_PERMISSIONS,
		features: [],
	});
}

module.exports = { getMe };
