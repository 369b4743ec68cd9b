#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * `npm run bench`: what this package costs in a real n8n, against what users would do without it, measured
 * in one run on one machine. Starts the sandbox on loopback, installs the packed package into a real n8n
 * (2.41.1 on Node 24, from the cache `npm test` fills), runs four cases, and writes RESULTS.md (for people)
 * and results.json (the same figures).
 *
 *   npm run bench                      full sizes (K=20, N=2,000, 100,000 users), 3 repetitions
 *   npm run bench -- --quick           tiny sizes, 1 repetition, every case end to end (CI); writes to bench/.work/quick/
 *   options: --repeat N   --only 1,3 (cases)   --out DIR   --no-build (pack the existing dist/)
 *            --package DIR (benchmark another copy of the package, e.g. a patched build; with --no-build as it is)
 *
 * Cases (see RESULTS.md for what each row means):
 *   1 token lifecycle: K executions of one item per credential, crossing renewals and expiries; round trips
 *     counted by the sandbox, against HTTP Request nodes doing authorize -> token -> call every execution.
 *   2 per-item overhead: N items through Armor Get Me and Auth Armor Get User, against a raw axios loop.
 *   3 paging: Auth Armor Get Many (Return All) over many users, against a raw paging loop; peak RSS.
 *   4 latency: case 2 with injected latency.
 *   5 faults: N/2 items through both nodes, every tenth request answered 429 (Retry-After: 1) or 503: items
 *     correct, duplicated, in order, and requests sent.
 * Exits 1 when a case fails (its error is also written to both files).
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { ensureN8n, N8nHost, nodeOutput, run, REPO_ROOT } = require('../test/e2e/n8n-host');
const { armorCredential, authArmorCredential } = require('../test/e2e/workflows');
const { startSandbox } = require('../test/sandbox/server');
const { figure, ratio } = require('./lib/stats');
const W = require('./lib/workflows');
const { writeReport } = require('./lib/report');

const BENCH = __dirname;
const WORK = path.join(BENCH, '.work');
const PROBE = path.join(BENCH, 'lib', 'n8n-probe.js');
const RAW_CLIENT = path.join(BENCH, 'lib', 'raw-client.js');

const FULL = { K: 20, N: 2000, users: 100_000, latencyMs: 20, repeat: 3 };
const QUICK = { K: 4, N: 20, users: 1000, latencyMs: 20, repeat: 1 };
/** Case 1 token lifetime, seconds, both APIs: the shortest Armor lifetime the client reads as seconds (> 60). */
const LIFETIME_SECONDS = 61;
/** Cases 2-4: long enough that no token is renewed while they run. */
const LONG_LIFETIME_SECONDS = 3600;
const PAGE_SIZE = 100; // the node's page size = the sandbox's (and the API's) maximum

/** One pair of credentials per case, so each case starts from its own token state. */
const CREDENTIALS = {
	1: {
		armor: { id: 'benchC1Armor0', name: 'Armor (bench case 1)' },
		authArmor: { id: 'benchC1AuthA0', name: 'Auth Armor (bench case 1)' },
	},
	2: {
		armor: { id: 'benchC2Armor0', name: 'Armor (bench case 2)' },
		authArmor: { id: 'benchC2AuthA0', name: 'Auth Armor (bench case 2)' },
	},
	3: {
		armor: { id: 'benchC3Armor0', name: 'Armor (bench case 3)' },
		authArmor: { id: 'benchC3AuthA0', name: 'Auth Armor (bench case 3)' },
	},
	4: {
		armor: { id: 'benchC4Armor0', name: 'Armor (bench case 4)' },
		authArmor: { id: 'benchC4AuthA0', name: 'Auth Armor (bench case 4)' },
	},
	5: {
		armor: { id: 'benchC5Armor0', name: 'Armor (bench case 5)' },
		authArmor: { id: 'benchC5AuthA0', name: 'Auth Armor (bench case 5)' },
	},
};
/** Case 5: the share of requests answered 429 (Retry-After: 1) or 503, until N x this many were. */
const FAULT_SHARE = 0.1;

// ------------------------------------------------------------------ arguments

/** @param {string[]} argv */
function parseArgs(argv) {
	const options = {
		quick: false,
		repeat: 0,
		only: [1, 2, 3, 4, 5],
		out: '',
		build: true,
		packageDir: REPO_ROOT,
	};
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split(/=(.*)/s, 2);
		const value = () => (inline !== undefined ? inline : argv[++i]);
		if (flag === '--quick') options.quick = true;
		else if (flag === '--repeat') options.repeat = Number(value());
		else if (flag === '--only') options.only = String(value()).split(',').map(Number);
		else if (flag === '--out') options.out = path.resolve(String(value()));
		else if (flag === '--no-build') options.build = false;
		else if (flag === '--package') options.packageDir = path.resolve(String(value()));
		else if (flag === '--help' || flag === '-h') {
			console.log(fs.readFileSync(__filename, 'utf8').split('\n').slice(3, 22).join('\n'));
			process.exit(0);
		} else throw new Error(`unknown option ${argv[i]} (try --help)`);
	}
	if (options.repeat && !(Number.isInteger(options.repeat) && options.repeat > 0))
		throw new Error('--repeat needs a whole number > 0');
	if (!options.only.every((n) => [1, 2, 3, 4, 5].includes(n)))
		throw new Error('--only takes case numbers 1-4, e.g. --only 2,3');
	return options;
}

