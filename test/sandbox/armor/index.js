// @ts-check
'use strict';

/**
 * The Armor Defense API (https://api.armor.com): FH-AUTH login (authorize -> token -> reissue) and a few
 * read endpoints, with ASP.NET Web API style error bodies. The route table; the handlers live in one file per
 * resource.
 */

const { json } = require('../http-util');
const { message, accountContext } = require('./common');
const { authorize, exchangeCode, reissue, authenticate } = require('./auth');
const { getMe } = require('./identity');
const {
	listAccounts,
	getAccount,
	listChildAccounts,
	getActivityHistory,
	listContacts,
} = require('./accounts');
const {
	listTickets,
	listAllTickets,
	getTicketDetails,
	listTicketComments,
	addTicketComment,
	listTicketTransitions,
	transitionTicket,
	listTicketEntries,
} = require('./tickets');
const { listSecurityIncidents, countSecurityIncidentsBySeverity } = require('./securityIncidents');
const { listUsers, getUser, listRoles, listPermissions } = require('./users');
const { listUserKeys, createUserKey, deleteUserKey } = require('./apiKeys');
const { listLocations } = require('./locations');
const {
	listVms,
	getVm,
	getVmByCoreInstance,
	renameVm,
	powerVm,
	deleteVm,
	getVmStats,
} = require('./vms');
const {
	listApps,
	getApp,
	renameApp,
	deleteApp,
	listTiers,
	createTier,
	getTier,
	renameTier,
	deleteTier,
} = require('./workloads');
const { listOrders, getOrder } = require('./orders');
const { listFirewalls, listFirewallRules, updateFirewallRule } = require('./firewalls');
const {
	listAvam,
	avamStatistics,
	listFim,
	fimStatistics,
	listPackages,
	dashboardOverview,
	dashboardOverall,
} = require('./core');
const { listLogManagement, listLogSources, templatedSearch } = require('./logs');
const { listIprmEvents } = require('./iprm');

/** @typedef {import('../state').SandboxState} SandboxState */
/** @typedef {import('../http-util').Reply} Reply */
/** @typedef {import('./common').RequestContext} RequestContext */
/** @typedef {import('./common').PublicHandler} PublicHandler */
/** @typedef {import('./common').SessionHandler} SessionHandler */

const DENIED = message('Authorization has been denied for this request.');

// ------------------------------------------------------------------ router

/**
 * @typedef {{ pattern: RegExp, public: true, methods: Record<string, PublicHandler> }
 *   | { pattern: RegExp, public: false, methods: Record<string, SessionHandler> }} Route
 */

