// @ts-check
'use strict';

/**
 * The `holdLoginsUntil: { count, timeoutMs }` knob: login requests (Armor POST /auth/authorize, Auth Armor
 * POST /connect/token) wait until `count` of them wait at once (then all go on together) or until `timeoutMs`
 * has passed since each arrived (then that one goes on), so login races become deterministic.
 */

const { wakeableSleep } = require('./http-util');

/** @typedef {import('./state').SandboxState} SandboxState */
/** @typedef {import('./state').ApiName} ApiName */

/**
 * @param {ApiName} api
 * @param {string} method upper case
 * @param {string} path normalized
 */
function isLogin(api, method, path) {
	const lower = path.toLowerCase();
	const login = { armor: '/auth/authorize', authArmor: '/connect/token', services: undefined }[api];
	return method === 'POST' && lower === login;
}

/**
 * Lets every held login go on when the barrier is full or switched off.
 * @param {SandboxState} state
 */
function releaseLogins(state) {
	const hold = state.knobs.holdLoginsUntil;
	if (hold && state.waitingLogins.size < hold.count) return;
	const waiters = [...state.waitingLogins];
	state.waitingLogins.clear();
	for (const waiter of waiters) waiter.wake();
}

/**
 * Holds a login request at the barrier (resolves at once for other requests or with the knob off).
 * @param {SandboxState} state
 * @param {ApiName} api
 * @param {string} method
 * @param {string} path
 * @returns {Promise<boolean>} false when the sandbox was closed meanwhile
 */
async function holdLogin(state, api, method, path) {
	const hold = state.knobs.holdLoginsUntil;
	if (!hold || !isLogin(api, method, path)) return true;
	const waiter = wakeableSleep(state.sleeper, hold.timeoutMs);
	state.waitingLogins.add(waiter);
	releaseLogins(state);
	const ok = await waiter.done;
	state.waitingLogins.delete(waiter);
	return ok;
}

module.exports = { holdLogin, releaseLogins };