// ------------------------------------------------------------------ helpers

/** @param {number} kb */
const mb = (kb) => kb / 1024;

const sleep = (/** @type {number} */ ms) =>
	new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** @param {string} message */
function log(message) {
	const t = ((Date.now() - START) / 1000).toFixed(0).padStart(4);
	process.stderr.write(`[bench ${t}s] ${message}\n`);
}
const START = Date.now();

/**
 * @typedef {object} Context
 * @property {import('../test/sandbox/server').Sandbox} sandbox
 * @property {import('../test/e2e/n8n-host').N8nHost} host
 * @property {string} node24
 * @property {typeof FULL} sizes
 * @property {boolean} quick
 * @property {number} exitCrashes
 * @property {number} executions
 */

let probeCounter = 0;

/**
 * `n8n execute` with the probe preloaded; throws unless the run succeeded.
 * @param {Context} ctx
 * @param {string} workflowId
 */
async function execute(ctx, workflowId) {
	const dir = path.join(WORK, 'probe', `${process.pid}-${++probeCounter}`);
	fs.rmSync(dir, { recursive: true, force: true });
	const nodeOptions = [process.env.NODE_OPTIONS, `--require "${PROBE}"`].filter(Boolean).join(' ');
	const result = await ctx.host.execute(workflowId, {
		timeoutMs: 20 * 60 * 1000,
		env: { NODE_OPTIONS: nodeOptions, ARMOR_BENCH_PROBE_DIR: dir },
	});
	ctx.executions += 1;
	if (result.exitCrash) ctx.exitCrashes += 1;
	if (!result.ok) throw new Error(`workflow ${workflowId} failed: ${result.error}`);
	/** @type {{ maxRssKb: number, vmHwmKb?: number, counters: Record<string, { calls: number, ms: number }>, rssSamples?: [number, number][] } | undefined} */
	let probe;
	for (const file of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
		const report = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
		if (report.argv?.[0] === 'execute') probe = report;
	}
	fs.rmSync(dir, { recursive: true, force: true });
	if (!probe)
		throw new Error(
			`workflow ${workflowId}: the probe wrote nothing (was NODE_OPTIONS passed to n8n?)`,
		);
	return { result, probe, ms: result.ms };
}

/**
 * The highest sampled RSS (MB) of the n8n process while a node ran.
 * @param {import('../test/e2e/n8n-host').ExecuteResult} result
 * @param {string} name
 * @param {{ rssSamples?: [number, number][] }} probe
 */
function rssWhileNodeRan(result, name, probe) {
	const runs = result.data?.data?.resultData?.runData?.[name];
	const last = Array.isArray(runs) && runs.length ? runs[runs.length - 1] : undefined;
	const from = Number(last?.startTime);
	const to = from + Number(last?.executionTime);
	const inside = (probe.rssSamples ?? []).filter(([t]) => t >= from && t <= to).map(([, kb]) => kb);
	return inside.length ? mb(Math.max(...inside)) : NaN;
}

/**
 * A node's own execution time (ms) in a run.
 * @param {import('../test/e2e/n8n-host').ExecuteResult} result
 * @param {string} name
 */
function nodeMs(result, name) {
	const runs = result.data?.data?.resultData?.runData?.[name];
	const ms = Array.isArray(runs) && runs.length ? Number(runs[runs.length - 1].executionTime) : NaN;
	if (!Number.isFinite(ms)) throw new Error(`node "${name}" has no executionTime in the run`);
	return ms;
}

/**
 * @param {boolean} condition
 * @param {string} message
 */
function check(condition, message) {
	if (!condition) throw new Error(message);
}

/**
 * The raw axios client, on the same Node.js as n8n.
 * @param {Context} ctx
 * @param {Record<string, unknown>} job
 * @returns {Promise<{ ms: number, requests: number, items: number, pages?: number, maxRssKb: number, node: string }>}
 */
async function raw(ctx, job) {
	const full = {
		armorUrl: ctx.sandbox.armorUrl,
		authArmorUrl: ctx.sandbox.authArmorUrl,
		authArmorTokenUrl: ctx.sandbox.authArmorTokenUrl,
		armorUsername: 'demo@armor.example',
		armorPassword: 'demo-password',
		clientId: 'sandbox-client',
		clientSecret: 'sandbox-secret',
		username: W.USERNAME,
		...job,
	};
	const { stdout } = await run(ctx.node24, [RAW_CLIENT, JSON.stringify(full)], {
		cwd: REPO_ROOT,
		label: `raw-client ${job.kind}${job.keepAlive ? '' : ' (no keep-alive)'}`,
		timeoutMs: 20 * 60 * 1000,
	});
	return JSON.parse(stdout.trim().split('\n').pop() || '{}');
}

// ------------------------------------------------------------------ case 1: token lifecycle

/**
 * @param {Context} ctx
 */
