// @ts-check
'use strict';

/**
 * What the Armor v1 resources change while a sandbox runs (renames, power states, deletions, new tiers, rule
 * toggles, ticket comments and transitions, API keys): one store per sandbox state (a WeakMap, so state.js
 * stays untouched and a closed sandbox's store goes with it), one record set per account, filled from the
 * generators of armorData.js on first use.
 */

const fx = require('../fixtures');
const data = require('../armorData');

/** @typedef {import('../state').SandboxState} SandboxState */
/** @typedef {ReturnType<typeof data.armorVm>} Vm */
/** @typedef {ReturnType<typeof data.armorWorkloadBase>} WorkloadBase */
/** @typedef {{ id: number, appId: number, name: string, vmIds: number[] }} TierRecord */
/** @typedef {ReturnType<typeof data.armorTicketComment>} TicketComment */
/** @typedef {ReturnType<typeof data.armorApiKeys>[number]} ApiKey */

/**
 * @typedef {object} AccountStore
 * @property {number} accountId
 * @property {Map<number, Vm>} vms by id (deleted VMs are removed)
 * @property {Map<number, WorkloadBase>} workloads by id
 * @property {Map<number, TierRecord>} tiers by id
 * @property {number} nextTierK index of the next created tier (its id: armorTierId(accountId, k))
 * @property {Map<number, boolean>} ruleDisabled firewall rule id -> `disabled`, once changed
 * @property {Map<number, { status: string, updated: string }>} tickets ticket n -> status, once transitioned
 * @property {Map<number, TicketComment[]>} comments ticket n -> comments added through the API
 * @property {number} nextCommentSeq
 */

/**
 * @typedef {object} ArmorStore
 * @property {Map<number, AccountStore>} accounts
 * @property {Map<number, Map<string, ApiKey>>} keys user id -> key id -> key
 */

/** @type {WeakMap<SandboxState, ArmorStore>} */
const stores = new WeakMap();

/** @param {SandboxState} state */
function armorStore(state) {
	let store = stores.get(state);
	if (!store) {
		store = { accounts: new Map(), keys: new Map() };
		stores.set(state, store);
	}
	return store;
}

/**
 * The account's records, seeded from armorData.js on first use.
 * @param {SandboxState} state
 * @param {number} accountId
 * @returns {AccountStore}
 */
function accountStore(state, accountId) {
	const store = armorStore(state);
	let account = store.accounts.get(accountId);
	if (!account) {
		account = {
			accountId,
			vms: new Map(data.armorVms(accountId).map((vm) => [vm.id, vm])),
			workloads: new Map(),
			tiers: new Map(data.armorTierPlan(accountId).map((t) => [t.id, t])),
			nextTierK: data.ARMOR_TIERS_PER_ACCOUNT + 1,
			ruleDisabled: new Map(),
			tickets: new Map(),
			comments: new Map(),
			nextCommentSeq: 1,
		};
		for (let n = 1; n <= data.ARMOR_WORKLOADS_PER_ACCOUNT; n++) {
			const base = data.armorWorkloadBase(accountId, n);
			account.workloads.set(base.id, base);
		}
		store.accounts.set(accountId, account);
	}
	return account;
}

/**
 * A user's API keys (id -> key), seeded on first use.
 * @param {SandboxState} state
 * @param {number} userId
 */
function userKeys(state, userId) {
	const store = armorStore(state);
	let keys = store.keys.get(userId);
	if (!keys) {
		keys = new Map(data.armorApiKeys(userId).map((k) => [k.id, k]));
		store.keys.set(userId, keys);
	}
	return keys;
}

// ------------------------------------------------------------------ views

/**
 * A VM as answered: a copy, with its workload's current name.
 * @param {AccountStore} account
 * @param {Vm} vm
 * @returns {Vm}
 */
function vmView(account, vm) {
	const workload = account.workloads.get(vm.appId);
	return { ...vm, appName: workload ? workload.name : vm.appName };
}

/** @param {AccountStore} account */
function listVms(account) {
	return [...account.vms.values()].sort((a, b) => a.id - b.id).map((vm) => vmView(account, vm));
}

/**
 * The tiers of a workload, ordered by id, as `{id, name, vms}` (VMs that still exist).
 * @param {AccountStore} account
 * @param {number} appId
 */
function workloadTiers(account, appId) {
	return [...account.tiers.values()]
		.filter((t) => t.appId === appId)
		.sort((a, b) => a.id - b.id)
		.map((t) => tierView(account, t));
}

/**
 * @param {AccountStore} account
 * @param {TierRecord} tier
 */
function tierView(account, tier) {
	const vms = [];
	for (const id of tier.vmIds) {
		const vm = account.vms.get(id);
		if (vm) vms.push(vmView(account, vm));
	}
	return { id: tier.id, name: tier.name, vms };
}

/**
 * A workload as answered: base fields, tiers with their VMs, totals.
 * @param {AccountStore} account
 * @param {WorkloadBase} base
 */
function workloadView(account, base) {
	return data.composeWorkload(base, workloadTiers(account, base.id));
}

/** @param {AccountStore} account */
function listWorkloads(account) {
	return [...account.workloads.values()]
		.sort((a, b) => a.id - b.id)
		.map((w) => workloadView(account, w));
}

/**
 * Ticket n of the account as /tickets/list-all describes it, with its current status.
 * @param {AccountStore} account
 * @param {number} n
 */
function ticketRecord(account, n) {
	const record = data.armorTicketRecord(account.accountId, n);
	const changed = account.tickets.get(n);
	if (!changed) return record;
	return {
		...record,
		status: changed.status,
		currentStatus: changed.status,
		updated: changed.updated,
		updatedDate: changed.updated,
	};
}

/**
 * Ticket n as /tickets/list answers it (fixtures.js `armorTicket`), with its current status.
 * @param {AccountStore} account
 * @param {number} n
 */
function listTicket(account, n) {
	const ticket = fx.armorTicket(account.accountId, n);
	const changed = account.tickets.get(n);
	return changed ? { ...ticket, status: changed.status, updated: changed.updated } : ticket;
}

/**
 * All comments of ticket n: the generated ones, then those added through the API.
 * @param {AccountStore} account
 * @param {number} n
 */
function ticketComments(account, n) {
	const comments = [];
	for (let c = 1; c <= data.armorTicketCommentCount(n); c++)
		comments.push(data.armorTicketComment(account.accountId, n, c));
	return comments.concat(account.comments.get(n) ?? []);
}

module.exports = {
	accountStore,
	userKeys,
	vmView,
	listVms,
	tierView,
	workloadView,
	listWorkloads,
	ticketRecord,
	listTicket,
	ticketComments,
};
