// @ts-check
'use strict';

/**
 * The sandbox's data-change methods: what a test calls to make the data move between two polls, as a real
 * API's data does (new tickets, updated incidents, new log hits, a VM switched off, new users, failed auth
 * attempts). Each is implemented in its resource file, next to the listing it changes; this file binds them
 * to one sandbox's state. Records added get the sandbox clock's time (change-util.js).
 */

const { addTickets, updateTicket } = require('./armor/tickets');
const { addSecurityIncidents } = require('./armor/securityIncidents');
const { addLogSearchHits } = require('./armor/logs');
const { setVmPowerState } = require('./armor/vms');
const { addMdrIncidents, updateMdrIncident, addMdrServiceRequests } = require('./services/mdr');
const { addAuthArmorUsers } = require('./autharmor/users');
const { addAuthArmorHistory } = require('./autharmor/history');

/** @typedef {import('./state').SandboxState} SandboxState */

/**
 * The data-change methods of the sandbox over `state` (arguments are checked: a TypeError names the bad one;
 * an unknown ticket, incident, VM or user throws a SandboxNotFoundError).
 * @param {SandboxState} state
 */
function dataChanges(state) {
	return {
		/**
		 * @param {number} accountId
		 * @param {number} count
		 * @param {unknown} [options]
		 */
		addTickets: (accountId, count, options) => addTickets(state, accountId, count, options),
		/**
		 * @param {number} accountId
		 * @param {string} key
		 * @param {unknown} [changes]
		 */
		updateTicket: (accountId, key, changes) => updateTicket(state, accountId, key, changes),
		/**
		 * @param {number} accountId
		 * @param {number} count
		 * @param {unknown} [options]
		 */
		addMdrIncidents: (accountId, count, options) =>
			addMdrIncidents(state, accountId, count, options),
		/**
		 * @param {number} accountId
		 * @param {string} issueKey
		 * @param {unknown} [changes]
		 */
		updateMdrIncident: (accountId, issueKey, changes) =>
			updateMdrIncident(state, accountId, issueKey, changes),
		/**
		 * @param {number} accountId
		 * @param {number} count
		 * @param {unknown} [options]
		 */
		addMdrServiceRequests: (accountId, count, options) =>
			addMdrServiceRequests(state, accountId, count, options),
		/**
		 * @param {number} accountId
		 * @param {number} count
		 * @param {unknown} [options]
		 */
		addSecurityIncidents: (accountId, count, options) =>
			addSecurityIncidents(state, accountId, count, options),
		/**
		 * @param {number} accountId
		 * @param {string} viewName
		 * @param {number} count
		 * @param {unknown} [options]
		 */
		addLogSearchHits: (accountId, viewName, count, options) =>
			addLogSearchHits(state, accountId, viewName, count, options),
		/**
		 * @param {number} accountId
		 * @param {number | string} vmId
		 * @param {'on' | 'off'} power
		 */
		setVmPowerState: (accountId, vmId, power) => setVmPowerState(state, accountId, vmId, power),
		/**
		 * @param {number} count
		 * @param {unknown} [options]
		 */
		addAuthArmorUsers: (count, options) => addAuthArmorUsers(state, count, options),
		/**
		 * @param {number | string} user
		 * @param {number} count
		 * @param {unknown} [options]
		 */
		addAuthArmorHistory: (user, count, options) => addAuthArmorHistory(state, user, count, options),
	};
}

/** @typedef {ReturnType<typeof dataChanges>} DataChanges */

module.exports = { dataChanges };