async function caseTokenLifecycle(ctx) {
	const { sandbox, host, sizes } = ctx;
	const K = sizes.K;
	const L = LIFETIME_SECONDS;
	sandbox.configure({
		armorTokenLifetimeSeconds: L,
		armorExpiresInUnit: 'seconds',
		authArmorTokenLifetimeSeconds: L,
		latencyMs: 0,
	});
	const { armor, authArmor } = CREDENTIALS[1];
	// Execution i of each series starts no earlier than i * spacing: the series then spans > 2 lifetimes.
	const spacingMs = ctx.quick ? 0 : Math.ceil(((2 * L + 6) * 1000) / (K - 1));

	/** @type {any[]} */
	const reps = [];
	for (let r = 0; r < sizes.repeat; r++) {
		// A fresh credential (no token) for every repetition: each series starts with a login.
		if (r > 0)
			await host.importCredentials([
				armorCredential(sandbox, armor),
				authArmorCredential(sandbox, authArmor),
			]);
		/** @param {string} name */
		const newSeries = (name) => ({
			name,
			armor: { authorize: 0, token: 0, reissue: 0, api: 0, unauthorized: 0 },
			authArmor: { token: 0, api: 0, unauthorized: 0 },
			/** @type {number[]} */ startedAt: [],
			/** @type {number[]} */ apiNodeMs: [],
			/** @type {number[]} */ executeMs: [],
			/** @type {string[]} */ events: [],
		});
		const series = { package: newSeries('package'), http: newSeries('http') };
		const t0 = Date.now();
		for (let i = 0; i < K; i++) {
			for (const which of /** @type {const} */ (['package', 'http'])) {
				const s = series[which];
				await sleep(t0 + i * spacingMs + (which === 'http' ? spacingMs / 2 : 0) - Date.now());
				sandbox.clearRequests();
				const startedAt = Date.now();
				const { result, ms } = await execute(
					ctx,
					which === 'package' ? 'benchC1Package' : 'benchC1Http',
				);
				const summary = sandbox.summary();
				if (which === 'package') {
					const [me] = nodeOutput(result, W.NAMES.armorGetMe);
					const [user] = nodeOutput(result, W.NAMES.authArmorGetUser);
					check(
						me?.user?.username === 'demo@armor.example',
						`case 1: Get Me returned ${JSON.stringify(me).slice(0, 200)}`,
					);
					check(
						user?.username === W.USERNAME,
						`case 1: Get User returned ${JSON.stringify(user).slice(0, 200)}`,
					);
					s.apiNodeMs.push(
						nodeMs(result, W.NAMES.armorGetMe) + nodeMs(result, W.NAMES.authArmorGetUser),
					);
				} else {
					const [me] = nodeOutput(result, W.NAMES.httpArmorMe);
					const [user] = nodeOutput(result, W.NAMES.httpAuthArmorUser);
					check(
						me?.user?.username === 'demo@armor.example',
						`case 1: HTTP /me returned ${JSON.stringify(me).slice(0, 200)}`,
					);
					check(
						user?.username === W.USERNAME,
						`case 1: HTTP user returned ${JSON.stringify(user).slice(0, 200)}`,
					);
					s.apiNodeMs.push(
						[
							W.NAMES.httpArmorAuthorize,
							W.NAMES.httpArmorToken,
							W.NAMES.httpArmorMe,
							W.NAMES.httpAuthArmorToken,
							W.NAMES.httpAuthArmorUser,
						]
							.map((name) => nodeMs(result, name))
							.reduce((a, b) => a + b, 0),
					);
				}
				for (const key of /** @type {const} */ ([
					'authorize',
					'token',
					'reissue',
					'api',
					'unauthorized',
				]))
					s.armor[key] += summary.armor[key];
				for (const key of /** @type {const} */ (['token', 'api', 'unauthorized']))
					s.authArmor[key] += summary.authArmor[key];
				s.startedAt.push(startedAt);
				s.executeMs.push(ms);
				const t = ((startedAt - t0) / 1000).toFixed(0);
				const what = [
					summary.armor.authorize ? `Armor login x${summary.armor.authorize}` : '',
					summary.armor.reissue ? `Armor reissue x${summary.armor.reissue}` : '',
					summary.armor.unauthorized || summary.authArmor.unauthorized
						? `401 x${summary.armor.unauthorized + summary.authArmor.unauthorized}`
						: '',
					summary.authArmor.token ? `Auth Armor token x${summary.authArmor.token}` : '',
				].filter(Boolean);
				if (which === 'package' && what.length)
					s.events.push(`#${i + 1} t=${t}s: ${what.join(', ')}`);
			}
			log(`case 1 rep ${r + 1}/${sizes.repeat}: execution ${i + 1}/${K} of each series`);
		}
		const spanSeconds = (series.package.startedAt[K - 1] - series.package.startedAt[0]) / 1000;
		if (spacingMs)
			check(
				spanSeconds > 2 * L,
				`case 1: the series spanned ${spanSeconds} s, not two lifetimes (${2 * L} s)`,
			);
		reps.push({ ...series, spanSeconds });
	}

	/** @param {(rep: any) => number} pick */
	const fig = (pick) => figure(reps.map(pick));
	const armorTrips = (/** @type {any} */ s) =>
		s.armor.authorize + s.armor.token + s.armor.reissue + s.armor.api;
	const authArmorTrips = (/** @type {any} */ s) => s.authArmor.token + s.authArmor.api;
	const median = (/** @type {number[]} */ v) => figure(v).median;
	const floorOf = (/** @type {any} */ rep) => {
		const renewals = Math.floor(rep.spanSeconds / L);
		return {
			armor: { authorize: 1, token: 1, reissue: renewals, api: K, unauthorized: 0 },
			authArmor: { token: 1 + renewals, api: K, unauthorized: 0 },
		};
	};
	/** @param {(rep: any) => any} seriesOf */
	const countsOf = (seriesOf) => ({
		armor: Object.fromEntries(
			['authorize', 'token', 'reissue', 'api', 'unauthorized'].map((k) => [
				k,
				fig((rep) => seriesOf(rep).armor[k]),
			]),
		),
		authArmor: Object.fromEntries(
			['token', 'api', 'unauthorized'].map((k) => [k, fig((rep) => seriesOf(rep).authArmor[k])]),
		),
		armorTripsPerItem: fig((rep) => armorTrips(seriesOf(rep)) / K),
		authArmorTripsPerItem: fig((rep) => authArmorTrips(seriesOf(rep)) / K),
	});
	return {
		K,
		lifetimeSeconds: L,
		spacingMs,
		renewAtSeconds: (L * 2) / 3,
		spanSeconds: fig((rep) => rep.spanSeconds),
		lifetimesSpanned: fig((rep) => rep.spanSeconds / L),
		package: countsOf((rep) => rep.package),
		http: countsOf((rep) => rep.http),
		floor: countsOf(floorOf),
		ratios: {
			armorTripsHttpOverPackage: fig((rep) => armorTrips(rep.http) / armorTrips(rep.package)),
			authArmorTripsHttpOverPackage: fig(
				(rep) => authArmorTrips(rep.http) / authArmorTrips(rep.package),
			),
			armorTripsPackageOverFloor: fig((rep) => armorTrips(rep.package) / armorTrips(floorOf(rep))),
			authArmorTripsPackageOverFloor: fig(
				(rep) => authArmorTrips(rep.package) / authArmorTrips(floorOf(rep)),
			),
			apiNodeTimePackageOverHttp: fig(
				(rep) => median(rep.package.apiNodeMs) / median(rep.http.apiNodeMs),
			),
		},
		times: {
			packageApiNodeMsPerExecution: fig((rep) => median(rep.package.apiNodeMs)),
			httpApiNodeMsPerExecution: fig((rep) => median(rep.http.apiNodeMs)),
			packageExecuteMs: fig((rep) => median(rep.package.executeMs)),
			httpExecuteMs: fig((rep) => median(rep.http.executeMs)),
		},
		schedule: reps.map((rep) => rep.package.events),
	};
}

