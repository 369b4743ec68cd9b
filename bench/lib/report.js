// @ts-check
'use strict';
/**
 * Writes results.json (every figure, with each repetition's value) and RESULTS.md (the same figures as
 * tables a person reads: ratios first, absolute times beside them).
 */
const fs = require('node:fs');
const path = require('node:path');

const { num, show, showRatio } = require('./stats');

/**
 * @param {string[]} header
 * @param {string[][]} rows
 * @param {number} [textColumns] how many leading columns are text (left-aligned); the rest are figures
 */
function table(header, rows, textColumns = 1) {
	return [
		`| ${header.join(' | ')} |`,
		`| ${header.map((_, i) => (i < textColumns ? '---' : '---:')).join(' | ')} |`,
		...rows.map((row) => `| ${row.join(' | ')} |`),
	].join('\n');
}

/**
 * A duration given in ms, in s from 10 s up.
 * @param {import('./stats').Figure} f
 */
function showTime(f) {
	if (!f || !f.n) return 'n/a';
	if (f.median < 10_000) return show(f, 'ms');
	return show({ ...f, median: f.median / 1000, min: f.min / 1000, max: f.max / 1000 }, 's');
}

/** @param {any} c */
function tokenLifecycle(c) {
	const armorRow = (/** @type {string} */ label, /** @type {any} */ s) => [
		'Armor',
		label,
		show(s.armorTripsPerItem),
		show(s.armor.authorize),
		show(s.armor.token),
		show(s.armor.reissue),
		show(s.armor.api),
		show(s.armor.unauthorized),
	];
	const authArmorRow = (/** @type {string} */ label, /** @type {any} */ s) => [
		'Auth Armor',
		label,
		show(s.authArmorTripsPerItem),
		'-',
		show(s.authArmor.token),
		'-',
		show(s.authArmor.api),
		show(s.authArmor.unauthorized),
	];
	const r = c.ratios;
	return [
		`K = ${c.K} executions of one item per credential in a real n8n (\`n8n execute\`, a new process each, as a schedule would start them). ` +
			`Token lifetime ${c.lifetimeSeconds} s on both APIs (Armor reports it in seconds); the credentials renew at two thirds of it ` +
			`(${num(c.renewAtSeconds)} s) and treat a token as expired 5 s early. ` +
			(c.spacingMs
				? `Execution i of each series starts no earlier than i x ${num(c.spacingMs / 1000)} s (the two series alternate), so `
				: 'Quick mode: no spacing, the series reaches no renewal; ') +
			`a series spans ${show(c.spanSeconds, 's')}, ${show(c.lifetimesSpanned)} token lifetimes.`,
		'',
		table(
			[
				'Credential',
				'Series',
				'Round trips per item',
				'Logins (authorize)',
				'Token requests',
				'Reissues',
				'API calls',
				'401s',
			],
			[
				armorRow('this package', c.package),
				armorRow('HTTP Request chain, every execution', c.http),
				armorRow('physical floor', c.floor),
				authArmorRow('this package', c.package),
				authArmorRow('HTTP Request chain, every execution', c.http),
				authArmorRow('physical floor', c.floor),
			],
			2,
		),
		'',
		table(
			['Ratio', 'Armor', 'Auth Armor'],
			[
				[
					'Round trips, HTTP Request chain / package',
					showRatio(r.armorTripsHttpOverPackage),
					showRatio(r.authArmorTripsHttpOverPackage),
				],
				[
					'Round trips, package / physical floor',
					showRatio(r.armorTripsPackageOverFloor),
					showRatio(r.authArmorTripsPackageOverFloor),
				],
			],
		),
		'',
		table(
			['Time per execution', 'package / HTTP chain', 'package', 'HTTP chain'],
			[
				[
					'API nodes (sum of their executionTime)',
					showRatio(r.apiNodeTimePackageOverHttp),
					show(c.times.packageApiNodeMsPerExecution, 'ms'),
					show(c.times.httpApiNodeMsPerExecution, 'ms'),
				],
				[
					'whole `n8n execute` process (start-up dominates)',
					'',
					showTime(c.times.packageExecuteMs),
					showTime(c.times.httpExecuteMs),
				],
			],
		),
		'',
		'Floor: one login per chain (Armor: authorize + token), then one renewal per elapsed lifetime ' +
			'(Armor: reissue; Auth Armor: a new client-credentials token), and exactly one API call per item.',
		'',
		`What the package's credentials did (repetition 1, executions with token traffic): ${(c.schedule?.[0] ?? []).join('; ') || 'none'}.`,
	].join('\n');
}

