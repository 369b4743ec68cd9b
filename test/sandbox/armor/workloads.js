// @ts-check
'use strict';

/**
 * Armor Defense workloads and tiers: GET /apps, GET, PUT, DELETE /apps/{id}, GET, POST /apps/{id}/tiers and
 * GET, PUT, DELETE /apps/{id}/tiers/{tierId}. As the vendor's clients expect, tier changes answer the whole
 * workload (its `tiers` included). Only empty things can be deleted: a workload without tiers, a tier
 * without VMs. Changes live in the sandbox's store.
 */

const data = require('../armorData');
const { json } = require('../http-util');
const { accountStore, workloadView, listWorkloads, tierView } = require('./store');
const { notFound, badRequest, jsonBody, ModelErrors, pathInt } = require('./request');

/** @typedef {import('./common').SessionHandler} SessionHandler */
/** @typedef {import('./store').AccountStore} AccountStore */

/**
 * @param {AccountStore} account
 * @param {string} raw
 */
function findWorkload(account, raw) {
	return account.workloads.get(pathInt(raw));
}

/**
 * The tier a path names inside a workload, or undefined.
 * @param {AccountStore} account
 * @param {number} appId
 * @param {string} raw
 */
function findTier(account, appId, raw) {
	const tier = account.tiers.get(pathInt(raw));
	return tier && tier.appId === appId ? tier : undefined;
}

/** @param {string} raw */
const workloadNotFound = (raw) => notFound(`Workload ${raw} was not found.`);

/**
 * @param {string} raw
 * @param {number} appId
 */
const tierNotFound = (raw, appId) => notFound(`Tier ${raw} was not found in workload ${appId}.`);

/**
 * @param {AccountStore} account
 * @param {number} appId
 */
function tiersOf(account, appId) {
	return [...account.tiers.values()].filter((t) => t.appId === appId);
}

/**
 * GET /apps
 * @type {SessionHandler}
 */
function listApps(state, _ctx, { accountId }) {
	return json(200, listWorkloads(accountStore(state, accountId)));
}

/**
 * GET /apps/{id}
 * @type {SessionHandler}
 */
function getApp(state, _ctx, { accountId }, match) {
	const account = accountStore(state, accountId);
	const workload = findWorkload(account, match[1]);
	return workload ? json(200, workloadView(account, workload)) : workloadNotFound(match[1]);
}

/**
 * PUT /apps/{id} {id, name} -> the renamed workload (names are unique per account, case-insensitive).
 * @type {SessionHandler}
 */
function renameApp(state, ctx, { accountId }, match) {
	const account = accountStore(state, accountId);
	const workload = findWorkload(account, match[1]);
	if (!workload) return workloadNotFound(match[1]);
	const body = jsonBody(ctx);
	if ('reply' in body) return body.reply;
	const errors = new ModelErrors();
	const id = errors.integer(body.value, 'id');
	const name = errors.string(body.value, 'name', { max: 128 });
	if (id !== undefined && id !== workload.id) {
		errors.add(
			'id',
			`The id in the body (${id}) does not match the workload in the URL (${workload.id}).`,
		);
	}
	const clash =
		name !== undefined &&
		[...account.workloads.values()].some(
			(w) => w.id !== workload.id && w.name.toLowerCase() === name.toLowerCase(),
		);
	if (clash) errors.add('name', `A workload named '${name}' already exists.`);
	if (errors.any) return errors.reply();
	workload.name = /** @type {string} */ (name);
	return json(200, workloadView(account, workload));
}

/**
 * DELETE /apps/{id} -> 202 with the workload; 400 while it still has tiers.
 * @type {SessionHandler}
 */
function deleteApp(state, _ctx, { accountId }, match) {
	const account = accountStore(state, accountId);
	const workload = findWorkload(account, match[1]);
	if (!workload) return workloadNotFound(match[1]);
	const tiers = tiersOf(account, workload.id);
	if (tiers.length) {
		return badRequest(
			`Workload ${workload.id} still has ${tiers.length} tier(s); delete them before the workload.`,
		);
	}
	const answer = workloadView(account, workload);
	account.workloads.delete(workload.id);
	return json(202, answer);
}

/**
 * GET /apps/{id}/tiers -> [{id, name, vms}]
 * @type {SessionHandler}
 */
