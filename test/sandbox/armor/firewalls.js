// @ts-check
'use strict';

/**
 * Armor Defense firewalls: GET /firewalls, GET /firewall/{ovdcId}/rules (page paging) and
 * PUT /firewall/rules/{ruleId} {disabled} (kept in the sandbox's store).
 */

const data = require('../armorData');
const { json } = require('../http-util');
const { accountStore } = require('./store');
const { notFound, pageReply, pathInt, jsonBody, ModelErrors } = require('./request');

/** @typedef {import('./common').SessionHandler} SessionHandler */
/** @typedef {import('./store').AccountStore} AccountStore */

/**
 * The 1-based firewall index an ovdcId names in the account, or 0.
 * @param {number} accountId
 * @param {number} ovdcId
 */
function firewallIndex(accountId, ovdcId) {
	const n = ovdcId - data.armorOvdcId(accountId, 0);
	return n >= 1 && n <= data.ARMOR_FIREWALLS_PER_ACCOUNT ? n : 0;
}

/**
 * A rule with its current `disabled`.
 * @param {AccountStore} account
 * @param {number} ovdcId
 * @param {number} n
 */
function currentRule(account, ovdcId, n) {
	const rule = data.armorFirewallRule(ovdcId, n);
	const disabled = account.ruleDisabled.get(rule.id);
	return disabled === undefined ? rule : { ...rule, disabled };
}

/**
 * GET /firewalls
 * @type {SessionHandler}
 */
function listFirewalls(_state, _ctx, { accountId }) {
	const firewalls = [];
	for (let n = 1; n <= data.ARMOR_FIREWALLS_PER_ACCOUNT; n++)
		firewalls.push(data.armorFirewall(accountId, n));
	return json(200, firewalls);
}

/**
 * GET /firewall/{ovdcId}/rules?page= -> {total, page, items}
 * @type {SessionHandler}
 */
function listFirewallRules(state, ctx, { accountId }, match) {
	const ovdcId = pathInt(match[1]);
	if (!firewallIndex(accountId, ovdcId)) return notFound(`Firewall ${match[1]} was not found.`);
	const account = accountStore(state, accountId);
	return pageReply(
		ctx,
		data.ARMOR_FIREWALL_RULES_PER_FIREWALL,
		data.ARMOR_FIREWALL_RULES_PAGE_SIZE,
		(i) => currentRule(account, ovdcId, i + 1),
	);
}

/**
 * PUT /firewall/rules/{ruleId} {disabled: boolean} -> the rule.
 * @type {SessionHandler}
 */
function updateFirewallRule(state, ctx, { accountId }, match) {
	const ruleId = pathInt(match[1]);
	const ovdcId = Math.floor(ruleId / 100);
	const n = ruleId % 100;
	if (!firewallIndex(accountId, ovdcId) || !(n >= 1 && n <= data.ARMOR_FIREWALL_RULES_PER_FIREWALL))
		return notFound(`Firewall rule ${match[1]} was not found.`);
	const body = jsonBody(ctx);
	if ('reply' in body) return body.reply;
	const errors = new ModelErrors();
	const disabled = errors.boolean(body.value, 'disabled');
	if (errors.any) return errors.reply();
	const account = accountStore(state, accountId);
	account.ruleDisabled.set(ruleId, /** @type {boolean} */ (disabled));
	return json(200, currentRule(account, ovdcId, n));
}

module.exports = { listFirewalls, listFirewallRules, updateFirewallRule };