/**
 * @param {any} c
 * @param {boolean} withNoKeepAlive
 */
function perItem(c, withNoKeepAlive) {
	const row = (/** @type {string} */ label, /** @type {any} */ a) => [
		label,
		showRatio(a.packageOverRaw),
		...(withNoKeepAlive ? [showRatio(a.packageOverRawNoKeepAlive)] : []),
		showRatio(a.packageOverHttpNode),
		showTime(a.packageMs),
		showTime(a.rawMs),
		...(withNoKeepAlive ? [showTime(a.rawNoKeepAliveMs)] : []),
		showTime(a.httpNodeMs),
		show(a.packageMsPerItem, 'ms'),
		show(a.apiRequestsPerItem),
		show(a.tokenRequests),
	];
	const header = [
		`${num(c.N)} items`,
		'node / raw axios',
		...(withNoKeepAlive ? ['node / raw axios, new connection per request'] : []),
		'node / HTTP Request node',
		'node',
		'raw axios',
		...(withNoKeepAlive ? ['raw, new connections'] : []),
		'HTTP Request node',
		'node per item',
		'API requests per item',
		'token requests',
	];
	const cr = c.credentialReads;
	return [
		table(header, [row('Armor -> Get Me', c.armor), row('Auth Armor -> Get User', c.authArmor)]),
		'',
		`Credential reads by the package's nodes (counted inside n8n): ${show(cr.getDecryptedPerItem)} \`getCredentials\` ` +
			`(database read + decryption + expression resolution) per item, ${show(cr.decryptsPerItem)} decryptions per item, ` +
			`${show(cr.getDecryptedMsPerItem, 'ms')} per item in them, ${show({ ...cr.shareOfNodeTime, median: cr.shareOfNodeTime.median * 100, min: cr.shareOfNodeTime.min * 100, max: cr.shareOfNodeTime.max * 100 }, '%')} ` +
			`of the nodes' time. The HTTP Request node with an expression header: ${show(cr.httpNodeGetDecryptedPerItem)} per item. ` +
			`Connection header of the nodes' requests: ${c.connectionHeaders.map((/** @type {string} */ h) => `\`${h}\``).join(', ')}. ` +
			`Peak RSS of the \`n8n execute\` process: ${show(c.packageExecutionPeakRssMb, 'MB')}.`,
	].join('\n');
}