// ------------------------------------------------------------------ cases 2 and 4: per-item overhead

/**
 * @param {Context} ctx
 * @param {{ latencyMs: number, idPrefix: string, label: string, withoutKeepAlive: boolean }} options
 */
async function casePerItem(ctx, { latencyMs, idPrefix, label, withoutKeepAlive }) {
	const { sandbox, sizes } = ctx;
	const N = sizes.N;
	sandbox.configure({
		armorTokenLifetimeSeconds: LONG_LIFETIME_SECONDS,
		armorExpiresInUnit: 'minutes',
		authArmorTokenLifetimeSeconds: LONG_LIFETIME_SECONDS,
		latencyMs: 0,
	});
	// Warm-up: the credentials log in here, so the measured executions (like the raw loops) start with a token.
	await execute(ctx, `${idPrefix}Warm`);
	sandbox.configure({ latencyMs });

	/** @type {any[]} */
	const reps = [];
	for (let r = 0; r < sizes.repeat; r++) {
		log(`${label} rep ${r + 1}/${sizes.repeat}: package nodes, ${N} items each`);
		sandbox.clearRequests();
		const pkg = await execute(ctx, `${idPrefix}Package`);
		const pkgSummary = sandbox.summary();
		const connectionHeaders = [
			...new Set(sandbox.requests.map((q) => String(q.headers.connection))),
		];
		check(
			nodeOutput(pkg.result, W.NAMES.armorGetMe).length === N,
			`${label}: Get Me did not put out ${N} items`,
		);
		check(
			nodeOutput(pkg.result, W.NAMES.authArmorGetUser).length === N,
			`${label}: Get User did not put out ${N} items`,
		);
		check(
			pkgSummary.armor.api === N && pkgSummary.authArmor.api === N,
			`${label}: expected ${N} API calls per node, got ${JSON.stringify(pkgSummary)}`,
		);

		log(`${label} rep ${r + 1}/${sizes.repeat}: HTTP Request nodes`);
		sandbox.clearRequests();
		const http = await execute(ctx, `${idPrefix}Http`);
		const httpSummary = sandbox.summary();
		check(
			nodeOutput(http.result, W.NAMES.httpArmorMe).length === N,
			`${label}: HTTP /me did not put out ${N} items`,
		);
		check(
			nodeOutput(http.result, W.NAMES.httpAuthArmorUser).length === N,
			`${label}: HTTP user did not put out ${N} items`,
		);

		log(`${label} rep ${r + 1}/${sizes.repeat}: raw axios loops`);
		const rawArmor = await raw(ctx, { kind: 'armorMe', n: N, keepAlive: true });
		const rawAuthArmor = await raw(ctx, { kind: 'authArmorUser', n: N, keepAlive: true });
		const rawArmorClose = withoutKeepAlive
			? await raw(ctx, { kind: 'armorMe', n: N, keepAlive: false })
			: undefined;
		const rawAuthArmorClose = withoutKeepAlive
			? await raw(ctx, { kind: 'authArmorUser', n: N, keepAlive: false })
			: undefined;

		const counters = pkg.probe.counters;
		const pkgArmorMs = nodeMs(pkg.result, W.NAMES.armorGetMe);
		const pkgAuthArmorMs = nodeMs(pkg.result, W.NAMES.authArmorGetUser);
		reps.push({
			pkgArmorMs,
			pkgAuthArmorMs,
			httpArmorMs: nodeMs(http.result, W.NAMES.httpArmorMe),
			httpAuthArmorMs: nodeMs(http.result, W.NAMES.httpAuthArmorUser),
			rawArmorMs: rawArmor.ms,
			rawAuthArmorMs: rawAuthArmor.ms,
			rawArmorCloseMs: rawArmorClose?.ms ?? NaN,
			rawAuthArmorCloseMs: rawAuthArmorClose?.ms ?? NaN,
			pkgRequests: pkgSummary,
			httpRequests: httpSummary,
			connectionHeaders,
			getDecryptedPerItem: (counters['credentials.getDecrypted']?.calls ?? 0) / (2 * N),
			decryptsPerItem: (counters['credentials.decrypt']?.calls ?? 0) / (2 * N),
			getDecryptedMsPerItem: (counters['credentials.getDecrypted']?.ms ?? 0) / (2 * N),
			getDecryptedShare:
				(counters['credentials.getDecrypted']?.ms ?? 0) / (pkgArmorMs + pkgAuthArmorMs),
			httpGetDecryptedPerItem:
				(http.probe.counters['credentials.getDecrypted']?.calls ?? 0) / (2 * N),
			pkgMaxRssKb: pkg.probe.vmHwmKb ?? pkg.probe.maxRssKb,
		});
	}
	sandbox.configure({ latencyMs: 0 });
	/** @param {(rep: any) => number} pick */
	const fig = (pick) => figure(reps.map(pick));
	/** @param {string} a @param {string} b */
	const rat = (a, b) =>
		ratio(
			reps.map((rep) => rep[a]),
			reps.map((rep) => rep[b]),
		);
	return {
		N,
		latencyMs,
		armor: {
			packageOverRaw: rat('pkgArmorMs', 'rawArmorMs'),
			packageOverRawNoKeepAlive: rat('pkgArmorMs', 'rawArmorCloseMs'),
			packageOverHttpNode: rat('pkgArmorMs', 'httpArmorMs'),
			packageMs: fig((rep) => rep.pkgArmorMs),
			rawMs: fig((rep) => rep.rawArmorMs),
			rawNoKeepAliveMs: fig((rep) => rep.rawArmorCloseMs),
			httpNodeMs: fig((rep) => rep.httpArmorMs),
			packageMsPerItem: fig((rep) => rep.pkgArmorMs / N),
			rawMsPerItem: fig((rep) => rep.rawArmorMs / N),
			apiRequestsPerItem: fig((rep) => rep.pkgRequests.armor.api / N),
			tokenRequests: fig(
				(rep) =>
					rep.pkgRequests.armor.authorize +
					rep.pkgRequests.armor.token +
					rep.pkgRequests.armor.reissue,
			),
			httpNodeApiRequestsPerItem: fig((rep) => rep.httpRequests.armor.api / N),
		},
		authArmor: {
			packageOverRaw: rat('pkgAuthArmorMs', 'rawAuthArmorMs'),
			packageOverRawNoKeepAlive: rat('pkgAuthArmorMs', 'rawAuthArmorCloseMs'),
			packageOverHttpNode: rat('pkgAuthArmorMs', 'httpAuthArmorMs'),
			packageMs: fig((rep) => rep.pkgAuthArmorMs),
			rawMs: fig((rep) => rep.rawAuthArmorMs),
			rawNoKeepAliveMs: fig((rep) => rep.rawAuthArmorCloseMs),
			httpNodeMs: fig((rep) => rep.httpAuthArmorMs),
			packageMsPerItem: fig((rep) => rep.pkgAuthArmorMs / N),
			rawMsPerItem: fig((rep) => rep.rawAuthArmorMs / N),
			apiRequestsPerItem: fig((rep) => rep.pkgRequests.authArmor.api / N),
			tokenRequests: fig((rep) => rep.pkgRequests.authArmor.token),
			httpNodeApiRequestsPerItem: fig((rep) => rep.httpRequests.authArmor.api / N),
		},
		credentialReads: {
			getDecryptedPerItem: fig((rep) => rep.getDecryptedPerItem),
			decryptsPerItem: fig((rep) => rep.decryptsPerItem),
			getDecryptedMsPerItem: fig((rep) => rep.getDecryptedMsPerItem),
			shareOfNodeTime: fig((rep) => rep.getDecryptedShare),
			httpNodeGetDecryptedPerItem: fig((rep) => rep.httpGetDecryptedPerItem),
		},
		connectionHeaders: [...new Set(reps.flatMap((rep) => rep.connectionHeaders))],
		packageExecutionPeakRssMb: fig((rep) => mb(rep.pkgMaxRssKb)),
	};
}

