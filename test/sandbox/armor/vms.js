// @ts-check
'use strict';

/**
 * Armor Defense virtual machines: GET /vms, /vms/{id}, /vms/core/{coreInstanceId}, PUT /vms/{id} (rename),
 * POST /vms/{id}/power/{action}, DELETE /vms/{id} (202) and GET /stats/vms/{vmId}. Renames, power states and
 * deletions are kept in the sandbox's store (armor/store.js).
 */

const data = require('../armorData');
const { json, queryParam } = require('../http-util');
const { accountStore, vmView, listVms: allVms } = require('./store');
const { notFound, badRequest, jsonBody, ModelErrors, pathInt, dateValue } = require('./request');
const { SandboxNotFoundError, accountArg } = require('../change-util');

/** @typedef {import('../state').SandboxState} SandboxState */
/** @typedef {import('./common').SessionHandler} SessionHandler */
/** @typedef {import('./store').AccountStore} AccountStore */

const { POWERED_ON, POWERED_OFF } = data.ARMOR_VM_STATUS;

/**
 * The stored VM a path segment names, or undefined.
 * @param {AccountStore} account
 * @param {string} raw
 */
function findVm(account, raw) {
	return account.vms.get(pathInt(raw));
}

/** @param {string} raw */
const vmNotFound = (raw) => notFound(`VM ${raw} was not found.`);

/**
 * GET /vms
 * @type {SessionHandler}
 */
function listVms(state, _ctx, { accountId }) {
	return json(200, allVms(accountStore(state, accountId)));
}

/**
 * GET /vms/{id}
 * @type {SessionHandler}
 */
function getVm(state, _ctx, { accountId }, match) {
	const account = accountStore(state, accountId);
	const vm = findVm(account, match[1]);
	return vm ? json(200, vmView(account, vm)) : vmNotFound(match[1]);
}

/**
 * GET /vms/core/{coreInstanceId} (case-insensitive GUID)
 * @type {SessionHandler}
 */
function getVmByCoreInstance(state, _ctx, { accountId }, match) {
	const account = accountStore(state, accountId);
	const id = match[1].toLowerCase();
	const vm = [...account.vms.values()].find((v) => v.coreInstanceId === id);
	return vm
		? json(200, vmView(account, vm))
		: notFound(`VM with core instance id ${match[1]} was not found.`);
}

/**
 * PUT /vms/{id} {id, name} -> the renamed VM.
 * @type {SessionHandler}
 */
function renameVm(state, ctx, { accountId }, match) {
	const account = accountStore(state, accountId);
	const vm = findVm(account, match[1]);
	if (!vm) return vmNotFound(match[1]);
	const body = jsonBody(ctx);
	if ('reply' in body) return body.reply;
	const errors = new ModelErrors();
	const id = errors.integer(body.value, 'id');
	const name = errors.string(body.value, 'name', { max: 128 });
	if (id !== undefined && id !== vm.id)
		errors.add('id', `The id in the body (${id}) does not match the VM in the URL (${vm.id}).`);
	if (errors.any) return errors.reply();
	vm.name = /** @type {string} */ (name);
	return json(200, vmView(account, vm));
}

/** @type {Record<string, 'on' | 'off' | 'restart'>} */
const POWER_ACTIONS = {
	on: 'on',
	off: 'off',
	forceoff: 'off',
	shutdown: 'off',
	reboot: 'restart',
	reset: 'restart',
};

/**
 * POST /vms/{id}/power/{on|off|forceOff|shutdown|reboot|reset} -> 200 with the VM (`status` 4 = on, 8 = off).
 * @type {SessionHandler}
 */
function powerVm(state, _ctx, { accountId }, match) {
	const account = accountStore(state, accountId);
	const vm = findVm(account, match[1]);
	if (!vm) return vmNotFound(match[1]);
	const effect = POWER_ACTIONS[match[2].toLowerCase()];
	if (!effect) {
		return badRequest(
			`The power action '${match[2]}' is not valid. Valid actions: on, off, forceOff, shutdown, reboot, reset.`,
		);
	}
	const on = vm.status === POWERED_ON;
	if (effect === 'on') {
		if (on) return badRequest(`VM ${vm.id} is already powered on.`);
		vm.status = POWERED_ON;
	} else if (effect === 'off') {
		if (!on) return badRequest(`VM ${vm.id} is already powered off.`);
		vm.status = POWERED_OFF;
	} else if (!on) {
		return badRequest(`VM ${vm.id} is powered off; power it on instead.`);
	}
	return json(200, vmView(account, vm));
}

/**
 * DELETE /vms/{id} {accountId, vmId, userEmail, isActive, deleteNow} -> 202 with the VM (`isDeleted: true`);
 * the VM is gone afterwards. A powered-on VM needs `isActive: true`.
 * @type {SessionHandler}
 */
function deleteVm(state, ctx, { accountId, user }, match) {
	const account = accountStore(state, accountId);
	const vm = findVm(account, match[1]);
	if (!vm) return vmNotFound(match[1]);
	const body = jsonBody(ctx);
	if ('reply' in body) return body.reply;
	const errors = new ModelErrors();
	const bodyAccount = errors.integer(body.value, 'accountId');
	const vmId = errors.integer(body.value, 'vmId');
	const userEmail = errors.string(body.value, 'userEmail');
	const isActive = errors.boolean(body.value, 'isActive');
	errors.boolean(body.value, 'deleteNow');
	if (bodyAccount !== undefined && bodyAccount !== accountId)
		errors.add('accountId', `The accountId must be the account in context (${accountId}).`);
	if (vmId !== undefined && vmId !== vm.id)
		errors.add('vmId', `The vmId (${vmId}) does not match the VM in the URL (${vm.id}).`);
	if (userEmail !== undefined && userEmail.toLowerCase() !== user.username.toLowerCase())
		errors.add('userEmail', 'The userEmail must be the signed-in user.');
	if (errors.any) return errors.reply();
	if (vm.status === POWERED_ON && isActive !== true)
		return badRequest(`VM ${vm.id} is powered on: set isActive to true to delete an active VM.`);
	const answer = { ...vmView(account, vm), isDeleted: true };
	account.vms.delete(vm.id);
	return json(202, answer);
}