/** @param {any} c */
function paging(c) {
	return [
		table(
			[
				`Get Many, Return All, ${num(c.users)} users`,
				'node / raw paging loop',
				'node / raw, new connection per page',
				'node',
				'raw loop',
				'raw, new connections',
				'per page: node',
				'per page: raw',
				'pages fetched',
				'token requests',
			],
			[
				[
					'Auth Armor',
					showRatio(c.packageOverRaw),
					showRatio(c.packageOverRawNoKeepAlive),
					showTime(c.packageMs),
					showTime(c.rawMs),
					showTime(c.rawNoKeepAliveMs),
					show(c.packageMsPerPage, 'ms'),
					show(c.rawMsPerPage, 'ms'),
					`${show(c.pages)} (raw: ${show(c.rawPages)})`,
					show(c.tokenRequests),
				],
			],
		),
		'',
		table(
			[
				'Peak RSS of the `n8n execute` process',
				'Get Many / idle execution',
				'Get Many execution',
				'idle execution',
				'raw loop process',
			],
			[
				[
					'while Get Many ran (sampled every 20 ms)',
					showRatio(c.rssWhileGetManyOverIdle),
					show(c.rssWhileGetManyMb, 'MB'),
					show(c.idlePeakRssMb, 'MB'),
					show(c.rawPeakRssMb, 'MB'),
				],
				[
					'whole process (VmHWM), including printing the run',
					showRatio(c.peakRssOverIdle),
					show(c.peakRssMb, 'MB'),
					show(c.idlePeakRssMb, 'MB'),
					'',
				],
			],
		),
		'',
		`Page size sent: ${c.pageSizesSent.join(', ')} (the sandbox's maximum is ${c.pageSize}). ` +
			`Credential reads: ${show(c.getDecryptedPerPage)} \`getCredentials\` per page.`,
	].join('\n');
}

/** @param {any} c */
function faults(c) {
	const row = (/** @type {string} */ label, /** @type {any} */ x) => [
		label,
		`${show(x.correct)} of ${num(c.N)}`,
		show(x.duplicates),
		x.inOrder ? 'yes' : 'NO',
		show(x.requests),
		showTime(x.ms),
	];
	return [
		table(
			[
				'Node',
				'Correct items',
				'Duplicated items',
				'Output in input order',
				'API requests sent',
				'node',
			],
			[row('Armor -> Get Me', c.armor), row('Auth Armor -> Get User', c.authArmor)],
		),
		'',
		`Every tenth request of each node (${num(c.faults)} in all, first tries and retries alike) was answered 429 ` +
			'(`Retry-After: 1`, half of them) or 503 (the other half); every item should come out once, right, and cost ' +
			'one request more per refusal. ' +
			`Token requests during the run: ${show(c.tokenRequests)}. A request that changes data (POST, PATCH, DELETE) ` +
			'is only retried after a 429 or a connection that was never made; that rule is proven by the integration ' +
			'tests (`test/integration/hostile-api.test.ts`, "a POST answered 503 is not sent again").',
	].join('\n');
}

/**
 * One table with the headline figure of every case (also pasted into the README's Performance section).
 * @param {any} results
 */
