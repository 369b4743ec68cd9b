// @ts-check
'use strict';

/**
 * Armor Defense core agent views of the account's VMs (as the sandbox holds them now: powered-off VMs report
 * 'Offline', deleted ones vanish): GET /core/avam, /core/avam/statistics, /core/fim, /core/fim/statistics,
 * /core/packages/{coreInstanceId}, /core/security-dashboard/stats/overview and .../overall.
 */

const data = require('../armorData');
const { json } = require('../http-util');
const { accountStore, securityIncidents } = require('./store');
const { notFound } = require('./request');

/** @typedef {import('../state').SandboxState} SandboxState */
/** @typedef {import('./common').SessionHandler} SessionHandler */

const AVAM_STATUSES = ['Protected', 'Offline', 'Not Installed'];
const FIM_STATUSES = ['Monitored', 'Offline', 'Not Installed'];

/**
 * The account's current VMs, by id.
 * @param {SandboxState} state
 * @param {number} accountId
 */
function currentVms(state, accountId) {
	return [...accountStore(state, accountId).vms.values()].sort((a, b) => a.id - b.id);
}

/**
 * @param {SandboxState} state
 * @param {number} accountId
 */
function avamEntries(state, accountId) {
	return currentVms(state, accountId).map((vm) => data.armorAvamEntry(accountId, vm));
}

/**
 * @param {SandboxState} state
 * @param {number} accountId
 */
function fimEntries(state, accountId) {
	return currentVms(state, accountId).map((vm) => data.armorFimEntry(accountId, vm));
}

/**
 * [{status, count}] for every status, in the given order.
 * @param {string[]} statuses
 * @param {string[]} values
 */
function countBy(statuses, values) {
	return statuses.map((status) => ({ status, count: values.filter((v) => v === status).length }));
}

/**
 * GET /core/avam
 * @type {SessionHandler}
 */
function listAvam(state, _ctx, { accountId }) {
	return json(200, avamEntries(state, accountId));
}

/**
 * GET /core/avam/statistics -> [{status, count}] (Protected, Offline, Not Installed)
 * @type {SessionHandler}
 */
function avamStatistics(state, _ctx, { accountId }) {
	const entries = avamEntries(state, accountId);
	return json(
		200,
		countBy(
			AVAM_STATUSES,
			entries.map((e) => e.avamStatus),
		),
	);
}

/**
 * GET /core/fim
 * @type {SessionHandler}
 */
function listFim(state, _ctx, { accountId }) {
	return json(200, fimEntries(state, accountId));
}

/**
 * GET /core/fim/statistics -> [{status, count}] (Monitored, Offline, Not Installed)
 * @type {SessionHandler}
 */
function fimStatistics(state, _ctx, { accountId }) {
	const entries = fimEntries(state, accountId);
	return json(
		200,
		countBy(
			FIM_STATUSES,
			entries.map((e) => e.fimStatus),
		),
	);
}

/**
 * GET /core/packages/{coreInstanceId} -> the VM's packages (case-insensitive GUID; 404 if no current VM).
 * @type {SessionHandler}
 */
function listPackages(state, _ctx, { accountId }, match) {
	const id = match[1].toLowerCase();
	const vm = currentVms(state, accountId).find((v) => v.coreInstanceId === id);
	if (!vm) return notFound(`VM with core instance id ${match[1]} was not found.`);
	return json(200, data.armorPackages(accountId, vm.id - data.armorVmId(accountId, 0)));
}

/**
 * The figures behind both dashboard endpoints.
 * @param {SandboxState} state
 * @param {number} accountId
 */
function dashboardFigures(state, accountId) {
	const vms = currentVms(state, accountId);
	const avam = avamEntries(state, accountId);
	const fim = fimEntries(state, accountId);
	const packages = vms.map((vm) =>
		data.armorPackages(accountId, vm.id - data.armorVmId(accountId, 0)),
	);
	const incidents = securityIncidents(accountStore(state, accountId));
	const on = vms.filter((vm) => vm.status === data.ARMOR_VM_STATUS.POWERED_ON).length;
	const count = (/** @type {string[]} */ values, /** @type {string} */ value) =>
		values.filter((v) => v === value).length;
	return {
		vms: { total: vms.length, poweredOn: on, poweredOff: vms.length - on },
		antiMalware: {
			protected: count(
				avam.map((e) => e.avamStatus),
				'Protected',
			),
			offline: count(
				avam.map((e) => e.avamStatus),
				'Offline',
			),
			notInstalled: count(
				avam.map((e) => e.avamStatus),
				'Not Installed',
			),
		},
		fileIntegrity: {
			monitored: count(
				fim.map((e) => e.fimStatus),
				'Monitored',
			),
			offline: count(
				fim.map((e) => e.fimStatus),
				'Offline',
			),
			notInstalled: count(
				fim.map((e) => e.fimStatus),
				'Not Installed',
			),
			changesDetected: fim.reduce((sum, e) => sum + e.changesDetected, 0),
		},
		patching: {
			vmsWithUpdates: packages.filter((list) => list.some((p) => p.updateAvailable)).length,
			updatesAvailable: packages.flat().filter((p) => p.updateAvailable).length,
		},
		securityIncidents: {
			total: incidents.length,
			open: count(
				incidents.map((i) => i.status),
				'Open',
			),
			closed: count(
				incidents.map((i) => i.status),
				'Closed',
			),
		},
	};
}

/**
 * GET /core/security-dashboard/stats/overview -> {accountId, vms, antiMalware, fileIntegrity, patching,
 * securityIncidents}
 * @type {SessionHandler}
 */
function dashboardOverview(state, _ctx, { accountId }) {
	return json(200, { accountId, ...dashboardFigures(state, accountId) });
}

/** @param {number} score */
function rating(score) {
	if (score >= 90) return 'A';
	if (score >= 80) return 'B';
	if (score >= 70) return 'C';
	if (score >= 60) return 'D';
	return 'F';
}

/**
 * @param {number} part
 * @param {number} whole
 */
const percent = (part, whole) => (whole ? Math.round((100 * part) / whole) : 100);

/**
 * GET /core/security-dashboard/stats/overall -> {accountId, score, rating, categories: [{name, score}]}
 * @type {SessionHandler}
 */
function dashboardOverall(state, _ctx, { accountId }) {
	const f = dashboardFigures(state, accountId);
	const categories = [
		{ name: 'Anti-Malware', score: percent(f.antiMalware.protected, f.vms.total) },
		{ name: 'File Integrity', score: percent(f.fileIntegrity.monitored, f.vms.total) },
		{ name: 'Patching', score: percent(f.vms.total - f.patching.vmsWithUpdates, f.vms.total) },
		{
			name: 'Security Incidents',
			score: percent(f.securityIncidents.closed, f.securityIncidents.total),
		},
	];
	const score = Math.round(categories.reduce((sum, c) => sum + c.score, 0) / categories.length);
	return json(200, { accountId, score, rating: rating(score), categories });
}

module.exports = {
	listAvam,
	avamStatistics,
	listFim,
	fimStatistics,
	listPackages,
	dashboardOverview,
	dashboardOverall,
};
