// @ts-check
'use strict';

/**
 * What the Armor v1 resources change while a sandbox runs (renames, power states, deletions, new tiers, rule
 * toggles, ticket comments and transitions, API keys; tickets, security incidents and log search hits added
 * and tickets updated through the sandbox's data-change methods): one store per sandbox state (a WeakMap, so
 * state.js stays untouched and a closed sandbox's store goes with it), one record set per account, filled
 * from the generators of armorData.js on first use.
 */

const fx = require('../fixtures');
const data = require('../armorData');

/** @typedef {import('../state').SandboxState} SandboxState */
/** @typedef {ReturnType<typeof data.armorVm>} Vm */
/** @typedef {ReturnType<typeof data.armorWorkloadBase>} WorkloadBase */
/** @typedef {{ id: number, appId: number, name: string, vmIds: number[] }} TierRecord */
/** @typedef {ReturnType<typeof data.armorTicketComment>} TicketComment */
/** @typedef {ReturnType<typeof data.armorApiKeys>[number]} ApiKey */
/** @typedef {ReturnType<typeof data.armorTicketRecord>} TicketRecord */
/** @typedef {ReturnType<typeof fx.armorSecurityIncident>} SecurityIncident */
/** @typedef {ReturnType<typeof data.armorLogSearchHit>} LogSearchHit */
/** @typedef {{ status?: string, summary?: string, updated: string }} TicketChange */

/**
 * @typedef {object} AccountStore
 * @property {number} accountId
 * @property {Map<number, Vm>} vms by id (deleted VMs are removed)
 * @property {Map<number, WorkloadBase>} workloads by id
 * @property {Map<number, TierRecord>} tiers by id
 * @property {number} nextTierK index of the next created tier (its id: armorTierId(accountId, k))
 * @property {Map<number, boolean>} ruleDisabled firewall rule id -> `disabled`, once changed
 * @property {Map<number, TicketChange>} tickets ticket n -> its changes (transitions, `updateTicket`)
 * @property {Map<number, TicketRecord>} addedTickets ticket n (after the fixtures' 12) -> the ticket as added
 * @property {Map<number, TicketComment[]>} comments ticket n -> comments added through the API
 * @property {number} nextCommentSeq
 * @property {SecurityIncident[]} securityIncidents added after the fixtures' 23, oldest first
 * @property {Map<string, LogSearchHit[]>} logHits view name (as listed) -> hits added, oldest first
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
			addedTickets: new Map(),
			comments: new Map(),
			nextCommentSeq: 1,
			securityIncidents: [],
			logHits: new Map(),
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

/** The highest ticket number of an account (keys `ARM-<account>-NNN` have three digits). */
const MAX_TICKETS_PER_ACCOUNT = 999;

/**
 * How many tickets the account has: the fixtures' 12 plus those added; numbered 1..count.
 * @param {AccountStore} account
 */
function ticketCount(account) {
	return fx.ARMOR_TICKETS_PER_ACCOUNT + account.addedTickets.size;
}

/**
 * The number of the account's ticket a key names (`ARM-<account>-NNN`, case-insensitive), or 0.
 * @param {AccountStore} account
 * @param {string} key
 */
function ticketNumberOf(account, key) {
	const match = /^ARM-(\d+)-(\d{3})$/i.exec(key);
	if (!match || Number(match[1]) !== account.accountId) return 0;
	const n = Number(match[2]);
	return n >= 1 && n <= ticketCount(account) ? n : 0;
}

/**
 * Ticket n of the account as /tickets/list-all describes it, with its current status, summary and times.
 * @param {AccountStore} account
 * @param {number} n
 * @returns {TicketRecord}
 */
function ticketRecord(account, n) {
	const record =
		n <= fx.ARMOR_TICKETS_PER_ACCOUNT
			? data.armorTicketRecord(account.accountId, n)
			: /** @type {TicketRecord} */ (account.addedTickets.get(n));
	const changed = account.tickets.get(n);
	if (!changed) return { ...record };
	const status = changed.status ?? record.status;
	return {
		...record,
		summary: changed.summary ?? record.summary,
		status,
		currentStatus: status,
		updated: changed.updated,
		updatedDate: changed.updated,
	};
}

/**
 * Ticket n as /tickets/list answers it (the fields of fixtures.js `armorTicket`), with its current state.
 * @param {AccountStore} account
 * @param {number} n
 */
function listTicket(account, n) {
	const { key, summary, status, priority, accountId, created, updated } = ticketRecord(account, n);
	return { key, summary, status, priority, accountId, created, updated };
}

/**
 * How many comments ticket n has as generated (added tickets: none).
 * @param {number} n
 */
function generatedCommentCount(n) {
	return n <= fx.ARMOR_TICKETS_PER_ACCOUNT ? data.armorTicketCommentCount(n) : 0;
}

/**
 * All comments of ticket n: the generated ones, then those added through the API.
 * @param {AccountStore} account
 * @param {number} n
 */
function ticketComments(account, n) {
	const comments = [];
	for (let c = 1; c <= generatedCommentCount(n); c++)
		comments.push(data.armorTicketComment(account.accountId, n, c));
	return comments.concat(account.comments.get(n) ?? []);
}

/**
 * Every security incident of the account, oldest first: the fixtures' 23, then those added.
 * @param {AccountStore} account
 * @returns {SecurityIncident[]}
 */
function securityIncidents(account) {
	const fixture = [];
	for (let n = 1; n <= fx.ARMOR_INCIDENTS_PER_ACCOUNT; n++)
		fixture.push(fx.armorSecurityIncident(account.accountId, n));
	return fixture.concat(account.securityIncidents);
}

/**
 * The hits of a log view, newest first, as a length and an accessor: the hits added (the last added first),
 * then the fixture hits (armorData.js `armorLogSearchHit` n = 1, 2, ...).
 * @param {AccountStore} account
 * @param {{ viewName: string, total: number }} view as ARMOR_LOG_SEARCH_VIEWS lists it
 * @returns {{ length: number, at: (position: number) => LogSearchHit }}
 */
function logHits(account, view) {
	const added = account.logHits.get(view.viewName) ?? [];
	return {
		length: added.length + view.total,
		at: (p) =>
			p < added.length
				? added[added.length - 1 - p]
				: data.armorLogSearchHit(account.accountId, view.viewName, p - added.length + 1),
	};
}

module.exports = {
	accountStore,
	userKeys,
	vmView,
	listVms,
	tierView,
	workloadView,
	listWorkloads,
	MAX_TICKETS_PER_ACCOUNT,
	ticketCount,
	ticketNumberOf,
	ticketRecord,
	listTicket,
	generatedCommentCount,
	ticketComments,
	securityIncidents,
	logHits,
};