function summary(results) {
	const { tokenLifecycle: t, perItem: p, paging: g, latency: l, faults: f } = results.cases;
	/** @type {string[][]} */
	const rows = [];
	const ok = (/** @type {any} */ c) => c && !c.error;
	if (ok(t)) {
		const trips = (/** @type {any} */ s, /** @type {'armor' | 'authArmor'} */ api) =>
			show(api === 'armor' ? s.armorTripsPerItem : s.authArmorTripsPerItem);
		rows.push(
			[
				`1. Token lifecycle, ${t.K} executions over ${show(t.lifetimesSpanned)} token lifetimes`,
				'Armor: round trips per item, HTTP Request chain / package',
				showRatio(t.ratios.armorTripsHttpOverPackage),
				trips(t.package, 'armor'),
				`${trips(t.http, 'armor')} (floor ${trips(t.floor, 'armor')})`,
			],
			[
				'',
				'Auth Armor: round trips per item, HTTP Request chain / package',
				showRatio(t.ratios.authArmorTripsHttpOverPackage),
				trips(t.package, 'authArmor'),
				`${trips(t.http, 'authArmor')} (floor ${trips(t.floor, 'authArmor')})`,
			],
		);
	}
	const perItemRows = (/** @type {any} */ c, /** @type {string} */ title) => {
		rows.push(
			[
				title,
				'Armor Get Me / raw axios loop',
				showRatio(c.armor.packageOverRaw),
				`${show(c.armor.packageMsPerItem, 'ms')} per item`,
				`${show(c.armor.rawMsPerItem, 'ms')} per item`,
			],
			[
				'',
				'Auth Armor Get User / raw axios loop',
				showRatio(c.authArmor.packageOverRaw),
				`${show(c.authArmor.packageMsPerItem, 'ms')} per item`,
				`${show(c.authArmor.rawMsPerItem, 'ms')} per item`,
			],
			[
				'',
				'Armor Get Me / HTTP Request node (concurrent)',
				showRatio(c.armor.packageOverHttpNode),
				showTime(c.armor.packageMs),
				showTime(c.armor.httpNodeMs),
			],
		);
	};
	if (ok(p)) perItemRows(p, `2. Per item, ${num(p.N)} items`);
	if (ok(g)) {
		rows.push(
			[
				`3. Get Many, ${num(g.users)} users`,
				'node / raw paging loop',
				showRatio(g.packageOverRaw),
				`${showTime(g.packageMs)}, ${show(g.pages)} pages`,
				`${showTime(g.rawMs)}, ${show(g.rawPages)} pages`,
			],
			[
				'',
				'peak RSS of the n8n process while it ran / an idle n8n execution',
				showRatio(g.rssWhileGetManyOverIdle),
				show(g.rssWhileGetManyMb, 'MB'),
				`raw loop ${show(g.rawPeakRssMb, 'MB')}; idle n8n ${show(g.idlePeakRssMb, 'MB')}`,
			],
		);
	}
	if (ok(l)) perItemRows(l, `4. Case 2 with ${l.latencyMs} ms latency`);
	if (ok(f)) {
		for (const [api, label] of /** @type {const} */ ([
			['armor', 'Armor Get Me'],
			['authArmor', 'Auth Armor Get User'],
		])) {
			rows.push([
				api === 'armor'
					? `5. Faults: ${num(f.N)} items, every tenth request answered 429 or 503`
					: '',
				`${label}: requests sent / items`,
				showRatio(f[api].requestsPerItem),
				`${show(f[api].correct)} of ${num(f.N)} correct, ${show(f[api].duplicates)} duplicated`,
				`${num(f.N)} items`,
			]);
		}
	}
	if (!rows.length) return 'No case finished.';
	return table(['Case', 'Measure', 'Ratio', 'This package', 'Without it'], rows, 2);
}

/**
 * @param {string} title
 * @param {any} c
 * @param {(c: any) => string} render
 */
function section(title, c, render) {
	if (!c) return `## ${title}\n\nNot run.`;
	if (c.error) return `## ${title}\n\n**FAILED:** ${c.error}`;
	return `## ${title}\n\n${render(c)}\n\n(${c.seconds} s)`;
}

