// @ts-check
'use strict';

/**
 * What the sandbox's data-change methods change on the v2 services while a sandbox runs: MDR incidents and
 * service requests added, incidents updated. One store per sandbox state (a WeakMap, as armor/store.js and
 * autharmor/store.js: state.js stays untouched and a closed sandbox's store goes with it), one record set per
 * account. Comments added through the API stay in `state.services`.
 */

const fx = require('../fixtures');

/** @typedef {import('../state').SandboxState} SandboxState */
/** @typedef {ReturnType<typeof fx.mdrIncident>} MdrIncidentItem */
/** @typedef {ReturnType<typeof fx.mdrServiceRequest>} MdrServiceRequestItem */
/** @typedef {{ status?: string, priority?: string, updated: string }} MdrIncidentChange */

/**
 * @typedef {object} MdrAccount
 * @property {Map<number, { item: MdrIncidentItem, severity: string }>} incidents incident n (after the
 *   fixtures' 37) -> the incident as added
 * @property {Map<number, MdrIncidentChange>} incidentChanges incident n -> its changes (`updateMdrIncident`)
 * @property {Map<number, MdrServiceRequestItem>} serviceRequests request n (after the fixtures' 12) -> as added
 */

/** Keys are `SEC-` / `SR-` + (accountId * 100 + n): at most 99 of each per account. */
const MAX_MDR_ITEMS_PER_ACCOUNT = 99;

/** @type {WeakMap<SandboxState, Map<number, MdrAccount>>} */
const stores = new WeakMap();

/**
 * The account's MDR changes (empty at first).
 * @param {SandboxState} state
 * @param {number} accountId
 * @returns {MdrAccount}
 */
function mdrAccount(state, accountId) {
	let accounts = stores.get(state);
	if (!accounts) {
		accounts = new Map();
		stores.set(state, accounts);
	}
	let account = accounts.get(accountId);
	if (!account) {
		account = { incidents: new Map(), incidentChanges: new Map(), serviceRequests: new Map() };
		accounts.set(accountId, account);
	}
	return account;
}

/**
 * How many incidents the account has (numbered 1..count).
 * @param {MdrAccount} account
 */
function incidentCount(account) {
	return fx.MDR_INCIDENTS_PER_ACCOUNT + account.incidents.size;
}

/**
 * How many service requests the account has (numbered 1..count).
 * @param {MdrAccount} account
 */
function serviceRequestCount(account) {
	return fx.MDR_SERVICE_REQUESTS_PER_ACCOUNT + account.serviceRequests.size;
}

module.exports = { MAX_MDR_ITEMS_PER_ACCOUNT, mdrAccount, incidentCount, serviceRequestCount };