// ------------------------------------------------------------------ case 5: faults

/** @param {typeof FULL} sizes */
function faultItems(sizes) {
	return Math.max(40, Math.round(sizes.N / 2));
}

/**
 * A busy API: the first tenth of the requests of each node are answered 429 (Retry-After: 1) or 503, as a
 * gateway under load does. Counts what came out right, what came out twice, and what was sent.
 * @param {Context} ctx
 */
async function caseFaults(ctx) {
	const { sandbox, sizes } = ctx;
	const N = faultItems(sizes);
	const faults = Math.round(N * FAULT_SHARE);
	sandbox.configure({
		armorTokenLifetimeSeconds: LONG_LIFETIME_SECONDS,
		armorExpiresInUnit: 'minutes',
		authArmorTokenLifetimeSeconds: LONG_LIFETIME_SECONDS,
		latencyMs: 0,
	});
	await execute(ctx, 'benchC5Warm');
	/** @type {any[]} */
	const reps = [];
	for (let r = 0; r < sizes.repeat; r++) {
		log(
			`case 5 rep ${r + 1}/${sizes.repeat}: ${N} items per node, every tenth request refused (${faults} in all)`,
		);
		sandbox.clearRequests();
		// Every 20th request answered 429 (Retry-After: 1), the one after it 503: a tenth of the requests, first
		// tries and retries alike, spread over the run as a busy gateway does.
		const busy = Math.ceil(faults / 2);
		sandbox.injectFailures([
			{ api: 'armor', path: '/me', status: 429, retryAfter: 1, count: busy, every: 20 },
			{ api: 'armor', path: '/me', status: 503, count: faults - busy, every: 20 },
			{ api: 'authArmor', path: '/v4/users', status: 429, retryAfter: 1, count: busy, every: 20 },
			{ api: 'authArmor', path: '/v4/users', status: 503, count: faults - busy, every: 20 },
		]);
		const run = await execute(ctx, 'benchC5Package');
		const summary = sandbox.summary();
		/** @param {string} name @param {(json: any) => boolean} right */
		const judge = (name, right) => {
			const items = nodeOutput(run.result, name);
			const rows = run.result.data?.data.resultData.runData[name]?.[0]?.data?.main?.[0] ?? [];
			const paired = rows.map((/** @type {any} */ row) => row.pairedItem?.item);
			return {
				out: items.length,
				correct: items.filter((json) => !json.error && right(json)).length,
				duplicates: paired.length - new Set(paired).size,
				inOrder: paired.every((/** @type {number} */ item, /** @type {number} */ i) => item === i),
			};
		};
		reps.push({
			armor: judge(W.NAMES.armorGetMe, (json) => json.user?.id === 501),
			authArmor: judge(W.NAMES.authArmorGetUser, (json) => json.username === W.USERNAME),
			armorRequests: summary.armor.api,
			authArmorRequests: summary.authArmor.api,
			tokenRequests: summary.armor.authorize + summary.armor.reissue + summary.authArmor.token,
			armorMs: nodeMs(run.result, W.NAMES.armorGetMe),
			authArmorMs: nodeMs(run.result, W.NAMES.authArmorGetUser),
		});
	}
	/** @param {(rep: any) => number} pick */
	const fig = (pick) => figure(reps.map(pick));
	return {
		N,
		faults,
		armor: {
			correct: fig((rep) => rep.armor.correct),
			duplicates: fig((rep) => rep.armor.duplicates),
			inOrder: reps.every((rep) => rep.armor.inOrder),
			requests: fig((rep) => rep.armorRequests),
			requestsPerItem: fig((rep) => rep.armorRequests / N),
			ms: fig((rep) => rep.armorMs),
		},
		authArmor: {
			correct: fig((rep) => rep.authArmor.correct),
			duplicates: fig((rep) => rep.authArmor.duplicates),
			inOrder: reps.every((rep) => rep.authArmor.inOrder),
			requests: fig((rep) => rep.authArmorRequests),
			requestsPerItem: fig((rep) => rep.authArmorRequests / N),
			ms: fig((rep) => rep.authArmorMs),
		},
		tokenRequests: fig((rep) => rep.tokenRequests),
	};
}

