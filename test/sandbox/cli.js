#!/usr/bin/env node
// @ts-check
'use strict';

/**
 * Runs the sandbox until SIGINT/SIGTERM and prints one JSON line with its URLs
 * ({armorUrl, authArmorUrl, authArmorTokenUrl, servicesUrl}):
 *   node test/sandbox/cli.js [--host 127.0.0.1] [--armor-port N] [--autharmor-port N] [--services-port N]
 *                            [--token-lifetime S] [--<any-knob-in-kebab-case> VALUE ...]
 * `--token-lifetime S` sets both armorTokenLifetimeSeconds and authArmorTokenLifetimeSeconds; a knob given
 * by its own name (e.g. --armor-token-lifetime-seconds 120, --mfa-delay-ms 3000, --me-user-as-array) wins.
 * Special forms: --echo-requests-in-errors json|html|false, --refuse-tokens-on /me,/accounts (comma list),
 * --hold-logins-until COUNT:TIMEOUT_MS (or 'null').
 */

const { startSandbox } = require('./server');
const { DEFAULT_KNOBS, knobNames } = require('./state');

/** @param {string} name */
const squash = (name) => name.replace(/[-_]/g, '').toLowerCase();

/** Knob names by their squashed form, so --autharmor-user-count and --auth-armor-user-count both work. */
const KNOBS_BY_FLAG = new Map(knobNames().map((name) => [squash(name), name]));

const LISTENER_FLAGS = /** @type {Record<string, string>} */ ({
	host: 'host',
	armorport: 'armorPort',
	autharmorport: 'authArmorPort',
	servicesport: 'servicesPort',
});

/**
 * Knobs whose command-line value is not a plain number, boolean or word. A value they cannot read is passed
 * on as is, so the knob validation reports it.
 * @type {Record<string, (raw: string) => unknown>}
 */
const KNOB_PARSERS = {
	echoRequestsInErrors: (raw) => (raw === 'false' ? false : raw),
	refuseTokensOn: (raw) => raw.split(',').filter(Boolean),
	holdLoginsUntil: (raw) => {
		if (raw === 'null') return null;
		const match = /^(\d+):(\d+(?:\.\d+)?)$/.exec(raw);
		return match ? { count: Number(match[1]), timeoutMs: Number(match[2]) } : raw;
	},
};

/** @param {string} name knob name */
function isBooleanKnob(name) {
	return (
		!KNOB_PARSERS[name] &&
		typeof (/** @type {Record<string, unknown>} */ (DEFAULT_KNOBS)[name]) === 'boolean'
	);
}

/**
 * @param {string} name knob name
 * @param {string | undefined} raw undefined only for a boolean knob
 */
function knobValue(name, raw) {
	const fallback = /** @type {Record<string, unknown>} */ (DEFAULT_KNOBS)[name];
	if (KNOB_PARSERS[name]) return KNOB_PARSERS[name](raw ?? '');
	if (typeof fallback === 'boolean') return raw === undefined || raw === 'true';
	if (typeof fallback === 'number') return Number(raw);
	return raw;
}

/**
 * @param {string[]} argv
 * @returns {Record<string, unknown>} startSandbox options
 */
function parseArgs(argv) {
	/** @type {Record<string, unknown>} */
	const options = {};
	/** @type {Record<string, unknown>} */
	const explicit = {};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (!arg.startsWith('--')) throw new TypeError(`Unexpected argument "${arg}".`);
		const [flag, inline] = arg.slice(2).split(/=(.*)/s, 2);
		const key = squash(flag);
		const knob = KNOBS_BY_FLAG.get(key);
		const isBoolean = knob !== undefined && isBooleanKnob(knob);
		const next = argv[i + 1];
		const takesNext =
			inline === undefined && !(isBoolean && (next === undefined || next.startsWith('--')));
		const raw = inline ?? (takesNext ? argv[++i] : undefined);
		if (!isBoolean && raw === undefined) throw new TypeError(`Missing value for --${flag}.`);

		if (key === 'tokenlifetime') {
			options.armorTokenLifetimeSeconds = Number(raw);
			options.authArmorTokenLifetimeSeconds = Number(raw);
		} else if (LISTENER_FLAGS[key]) {
			options[LISTENER_FLAGS[key]] = key === 'host' ? raw : Number(raw);
		} else if (knob) {
			explicit[knob] = knobValue(knob, raw);
		} else {
			throw new TypeError(`Unknown option --${flag}.`);
		}
	}
	return { ...options, ...explicit };
}

async function main() {
	const sandbox = await startSandbox(parseArgs(process.argv.slice(2)));
	let stopping = false;
	const stop = () => {
		if (stopping) return;
		stopping = true;
		sandbox.close().then(
			() => process.exit(0),
			(error) => {
				console.error('[sandbox] close failed:', error instanceof Error ? error.message : error);
				process.exit(1);
			},
		);
	};
	// Handlers first: whoever reads the line may signal at once.
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	process.stdout.write(
		`${JSON.stringify({
			armorUrl: sandbox.armorUrl,
			authArmorUrl: sandbox.authArmorUrl,
			authArmorTokenUrl: sandbox.authArmorTokenUrl,
			servicesUrl: sandbox.servicesUrl,
		})}\n`,
	);
}

main().catch((error) => {
	console.error('[sandbox]', error instanceof Error ? error.message : error);
	process.exit(1);
});