/** @param {any} results */
function markdown(results) {
	const m = results.machine ?? {};
	const s = results.sizes;
	const c = results.cases;
	const lines = [
		'# Benchmark results',
		'',
		results.mode === 'quick'
			? '> **Quick mode**: tiny sizes and one repetition, to check that every case runs. These figures mean nothing.\n'
			: '',
		`Generated ${results.generatedAt} by \`${results.command}\` in ${num(results.durationSeconds / 60)} min. ` +
			`Machine: ${m.cpus} x ${m.cpuModel}, ${m.memoryGb} GB, ${m.os}; load average at start ${(m.loadAverageAtStart ?? []).join(' ')}. ` +
			`n8n ${m.n8n} on Node ${m.nodeN8n} (the raw loops run on the same Node); the benchmark and the sandbox on Node ${m.nodeBench}. ` +
			`Package ${m.package}${m.commit ? ` (commit ${m.commit})` : ''}${m.packageDir && m.packageDir !== '.' ? `, built from ${m.packageDir}` : ''}.`,
		'',
		`Sizes: K = ${s.K} executions, N = ${num(s.N)} items, ${num(s.users)} users (pages of ${s.pageSize}), ` +
			`${s.latencyMs} ms latency in case 4, ${s.repeat} repetition(s). ${results.executions} \`n8n execute\` runs` +
			`${results.exitCrashes ? ` (${results.exitCrashes} of them hit n8n 2.41's known SIGSEGV at exit after printing a complete run)` : ''}.`,
		'',
		'Figures are medians over the repetitions, with the range (min-max) in brackets. Every ratio (xR = first / second) ' +
			'is taken within one repetition, both sides measured back to back in this run, then summarised; absolute times ' +
			'are only beside them. "node" is the node\'s own `executionTime` in the run n8n prints; a raw loop is timed ' +
			'around its requests only. Both sides start with a token (a warm-up execution logs the credentials in).',
		'',
		results.failures?.length
			? `**Failures:**\n\n${results.failures.map((/** @type {string} */ f) => `- ${f}`).join('\n')}\n`
			: '',
		'## Summary',
		'',
		summary(results),
		'',
		section('1. Token lifecycle: round trips', c.tokenLifecycle, tokenLifecycle),
		'',
		section('2. Per-item overhead', c.perItem, (x) => perItem(x, true)),
		'',
		section('3. Paging', c.paging, paging),
		'',
		section(`4. Latency sensitivity: case 2 with ${s.latencyMs} ms per response`, c.latency, (x) =>
			perItem(x, false),
		),
		'',
		section('5. Faults: a busy API', c.faults, faults),
		'',
		'## How it is measured',
		'',
		'- The sandbox (`test/sandbox/`) runs in the benchmark process on 127.0.0.1 and counts every request ' +
			'(`summary()`); tokens, pages and latency are its knobs.',
		'- The package is built, packed and installed into a real n8n the way the community-nodes screen does ' +
			'(`test/e2e/n8n-host.js`); every execution is `n8n execute --id`, with `bench/lib/n8n-probe.js` preloaded ' +
			"(`NODE_OPTIONS=--require`). The probe counts and times n8n's credential reads and decryptions, samples " +
			"the process's resident memory every 20 ms and reads its peak (`VmHWM` from `/proc/self/status`) at exit. " +
			"It also makes stdout blocking: n8n 2.41's `execute` otherwise exits before a run of tens of MB (case 3) is written out.",
		'- "HTTP Request chain" / "HTTP Request node": what a user builds without this package, n8n\'s own HTTP Request ' +
			'node (4.2) with expressions passing `code` and `access_token` along. In cases 2 and 4 it logs in once per ' +
			"execution and reads the token by expression; with its default options it sends all items' requests at once, " +
			'while this package runs up to "Parallel Requests" (default 10) items at a time and the raw loop sends ' +
			'one request after another.',
		'- "raw axios": `bench/lib/raw-client.js`, a sequential axios loop with the same headers and one token, run as a ' +
			"child process on n8n's Node. Node's default agent keeps connections alive; n8n 2.41 sends every request with " +
			'`Connection: close`, so case 2 and 3 also show a raw loop that opens a new connection per request.',
		"- Case 1 counts are exact (the sandbox's log); times are `executionTime` as n8n records it (whole ms).",
		'- Reproduce: `npm run bench` (about 20 minutes here; `-- --repeat N`, `-- --only 2,3`, `-- --out DIR`, ' +
			'`-- --package DIR` for another build of the package); `npm run bench -- --quick` (about a minute, tiny sizes, ' +
			'written to `bench/.work/quick/`) checks that everything runs.',
		'',
	];
	return lines.filter((line, i, all) => !(line === '' && all[i - 1] === '')).join('\n');
}

/**
 * @param {string} outDir
 * @param {any} results
 * @returns {string[]} the files written
 */
function writeReport(outDir, results) {
	fs.mkdirSync(outDir, { recursive: true });
	const json = path.join(outDir, 'results.json');
	const md = path.join(outDir, 'RESULTS.md');
	fs.writeFileSync(json, `${JSON.stringify(results, null, 2)}\n`);
	fs.writeFileSync(md, markdown(results));
	return [md, json];
}

module.exports = { writeReport, markdown, summary };