/** @type {Route[]} */
const ROUTES = [
	{ pattern: /^\/auth\/authorize$/i, public: true, methods: { POST: authorize } },
	{ pattern: /^\/auth\/token$/i, public: true, methods: { POST: exchangeCode } },
	{ pattern: /^\/auth\/token\/reissue$/i, public: true, methods: { POST: reissue } },
	{ pattern: /^\/me$/i, public: false, methods: { GET: getMe } },
	{ pattern: /^\/accounts$/i, public: false, methods: { GET: listAccounts } },
	{ pattern: /^\/accounts\/([^/]+)$/i, public: false, methods: { GET: getAccount } },
	{ pattern: /^\/tickets\/list$/i, public: false, methods: { GET: listTickets } },
	{ pattern: /^\/security-incidents$/i, public: false, methods: { GET: listSecurityIncidents } },
	// v1 account management
	{ pattern: /^\/account\/children$/i, public: false, methods: { GET: listChildAccounts } },
	{
		pattern: /^\/account\/activity\/history$/i,
		public: false,
		methods: { GET: getActivityHistory },
	},
	{ pattern: /^\/account\/contacts$/i, public: false, methods: { GET: listContacts } },
	{ pattern: /^\/users$/i, public: false, methods: { GET: listUsers } },
	{ pattern: /^\/users\/([^/]+)$/i, public: false, methods: { GET: getUser } },
	{ pattern: /^\/roles$/i, public: false, methods: { GET: listRoles } },
	{ pattern: /^\/permissions$/i, public: false, methods: { GET: listPermissions } },
	{
		pattern: /^\/users\/([^/]+)\/keys$/i,
		public: false,
		methods: { GET: listUserKeys, POST: createUserKey },
	},
	{
		pattern: /^\/users\/([^/]+)\/keys\/([^/]+)$/i,
		public: false,
		methods: { DELETE: deleteUserKey },
	},
	// v1 infrastructure
	{ pattern: /^\/locations$/i, public: false, methods: { GET: listLocations } },
	{ pattern: /^\/vms$/i, public: false, methods: { GET: listVms } },
	{ pattern: /^\/vms\/core\/([^/]+)$/i, public: false, methods: { GET: getVmByCoreInstance } },
	{
		pattern: /^\/vms\/([^/]+)$/i,
		public: false,
		methods: { GET: getVm, PUT: renameVm, DELETE: deleteVm },
	},
	{ pattern: /^\/vms\/([^/]+)\/power\/([^/]+)$/i, public: false, methods: { POST: powerVm } },
	{ pattern: /^\/stats\/vms\/([^/]+)$/i, public: false, methods: { GET: getVmStats } },
	{ pattern: /^\/apps$/i, public: false, methods: { GET: listApps } },
	{
		pattern: /^\/apps\/([^/]+)$/i,
		public: false,
		methods: { GET: getApp, PUT: renameApp, DELETE: deleteApp },
	},
	{
		pattern: /^\/apps\/([^/]+)\/tiers$/i,
		public: false,
		methods: { GET: listTiers, POST: createTier },
	},
	{
		pattern: /^\/apps\/([^/]+)\/tiers\/([^/]+)$/i,
		public: false,
		methods: { GET: getTier, PUT: renameTier, DELETE: deleteTier },
	},
	{ pattern: /^\/orders$/i, public: false, methods: { GET: listOrders } },
	{ pattern: /^\/orders\/([^/]+)$/i, public: false, methods: { GET: getOrder } },
	{ pattern: /^\/firewalls$/i, public: false, methods: { GET: listFirewalls } },
	{ pattern: /^\/firewall\/rules\/([^/]+)$/i, public: false, methods: { PUT: updateFirewallRule } },
	{ pattern: /^\/firewall\/([^/]+)\/rules$/i, public: false, methods: { GET: listFirewallRules } },
	// v1 security
	{ pattern: /^\/core\/avam$/i, public: false, methods: { GET: listAvam } },
	{ pattern: /^\/core\/avam\/statistics$/i, public: false, methods: { GET: avamStatistics } },
	{ pattern: /^\/core\/fim$/i, public: false, methods: { GET: listFim } },
	{ pattern: /^\/core\/fim\/statistics$/i, public: false, methods: { GET: fimStatistics } },
	{ pattern: /^\/core\/packages\/([^/]+)$/i, public: false, methods: { GET: listPackages } },
	{
		pattern: /^\/core\/security-dashboard\/stats\/overview$/i,
		public: false,
		methods: { GET: dashboardOverview },
	},
	{
		pattern: /^\/core\/security-dashboard\/stats\/overall$/i,
		public: false,
		methods: { GET: dashboardOverall },
	},
	{
		pattern: /^\/security-incidents\/severity-count$/i,
		public: false,
		methods: { GET: countSecurityIncidentsBySeverity },
	},
	{ pattern: /^\/log-management$/i, public: false, methods: { GET: listLogManagement } },
	{ pattern: /^\/log-management\/logsources$/i, public: false, methods: { GET: listLogSources } },
	{
		pattern: /^\/log-search\/templatedsearch$/i,
		public: false,
		methods: { POST: templatedSearch },
	},
	{ pattern: /^\/iprm\/events$/i, public: false, methods: { GET: listIprmEvents } },
	// v1 support
	{ pattern: /^\/tickets\/list-all$/i, public: false, methods: { GET: listAllTickets } },
	{ pattern: /^\/tickets\/entries$/i, public: false, methods: { GET: listTicketEntries } },
	{ pattern: /^\/tickets\/([^/]+)\/details$/i, public: false, methods: { GET: getTicketDetails } },
	{
		pattern: /^\/tickets\/([^/]+)\/comments$/i,
		public: false,
		methods: { GET: listTicketComments, POST: addTicketComment },
	},
	{
		pattern: /^\/tickets\/([^/]+)\/transition$/i,
		public: false,
		methods: { GET: listTicketTransitions, POST: transitionTicket },
	},
];

/**
 * Routes one Armor Defense request.
 * @param {SandboxState} state
 * @param {RequestContext} ctx
 * @returns {Promise<Reply>}
 */
async function handleArmor(state, ctx) {
	for (const route of ROUTES) {
		const match = route.pattern.exec(ctx.path);
		if (!match) continue;
		if (!Object.hasOwn(route.methods, ctx.method)) {
			return json(
				405,
				message(`The requested resource does not support http method '${ctx.method}'.`),
				{
					Allow: Object.keys(route.methods).join(', '),
				},
			);
		}
		if (route.public) return route.methods[ctx.method](state, ctx, match);
		const user = authenticate(state, ctx);
		if (!user) return json(401, DENIED);
		const account = accountContext(ctx, user);
		if ('reply' in account) return account.reply;
		return route.methods[ctx.method](state, ctx, { user, accountId: account.accountId }, match);
	}
	return json(
		404,
		message(`No HTTP resource was found that matches the request URI '${ctx.path}'.`),
	);
}

module.exports = { handleArmor };