function listTiers(state, _ctx, { accountId }, match) {
	const account = accountStore(state, accountId);
	const workload = findWorkload(account, match[1]);
	if (!workload) return workloadNotFound(match[1]);
	return json(200, workloadView(account, workload).tiers);
}

/**
 * A tier name from the body, unique inside the workload (case-insensitive); the errors collect the rest.
 * @param {ModelErrors} errors
 * @param {Record<string, unknown>} body
 * @param {AccountStore} account
 * @param {number} appId
 * @param {number} [exceptTierId]
 */
function tierName(errors, body, account, appId, exceptTierId) {
	const name = errors.string(body, 'name', { max: 128 });
	if (
		name !== undefined &&
		tiersOf(account, appId).some(
			(t) => t.id !== exceptTierId && t.name.toLowerCase() === name.toLowerCase(),
		)
	) {
		errors.add('name', `Workload ${appId} already has a tier named '${name}'.`);
	}
	return name;
}

/**
 * POST /apps/{id}/tiers {name} -> the workload with the new (empty) tier.
 * @type {SessionHandler}
 */
function createTier(state, ctx, { accountId }, match) {
	const account = accountStore(state, accountId);
	const workload = findWorkload(account, match[1]);
	if (!workload) return workloadNotFound(match[1]);
	const body = jsonBody(ctx);
	if ('reply' in body) return body.reply;
	const errors = new ModelErrors();
	const name = tierName(errors, body.value, account, workload.id);
	if (errors.any) return errors.reply();
	const id = data.armorTierId(accountId, account.nextTierK++);
	account.tiers.set(id, { id, appId: workload.id, name: /** @type {string} */ (name), vmIds: [] });
	return json(200, workloadView(account, workload));
}

/**
 * GET /apps/{id}/tiers/{tierId} -> {id, name, vms}
 * @type {SessionHandler}
 */
function getTier(state, _ctx, { accountId }, match) {
	const account = accountStore(state, accountId);
	const workload = findWorkload(account, match[1]);
	if (!workload) return workloadNotFound(match[1]);
	const tier = findTier(account, workload.id, match[2]);
	return tier ? json(200, tierView(account, tier)) : tierNotFound(match[2], workload.id);
}

/**
 * PUT /apps/{id}/tiers/{tierId} {name, id?} -> the workload with the renamed tier.
 * @type {SessionHandler}
 */
function renameTier(state, ctx, { accountId }, match) {
	const account = accountStore(state, accountId);
	const workload = findWorkload(account, match[1]);
	if (!workload) return workloadNotFound(match[1]);
	const tier = findTier(account, workload.id, match[2]);
	if (!tier) return tierNotFound(match[2], workload.id);
	const body = jsonBody(ctx);
	if ('reply' in body) return body.reply;
	const errors = new ModelErrors();
	if (body.value.id !== undefined) {
		const id = errors.integer(body.value, 'id');
		if (id !== undefined && id !== tier.id)
			errors.add(
				'id',
				`The id in the body (${id}) does not match the tier in the URL (${tier.id}).`,
			);
	}
	const name = tierName(errors, body.value, account, workload.id, tier.id);
	if (errors.any) return errors.reply();
	tier.name = /** @type {string} */ (name);
	return json(200, workloadView(account, workload));
}

/**
 * DELETE /apps/{id}/tiers/{tierId} -> the workload without the tier; 400 while the tier holds VMs.
 * @type {SessionHandler}
 */
function deleteTier(state, _ctx, { accountId }, match) {
	const account = accountStore(state, accountId);
	const workload = findWorkload(account, match[1]);
	if (!workload) return workloadNotFound(match[1]);
	const tier = findTier(account, workload.id, match[2]);
	if (!tier) return tierNotFound(match[2], workload.id);
	const vms = tierView(account, tier).vms.length;
	if (vms)
		return badRequest(
			`Tier ${tier.id} still holds ${vms} VM(s); it can only be deleted when empty.`,
		);
	account.tiers.delete(tier.id);
	return json(200, workloadView(account, workload));
}

module.exports = {
	listApps,
	getApp,
	renameApp,
	deleteApp,
	listTiers,
	createTier,
	getTier,
	renameTier,
	deleteTier,
};
