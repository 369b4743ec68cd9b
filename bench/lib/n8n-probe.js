// @ts-check
'use strict';
/**
 * Preloaded into the `n8n execute` process by the benchmark (NODE_OPTIONS=--require ...). It counts, and
 * times, what n8n does with credentials while a workflow runs, and writes, when the process exits, its peak
 * resident memory and those counts to `$ARMOR_BENCH_PROBE_DIR/<pid>.json`. The one thing it changes: stdout
 * is made blocking, so that a large run reaches the benchmark whole (see below).
 *
 *   credentials.getDecrypted   CredentialsHelper.getDecrypted: one database read + one decryption + the
 *                              expression resolution of a credential (what IExecuteFunctions.getCredentials costs)
 *   credentials.decrypt        Credentials.getData (AES decryption of a stored credential)
 *   credentials.encrypt        Credentials.setData (what persisting a renewed token costs)
 *   credentials.preAuthentication  CredentialsHelper.preAuthentication calls (most return at once)
 *   credentials.authenticate   CredentialsHelper.authenticate calls
 *
 * Each entry is `{ calls, ms }`; `ms` adds up the time between call and settlement, which is meaningful
 * because a node awaits each of these before the next.
 *
 * It also samples the resident set size every SAMPLE_MS (`rssSamples`: [epoch ms, kB] pairs), so that the
 * memory a node needed can be told apart from what `n8n execute` needs afterwards to print the run.
 */
const Module = require('node:module');
const fs = require('node:fs');
const path = require('node:path');

const outDir = process.env.ARMOR_BENCH_PROBE_DIR;
/** Only the n8n CLI process itself (not its task runner, not npm). */
const isN8nCli = process.argv.some(
	(arg) => /[\\/]n8n[\\/]bin[\\/]n8n$/.test(arg) || /[\\/]bin[\\/]n8n$/.test(arg),
);

const SAMPLE_MS = 20;

/** @type {Record<string, { calls: number, ms: number }>} */
const counters = {};
const patched = new WeakSet();

/**
 * @param {any} proto
 * @param {string} method
 * @param {string} label
 */
function count(proto, method, label) {
	const original = proto?.[method];
	if (typeof original !== 'function' || patched.has(original)) return;
	const entry = (counters[label] ??= { calls: 0, ms: 0 });
	/** @this {any} @param {any[]} args */
	const wrapped = function (...args) {
		entry.calls += 1;
		const started = process.hrtime.bigint();
		const done = () => (entry.ms += Number(process.hrtime.bigint() - started) / 1e6);
		const result = original.apply(this, args);
		if (result && typeof result.then === 'function') {
			result.then(done, done);
		} else done();
		return result;
	};
	patched.add(wrapped);
	proto[method] = wrapped;
}

if (outDir && isN8nCli) {
	// Complete stdout for large runs: the harness preloads test/e2e/blocking-stdout.js into every execute.
	const load = /** @type {any} */ (Module)._load;
	/** @type {any} */ (Module)._load = function (/** @type {any[]} */ ...args) {
		const exported = load.apply(this, args);
		try {
			// Own properties only: reading a missing one off a module still loading makes Node warn.
			const own = (/** @type {string} */ key) =>
				exported &&
				typeof exported === 'object' &&
				Object.prototype.hasOwnProperty.call(exported, key)
					? exported[key]
					: undefined;
			const helper = own('CredentialsHelper')?.prototype;
			if (helper && typeof helper.getDecrypted === 'function') {
				count(helper, 'getDecrypted', 'credentials.getDecrypted');
				count(helper, 'preAuthentication', 'credentials.preAuthentication');
				count(helper, 'authenticate', 'credentials.authenticate');
			}
			const credentials = own('Credentials')?.prototype;
			if (
				credentials &&
				typeof credentials.getData === 'function' &&
				typeof credentials.setData === 'function'
			) {
				count(credentials, 'getData', 'credentials.decrypt');
				count(credentials, 'setData', 'credentials.encrypt');
			}
		} catch {
			/* a module whose exports cannot be inspected */
		}
		return exported;
	};

	/** @type {[number, number][]} */
	const rssSamples = [];
	const sample = () => rssSamples.push([Date.now(), Math.round(process.memoryUsage.rss() / 1024)]);
	sample();
	setInterval(sample, SAMPLE_MS).unref();

	process.once('exit', () => {
		sample();
		let vmHwmKb;
		try {
			const status = fs.readFileSync('/proc/self/status', 'utf8');
			vmHwmKb = Number(status.match(/^VmHWM:\s+(\d+)\s+kB/m)?.[1]) || undefined;
		} catch {
			/* not Linux */
		}
		const report = {
			pid: process.pid,
			argv: process.argv.slice(2),
			maxRssKb: process.resourceUsage().maxRSS,
			vmHwmKb,
			counters,
			rssSamples,
		};
		try {
			fs.mkdirSync(outDir, { recursive: true });
			fs.writeFileSync(path.join(outDir, `${process.pid}.json`), JSON.stringify(report));
		} catch {
			/* nothing to report to */
		}
	});
}