// ------------------------------------------------------------------ case 3: paging

/**
 * @param {Context} ctx
 */
async function casePaging(ctx) {
	const { sandbox, sizes } = ctx;
	const users = sizes.users;
	sandbox.configure({
		authArmorUserCount: users,
		authArmorTokenLifetimeSeconds: LONG_LIFETIME_SECONDS,
		latencyMs: 0,
	});
	await execute(ctx, 'benchC3Warm');
	const expectedPages = Math.ceil(users / PAGE_SIZE);

	/** @type {any[]} */
	const reps = [];
	for (let r = 0; r < sizes.repeat; r++) {
		log(`case 3 rep ${r + 1}/${sizes.repeat}: Get Many over ${users} users`);
		sandbox.clearRequests();
		const pkg = await execute(ctx, 'benchC3GetMany');
		const summary = sandbox.summary();
		const items = nodeOutput(pkg.result, W.NAMES.authArmorGetMany).length;
		const pageSizes = [
			...new Set(
				sandbox.requests
					.filter((q) => q.path === '/v4/users')
					.map((q) => String(q.query.page_size)),
			),
		];
		const getManyMs = nodeMs(pkg.result, W.NAMES.authArmorGetMany);
		const rssWhileGetMany = rssWhileNodeRan(pkg.result, W.NAMES.authArmorGetMany, pkg.probe);
		check(items === users, `case 3: Get Many returned ${items} users, expected ${users}`);
		check(
			summary.authArmor.api === expectedPages,
			`case 3: ${summary.authArmor.api} pages fetched, expected ${expectedPages}`,
		);
		pkg.result = /** @type {any} */ (undefined); // let the large run go before the next step

		log(
			`case 3 rep ${r + 1}/${sizes.repeat}: idle execution (memory reference) and raw paging loops`,
		);
		const idle = await execute(ctx, 'benchC3Idle');
		const rawPages = await raw(ctx, {
			kind: 'authArmorPages',
			pageSize: PAGE_SIZE,
			keepAlive: true,
		});
		const rawPagesClose = await raw(ctx, {
			kind: 'authArmorPages',
			pageSize: PAGE_SIZE,
			keepAlive: false,
		});
		check(rawPages.items === users, `case 3: the raw loop read ${rawPages.items} users`);
		reps.push({
			getManyMs,
			rawMs: rawPages.ms,
			rawCloseMs: rawPagesClose.ms,
			pages: summary.authArmor.api,
			tokenRequests: summary.authArmor.token,
			rawPages: rawPages.pages ?? NaN,
			pageSizes,
			peakRssMb: mb(pkg.probe.vmHwmKb ?? pkg.probe.maxRssKb),
			rssWhileGetManyMb: rssWhileGetMany,
			idlePeakRssMb: mb(idle.probe.vmHwmKb ?? idle.probe.maxRssKb),
			rawPeakRssMb: mb(rawPages.maxRssKb),
			getDecryptedPerPage:
				(pkg.probe.counters['credentials.getDecrypted']?.calls ?? 0) / summary.authArmor.api,
			executeMs: pkg.ms,
		});
	}
	/** @param {(rep: any) => number} pick */
	const fig = (pick) => figure(reps.map(pick));
	return {
		users,
		pageSize: PAGE_SIZE,
		pageSizesSent: [...new Set(reps.flatMap((rep) => rep.pageSizes))],
		packageOverRaw: fig((rep) => rep.getManyMs / rep.rawMs),
		packageOverRawNoKeepAlive: fig((rep) => rep.getManyMs / rep.rawCloseMs),
		packageMs: fig((rep) => rep.getManyMs),
		rawMs: fig((rep) => rep.rawMs),
		rawNoKeepAliveMs: fig((rep) => rep.rawCloseMs),
		packageMsPerPage: fig((rep) => rep.getManyMs / rep.pages),
		rawMsPerPage: fig((rep) => rep.rawMs / rep.rawPages),
		pages: fig((rep) => rep.pages),
		rawPages: fig((rep) => rep.rawPages),
		tokenRequests: fig((rep) => rep.tokenRequests),
		getDecryptedPerPage: fig((rep) => rep.getDecryptedPerPage),
		peakRssMb: fig((rep) => rep.peakRssMb),
		idlePeakRssMb: fig((rep) => rep.idlePeakRssMb),
		peakRssOverIdle: fig((rep) => rep.peakRssMb / rep.idlePeakRssMb),
		rssWhileGetManyMb: fig((rep) => rep.rssWhileGetManyMb),
		rssWhileGetManyOverIdle: fig((rep) => rep.rssWhileGetManyMb / rep.idlePeakRssMb),
		peakRssAboveIdleMb: fig((rep) => rep.peakRssMb - rep.idlePeakRssMb),
		rawPeakRssMb: fig((rep) => rep.rawPeakRssMb),
		executeMs: fig((rep) => rep.executeMs),
	};
}

