// @ts-check
'use strict';

/** Armor Defense GET /orders and /orders/{id} (VM orders of the account in context; read-only). */

const data = require('../armorData');
const { json } = require('../http-util');
const { notFound, pathInt } = require('./request');

/** @typedef {import('./common').SessionHandler} SessionHandler */

/**
 * GET /orders
 * @type {SessionHandler}
 */
function listOrders(_state, _ctx, { accountId }) {
	const orders = [];
	for (let n = 1; n <= data.ARMOR_ORDERS_PER_ACCOUNT; n++)
		orders.push(data.armorOrder(accountId, n));
	return json(200, orders);
}

/**
 * GET /orders/{id}
 * @type {SessionHandler}
 */
function getOrder(_state, _ctx, { accountId }, match) {
	const n = pathInt(match[1]) - data.armorOrderId(accountId, 0);
	if (!(n >= 1 && n <= data.ARMOR_ORDERS_PER_ACCOUNT))
		return notFound(`Order ${match[1]} was not found.`);
	return json(200, data.armorOrder(accountId, n));
}

module.exports = { listOrders, getOrder };