/** @type {Record<string, number>} */
const INTERVALS = { minute: 60 * 1000, hour: 3600 * 1000, day: 24 * 3600 * 1000 };
const DEFAULT_SAMPLES = 24;
const MAX_SAMPLES = 500;

/**
 * A stable value 0..max for a VM, metric and time.
 * @param {number} vmId
 * @param {number} metric
 * @param {number} slot
 * @param {number} max
 */
function sample(vmId, metric, slot, max) {
	let h = (vmId * 2654435761) ^ (metric * 40503) ^ (slot * 2246822519);
	h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
	h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
	return (((h ^ (h >>> 16)) >>> 0) % (max * 10 + 1)) / 10;
}

/**
 * GET /stats/vms/{vmId}?interval=minute|hour|day&startDate=&endDate= -> {vmId, coreInstanceId, interval,
 * startDate, endDate, samples[]}. Defaults: hour, the last 24 intervals (or 24 from startDate).
 * @type {SessionHandler}
 */
function getVmStats(state, ctx, { accountId }, match) {
	const account = accountStore(state, accountId);
	const vm = findVm(account, match[1]);
	if (!vm) return vmNotFound(match[1]);
	const interval = (queryParam(ctx.params, 'interval') || 'hour').trim().toLowerCase();
	const step = INTERVALS[interval];
	if (!step) return badRequest(`interval must be one of: ${Object.keys(INTERVALS).join(', ')}.`);
	let start = dateValue(queryParam(ctx.params, 'startDate'));
	let end = dateValue(queryParam(ctx.params, 'endDate'));
	if (Number.isNaN(start)) return badRequest('startDate is not a valid ISO 8601 date.');
	if (Number.isNaN(end)) return badRequest('endDate is not a valid ISO 8601 date.');
	if (end === undefined) {
		end =
			start === undefined
				? Math.floor(Date.now() / step) * step
				: /** @type {number} */ (start) + DEFAULT_SAMPLES * step;
	}
	if (start === undefined) start = end - DEFAULT_SAMPLES * step;
	if (!(start < end)) return badRequest('startDate must be before endDate.');
	const first = Math.ceil(start / step);
	const last = Math.ceil(end / step) - 1;
	if (last - first + 1 > MAX_SAMPLES) {
		return badRequest(
			`The range holds more than ${MAX_SAMPLES} ${interval} samples; use a larger interval or a shorter range.`,
		);
	}
	const samples = [];
	const on = vm.status === data.ARMOR_VM_STATUS.POWERED_ON;
	for (let slot = first; slot <= last; slot++) {
		samples.push({
			timestamp: new Date(slot * step).toISOString(),
			cpuUsagePercent: on ? sample(vm.id, 1, slot, 100) : 0,
			memoryUsagePercent: on ? sample(vm.id, 2, slot, 100) : 0,
			diskReadKBps: on ? sample(vm.id, 3, slot, 5000) : 0,
			diskWriteKBps: on ? sample(vm.id, 4, slot, 5000) : 0,
			networkReceiveKBps: on ? sample(vm.id, 5, slot, 10000) : 0,
			networkTransmitKBps: on ? sample(vm.id, 6, slot, 10000) : 0,
		});
	}
	return json(200, {
		vmId: vm.id,
		coreInstanceId: vm.coreInstanceId,
		interval,
		startDate: new Date(start).toISOString(),
		endDate: new Date(end).toISOString(),
		samples,
	});
}

/**
 * Powers a VM of the account on or off from outside (the sandbox's `setVmPowerState`): its `status` becomes 4
 * (on) or 8 (off) exactly as after POST /vms/{id}/power/on|off, and everything that follows the VMs (core
 * views, dashboard, stats) follows. Already in that state: nothing changes (no error). `vmId`: the VM's id
 * (number) or its coreInstanceId. Returns the VM as GET /vms/{id} answers it.
 * @param {SandboxState} state
 * @param {unknown} accountId
 * @param {unknown} vmId
 * @param {unknown} power 'on' | 'off'
 */
function setVmPowerState(state, accountId, vmId, power) {
	const account = accountStore(state, accountArg(accountId));
	if (power !== 'on' && power !== 'off')
		throw new TypeError(`The power state must be 'on' or 'off' (got ${JSON.stringify(power)}).`);
	if (typeof vmId !== 'number' && typeof vmId !== 'string')
		throw new TypeError('vmId must be a VM id (number) or a coreInstanceId (string).');
	const vm =
		typeof vmId === 'number'
			? account.vms.get(vmId)
			: [...account.vms.values()].find((v) => v.coreInstanceId === vmId.toLowerCase());
	if (!vm) throw new SandboxNotFoundError(`VM ${vmId} was not found in account ${accountId}.`);
	vm.status = power === 'on' ? POWERED_ON : POWERED_OFF;
	return vmView(account, vm);
}

module.exports = {
	setVmPowerState,
	listVms,
	getVm,
	getVmByCoreInstance,
	renameVm,
	powerVm,
	deleteVm,
	getVmStats,
};