// ------------------------------------------------------------------ setup

/**
 * Every credential and workflow the selected cases use, imported with one n8n command each.
 * @param {Context} ctx
 * @param {number[]} selected
 */
async function importAll(ctx, selected) {
	const { sandbox, host, sizes } = ctx;
	const credentials = [];
	const workflows = [];
	for (const number of selected) {
		const { armor, authArmor } = CREDENTIALS[/** @type {1 | 2 | 3 | 4 | 5} */ (number)];
		credentials.push(armorCredential(sandbox, armor), authArmorCredential(sandbox, authArmor));
		if (number === 1) {
			workflows.push(
				W.packageCallsWorkflow('benchC1Package', armor, authArmor),
				W.httpChainWorkflow('benchC1Http', sandbox),
			);
		} else if (number === 5) {
			workflows.push(
				W.packageCallsWorkflow('benchC5Warm', armor, authArmor),
				W.packageCallsWorkflow('benchC5Package', armor, authArmor, faultItems(sizes)),
			);
		} else if (number === 2 || number === 4) {
			const id = `benchC${number}`;
			workflows.push(
				W.packageCallsWorkflow(`${id}Warm`, armor, authArmor),
				W.packageCallsWorkflow(`${id}Package`, armor, authArmor, sizes.N),
				W.httpFanOutWorkflow(`${id}Http`, sandbox, sizes.N),
			);
		} else {
			workflows.push(
				W.packageCallsWorkflow('benchC3Warm', armor, authArmor),
				W.getManyWorkflow('benchC3GetMany', authArmor),
				W.idleWorkflow('benchC3Idle'),
			);
		}
	}
	await host.importCredentials(credentials);
	const file = path.join(fs.mkdtempSync(path.join(WORK, 'import-')), 'workflows.json');
	try {
		fs.writeFileSync(file, JSON.stringify(workflows));
		await host.n8n(['import:workflow', `--input=${file}`], {
			label: `n8n import:workflow (${workflows.length})`,
		});
	} finally {
		fs.rmSync(path.dirname(file), { recursive: true, force: true });
	}
}

// ------------------------------------------------------------------ main

async function machine(
	/** @type {string} */ node24,
	/** @type {string} */ n8nBin,
	/** @type {string} */ packageDir,
) {
	const cpus = os.cpus();
	const version = async (/** @type {string} */ bin) =>
		(await run(bin, ['--version'])).stdout.trim();
	let commit = '';
	try {
		commit = (await run('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT })).stdout.trim();
		const dirty = (
			await run('git', ['status', '--porcelain', '--', 'nodes', 'credentials'], { cwd: REPO_ROOT })
		).stdout.trim();
		if (dirty) commit += ' (nodes/credentials modified)';
	} catch {
		/* not a git checkout */
	}
	return {
		cpus: cpus.length,
		cpuModel: cpus[0]?.model?.trim() ?? 'unknown',
		memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
		os: `${os.type()} ${os.release()} ${os.arch()}`,
		loadAverageAtStart: os.loadavg().map((x) => Math.round(x * 100) / 100),
		nodeBench: process.version,
		nodeN8n: await version(node24),
		n8n: JSON.parse(
			fs.readFileSync(path.resolve(path.dirname(n8nBin), '..', 'package.json'), 'utf8'),
		).version,
		package: JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')).version,
		packageDir: path.relative(REPO_ROOT, packageDir) || '.',
		commit,
	};
}

async function main() {
	const args = parseArgs(process.argv.slice(2));
	const base = args.quick ? QUICK : FULL;
	const sizes = { ...base, repeat: args.repeat || base.repeat };
	const outDir = args.out || (args.quick ? path.join(WORK, 'quick') : BENCH);
	fs.mkdirSync(WORK, { recursive: true });

	log(
		`${args.quick ? 'quick' : 'full'} run: cases ${args.only.join(', ')}, ${sizes.repeat} repetition(s); preparing n8n`,
	);
	const { node: node24, n8nBin } = await ensureN8n();
	const sandbox = await startSandbox({ host: '127.0.0.1' });
	const host = new N8nHost();
	/** @type {Context} */
	const ctx = { sandbox, host, node24, sizes, quick: args.quick, exitCrashes: 0, executions: 0 };
	/** @type {Record<string, any>} */
	const cases = {};
	/** @type {string[]} */
	const failures = [];
	let info;
	try {
		info = await machine(node24, n8nBin, args.packageDir);
		await host.packAndInstall({ build: args.build, dir: args.packageDir });
		await importAll(ctx, args.only);
		log('package installed, credentials and workflows imported; running cases');

		/** @type {[number, string, () => Promise<any>][]} */
		const plan = [
			[1, 'tokenLifecycle', () => caseTokenLifecycle(ctx)],
			[
				2,
				'perItem',
				() =>
					casePerItem(ctx, {
						latencyMs: 0,
						idPrefix: 'benchC2',
						label: 'case 2',
						withoutKeepAlive: true,
					}),
			],
			[3, 'paging', () => casePaging(ctx)],
			[
				4,
				'latency',
				() =>
					casePerItem(ctx, {
						latencyMs: sizes.latencyMs,
						idPrefix: 'benchC4',
						label: 'case 4',
						withoutKeepAlive: false,
					}),
			],
			[5, 'faults', () => caseFaults(ctx)],
		];
		for (const [number, key, runCase] of plan) {
			if (!args.only.includes(number)) continue;
			const started = Date.now();
			try {
				cases[key] = { ...(await runCase()), seconds: Math.round((Date.now() - started) / 1000) };
				log(`case ${number} done in ${cases[key].seconds}s`);
			} catch (error) {
				const message = error instanceof Error ? error.message : String(error);
				failures.push(`case ${number}: ${message}`);
				cases[key] = { error: message, seconds: Math.round((Date.now() - started) / 1000) };
				log(`case ${number} FAILED: ${message}`);
			}
		}
	} catch (error) {
		failures.push(`setup: ${error instanceof Error ? error.message : String(error)}`);
	} finally {
		await host.dispose().catch(() => undefined);
		await sandbox.close();
	}

	const results = {
		generatedAt: new Date().toISOString(),
		mode: args.quick ? 'quick' : 'full',
		command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
		durationSeconds: Math.round((Date.now() - START) / 1000),
		machine: info,
		sizes: { ...sizes, lifetimeSeconds: LIFETIME_SECONDS, pageSize: PAGE_SIZE },
		executions: ctx.executions,
		exitCrashes: ctx.exitCrashes,
		failures,
		cases,
	};
	const written = writeReport(outDir, results);
	log(`wrote ${written.map((file) => path.relative(process.cwd(), file) || file).join(' and ')}`);
	if (failures.length) {
		log(`FAILED:\n  ${failures.join('\n  ')}`);
		process.exitCode = 1;
	}
}

main().catch((error) => {
	console.error(`[bench] ${error instanceof Error ? error.stack || error.message : String(error)}`);
	process.exit(1);
});
