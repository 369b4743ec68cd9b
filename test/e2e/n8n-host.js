// @ts-check
'use strict';
/**
 * Runs a REAL n8n (2.41 by default, on Node 24; see n8n-versions.js) the way a user has it, for the e2e
 * tests, `npm start` and the benchmark. Only Node built-ins are used, so this file also works before `npm install`.
 *
 *   const { ensureN8n, packPackage, N8nHost, nodeOutput } = require('./n8n-host');
 *   const host = new N8nHost();
 *   await host.installPackage(await packPackage());
 *   await host.importCredentials([{ id, name, type, data }]);
 *   await host.importWorkflow(workflow);
 *   const result = await host.execute(workflow.id);
 *   nodeOutput(result, 'Armor');          // -> [{ ...json }, ...]
 *   await host.dispose();
 *
 * Every child process goes through `run()`, which times it and, on failure, throws an error that names
 * the command and shows the tail of its output.
 */
const { spawn } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const fsp = require('node:fs/promises');
const http = require('node:http');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const N8N_VERSIONS = require('./n8n-versions');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
/** Makes `execute`'s stdout complete for large runs (see the file). */
const BLOCKING_STDOUT = path.join(__dirname, 'blocking-stdout.js');
const ENSURE_SCRIPT = path.join(REPO_ROOT, 'scripts', 'ensure-n8n.sh');
const OUTPUT_TAIL_CHARS = 4000;
const DEFAULT_COMMAND_TIMEOUT_MS = 10 * 60 * 1000;
const LOG_LEVELS = ['silent', 'error', 'warn', 'info', 'debug'];

/** @typedef {{ command: string, ms: number, code: number | null }} Timing */
/**
 * @typedef {object} RunOptions
 * @property {string} [cwd]
 * @property {NodeJS.ProcessEnv} [env]       full environment of the child (default: process.env)
 * @property {string} [label]                how errors and timings name the command
 * @property {boolean} [allowFailure]        resolve instead of throwing on a non-zero exit
 * @property {number} [timeoutMs]
 * @property {'pipe' | 'inherit'} [stderr]   'inherit' streams stderr to ours (install progress)
 * @property {Timing[]} [timings]            every finished command is appended here
 */
/** @typedef {{ code: number | null, signal: NodeJS.Signals | null, stdout: string, stderr: string, ms: number }} RunResult */

/**
 * Last `n` characters of a text, marked when cut.
 * @param {string} text
 * @param {number} [n]
 */
function tail(text, n = OUTPUT_TAIL_CHARS) {
	const t = String(text || '').trimEnd();
	return t.length > n ? `...${t.slice(-n)}` : t;
}

/**
 * Children of run() and start() still running: ended, with their process groups, if we exit first.
 * @type {Set<import('node:child_process').ChildProcess>}
 */
const liveChildren = new Set();
/**
 * Folders packPackage() made for its tarballs: removed when we exit (the tarball is installed by then).
 * Jest does not run a test file's exit hooks: tests remove `path.dirname(tarball)` themselves.
 */
const packFolders = new Set();
process.once('exit', () => {
	for (const child of liveChildren) killTree(child, 'SIGKILL');
	for (const folder of packFolders) fs.rmSync(folder, { recursive: true, force: true });
});

/**
 * Signals a child's whole process group (it was started detached), so that n8n's task-runner
 * subprocess goes too; also after the child itself has exited, to end what is left of its group.
 * @param {import('node:child_process').ChildProcess} child
 * @param {NodeJS.Signals} signal
 */
function killTree(child, signal) {
	if (child.pid === undefined) return;
	try {
		if (process.platform !== 'win32') return void process.kill(-child.pid, signal);
	} catch {
		/* no such group any more */
	}
	try {
		if (child.exitCode === null && child.signalCode === null) child.kill(signal);
	} catch {
		/* already gone */
	}
}

/**
 * Runs one command to completion and collects its output. The single place that starts processes
 * which are expected to end (npm, the n8n CLI commands, the install script).
 * @param {string} command
 * @param {string[]} args
 * @param {RunOptions} [options]
 * @returns {Promise<RunResult>}
 */
function run(command, args, options = {}) {
	const label = options.label || [path.basename(command), ...args].join(' ');
	const timeoutMs = options.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
	const started = Date.now();
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, {
			cwd: options.cwd,
			env: options.env || process.env,
			stdio: ['ignore', 'pipe', options.stderr === 'inherit' ? 'inherit' : 'pipe'],
			detached: process.platform !== 'win32', // own process group: a timeout kills its children too
		});
		liveChildren.add(child);
		let stdout = '';
		let stderr = '';
		child.stdout?.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
		child.stderr?.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
		let timedOut = false;
		const timer = setTimeout(() => {
			timedOut = true;
			killTree(child, 'SIGKILL');
		}, timeoutMs);
		child.on('error', (error) => {
			clearTimeout(timer);
			reject(new Error(`${label}: could not start ${command}: ${error.message}`));
		});
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			liveChildren.delete(child);
			const ms = Date.now() - started;
			options.timings?.push({ command: label, ms, code });
			if (process.env.ARMOR_E2E_VERBOSE)
				process.stderr.write(`[n8n-host] ${label}: exit ${code} in ${ms} ms\n`);
			const result = { code, signal, stdout, stderr, ms };
			if ((code === 0 && !timedOut) || (options.allowFailure && !timedOut)) return resolve(result);
			const why = timedOut ? `timed out after ${timeoutMs} ms` : `exited with ${code ?? signal}`;
			const output = tail(`${stdout}\n${stderr}`);
			reject(
				Object.assign(
					new Error(`${label} ${why} (cwd ${options.cwd || process.cwd()})\n${output}`),
					{ result },
				),
			);
		});
	});
}

/** @type {Map<string, Promise<{ node: string, n8nBin: string }>>} */
const ensured = new Map();

/**
 * Installs (first time only) Node 24 and an n8n version into the cache (scripts/ensure-n8n.sh) and returns
 * their paths. Runs the script once per process and version; its progress goes to our stderr.
 * @param {string} [version] default: the current version of n8n-versions.js
 * @returns {Promise<{ node: string, n8nBin: string }>}
 */
function ensureN8n(version = N8N_VERSIONS.current) {
	let install = ensured.get(version);
	if (!install) {
		install = run('bash', [ENSURE_SCRIPT, version], {
			stderr: 'inherit',
			label: `scripts/ensure-n8n.sh ${version}`,
			timeoutMs: 30 * 60 * 1000,
		})
			.then(({ stdout }) => {
				const value = (/** @type {string} */ key) =>
					/** @type {string | undefined} */ (stdout.match(new RegExp(`^${key}=(.*)$`, 'm'))?.[1]);
				const node = value('NODE24');
				const n8nBin = value('N8N_BIN');
				if (!node || !n8nBin)
					throw new Error(
						`scripts/ensure-n8n.sh printed no NODE24=/N8N_BIN= lines:\n${tail(stdout)}`,
					);
				return { node, n8nBin };
			})
			.catch((error) => {
				ensured.delete(version); // let a later call try again
				throw error;
			});
		ensured.set(version, install);
	}
	return install;
}

/**
 * Builds (unless `build: false`) and packs a package with `npm pack`, into a fresh temp folder that is
 * removed when this process exits.
 * @param {{ build?: boolean, dir?: string, timings?: Timing[] }} [options] dir defaults to this repository
 * @returns {Promise<string>} absolute path of the tarball
 */
async function packPackage({ build = true, dir = REPO_ROOT, timings } = {}) {
	if (build) await run('npm', ['run', 'build'], { cwd: dir, timings });
	const destination = await fsp.mkdtemp(path.join(os.tmpdir(), 'armor-pack-'));
	packFolders.add(destination);
	const { stdout } = await run(
		'npm',
		['pack', '--json', '--ignore-scripts', '--pack-destination', destination],
		{
			cwd: dir,
			timings,
		},
	);
	const filename = JSON.parse(stdout.slice(stdout.indexOf('[')))[0].filename;
	return path.join(destination, path.basename(filename));
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

/**
 * Resolves with the HTTP status of a GET, or 0 when nothing answers.
 * @param {string} url
 * @returns {Promise<number>}
 */
function httpStatus(url, timeoutMs = 2000) {
	return new Promise((resolve) => {
		const request = http.get(url, { timeout: timeoutMs }, (response) => {
			response.resume();
			resolve(response.statusCode || 0);
		});
		request.on('timeout', () => request.destroy());
		request.on('error', () => resolve(0));
	});
}

const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The encryption key n8n saved in a user folder's settings file, if any.
 * @param {string} userFolder
 * @returns {string | undefined}
 */
function savedEncryptionKey(userFolder) {
	try {
		const config = JSON.parse(fs.readFileSync(path.join(userFolder, '.n8n', 'config'), 'utf8'));
		return typeof config.encryptionKey === 'string' ? config.encryptionKey : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Reads the run out of `n8n execute --rawOutput` stdout written with N8N_LOG_FORMAT=json: every log line
 * is a JSON object `{ level, message, metadata }`, and the run itself is the message that is a JSON
 * document with `data.resultData` (logged at info level, on success and on a failed run alike).
 * Lines that are not JSON (a node's own console output) are kept as plain log messages.
 * @param {string} stdout
 */
function parseExecuteOutput(stdout) {
	/** @type {any} */
	let data;
	/** @type {{ level: string, message: string }[]} */
	const logs = [];
	for (const line of stdout.split('\n')) {
		if (!line.trim()) continue;
		let entry;
		try {
			entry = JSON.parse(line);
		} catch {
			logs.push({ level: 'stdout', message: line });
			continue;
		}
		const message = typeof entry?.message === 'string' ? entry.message : line;
		if (message.trimStart().startsWith('{')) {
			try {
				const parsed = JSON.parse(message);
				if (parsed?.data?.resultData) {
					data = parsed;
					continue;
				}
			} catch {
				/* an ordinary message that starts with a brace */
			}
		}
		logs.push({ level: String(entry?.level ?? 'info'), message });
	}
	return { data, logs };
}

/**
 * n8n execute's own error lines without its boilerplate, else its last line (e.g. "workflow ... does not exist").
 * @param {{ level: string, message: string }[]} logs
 */
function cliError(logs) {
	const boilerplate =
		/^(Error executing workflow\. See log messages for details\.|Execution error:|=+)$/;
	const messages = logs
		.map((l) => ({ ...l, message: l.message.trim() }))
		.filter((l) => l.message && !boilerplate.test(l.message));
	const errors = [...new Set(messages.filter((l) => l.level === 'error').map((l) => l.message))];
	if (errors.length) return tail(errors.join('\n'), 3000);
	return messages.at(-1)?.message;
}

/**
 * @typedef {object} ExecuteResult
 * @property {boolean} ok         the run was printed, has no error, and n8n exited with 0 (or see exitCrash)
 * @property {number | null} code exit code of `n8n execute`
 * @property {NodeJS.Signals | null} signal  signal that ended it
 * @property {NodeJS.Signals | undefined} exitCrash  set when it died by this signal after printing the
 *           finished run (a known n8n 2.41 teardown crash, see execute()); the run counts
 * @property {any} data           the run (IRun): `{ data: { resultData: { runData, error?, lastNodeExecuted } }, status, finished, mode, startedAt, stoppedAt }`
 * @property {string | undefined} error  the run's error message (or the CLI's, when nothing ran)
 * @property {{ level: string, message: string }[]} logs  n8n's other log lines
 * @property {string} stdout
 * @property {string} stderr
 * @property {number} ms
 */

/**
 * The `json` of every item a node put out on its last run (output `outputIndex`, default 0). Throws,
 * with the nodes that did run and the run's error, when the node did not run.
 * @param {ExecuteResult} result
 * @param {string} nodeName
 * @param {number} [outputIndex]
 * @returns {any[]}
 */
function nodeOutput(result, nodeName, outputIndex = 0) {
	const taskData = lastRun(result, nodeName);
	if (!taskData) {
		const ran = Object.keys(result.data?.data?.resultData?.runData ?? {});
		throw new Error(
			`node "${nodeName}" did not run (ran: ${JSON.stringify(ran)}; error: ${result.error ?? 'none'})`,
		);
	}
	const items = taskData.data?.main?.[outputIndex] ?? [];
	return items.map((/** @type {{ json: any }} */ item) => item.json);
}

/**
 * The error of a node's last run (`{ message, description, httpCode, ... }` as n8n serialised it), or
 * undefined when it ran without error or did not run.
 * @param {ExecuteResult} result
 * @param {string} nodeName
 */
function nodeError(result, nodeName) {
	return lastRun(result, nodeName)?.error;
}

/**
 * @param {ExecuteResult} result
 * @param {string} nodeName
 * @returns {any}
 */
function lastRun(result, nodeName) {
	const runs = result.data?.data?.resultData?.runData?.[nodeName];
	return Array.isArray(runs) && runs.length ? runs[runs.length - 1] : undefined;
}

class N8nHost {
	/**
	 * @param {object} [options]
	 * @param {string} [options.userFolder]    N8N_USER_FOLDER (n8n keeps its data in `<userFolder>/.n8n`);
	 *                                         default: a new temp folder, removed by dispose()
	 * @param {string} [options.encryptionKey] default: the key saved in the folder, else a new random one
	 * @param {NodeJS.ProcessEnv} [options.env] extra/overriding environment for every n8n process
	 * @param {string} [options.version]       the n8n version (default: the current one of n8n-versions.js)
	 */
	constructor({ userFolder, encryptionKey, env = {}, version = N8N_VERSIONS.current } = {}) {
		this.version = version;
		this.ownsUserFolder = !userFolder;
		this.userFolder = userFolder
			? path.resolve(userFolder)
			: fs.mkdtempSync(path.join(os.tmpdir(), 'armor-n8n-'));
		fs.mkdirSync(this.userFolder, { recursive: true });
		this.encryptionKey =
			encryptionKey ||
			savedEncryptionKey(this.userFolder) ||
			crypto.randomBytes(24).toString('base64');
		this.extraEnv = env;
		/** @type {Timing[]} */
		this.timings = [];
		/** @type {import('node:child_process').ChildProcess | undefined} */
		this.server = undefined;
		this.serverOutput = '';
		/** @type {number | undefined} */
		this.port = undefined;
		this.fileCounter = 0;
	}

	/** Folder where the community-nodes screen installs packages. */
	get nodesFolder() {
		return path.join(this.userFolder, '.n8n', 'nodes');
	}

	/**
	 * Environment of one n8n process.
	 * @param {NodeJS.ProcessEnv} [overrides]
	 */
	async n8nEnv(overrides = {}) {
		return {
			...process.env,
			NODE_ENV: 'production', // jest sets NODE_ENV=test, under which n8n refuses to load nodes
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY: this.encryptionKey,
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			N8N_PORT: String(await freePort()),
			...(await this.offlineEnv()),
			N8N_SECURE_COOKIE: 'false',
			N8N_LOG_LEVEL: 'warn',
			N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
			// we install an unverified package; setting it explicitly also silences a start-up deprecation notice
			N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			// n8n chmods its settings file to 0600 instead of warning that it is too wide
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
			...this.extraEnv,
			...overrides,
		};
	}

	/**
	 * Settings that keep n8n from calling n8n's own online services (telemetry, version checks, templates,
	 * banners, the verified community-node list, the MCP server registry, AI features):
	 * without them a machine without internet prints a wall of `getaddrinfo ENOTFOUND api.n8n.io`.
	 * A module is only disabled where this n8n version has it (n8n refuses unknown module names).
	 * @returns {Promise<NodeJS.ProcessEnv>}
	 */
	async offlineEnv() {
		const { n8nBin } = await ensureN8n(this.version);
		const modules = path.join(path.dirname(path.dirname(n8nBin)), 'dist', 'modules');
		const disabledModules = ['mcp-registry'].filter((name) =>
			fs.existsSync(path.join(modules, name)),
		);
		return {
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_DYNAMIC_BANNERS_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_VERIFIED_PACKAGES_ENABLED: 'false',
			N8N_AI_ENABLED: 'false',
			...(disabledModules.length ? { N8N_DISABLED_MODULES: disabledModules.join(',') } : {}),
		};
	}

	/**
	 * Runs one n8n CLI command to completion with this host's environment.
	 * @param {string[]} args
	 * @param {Omit<RunOptions, 'env' | 'timings'> & { env?: NodeJS.ProcessEnv }} [options]
	 */
	async n8n(args, options = {}) {
		const { node, n8nBin } = await ensureN8n(this.version);
		return await run(node, [n8nBin, ...args], {
			...options,
			label: options.label || `n8n ${args.join(' ')}`,
			cwd: options.cwd || this.userFolder,
			env: await this.n8nEnv(options.env),
			timings: this.timings,
		});
	}

	/**
	 * A path for a throw-away input/output file inside the user folder.
	 * @param {string} name
	 */
	scratchFile(name) {
		const dir = path.join(this.userFolder, 'scratch');
		fs.mkdirSync(dir, { recursive: true });
		this.fileCounter += 1;
		return path.join(dir, `${this.fileCounter}-${name}`);
	}

	/**
	 * Installs a package tarball the way n8n's community-nodes screen does: into `<userFolder>/.n8n/nodes`,
	 * without dev dependencies and without the peer `n8n-workflow` (n8n provides it). Replaces an
	 * installed version of the same package. n8n picks it up when its next process starts.
	 * @param {string} tarballPath
	 */
	async installPackage(tarballPath) {
		await this.npmInstallIntoNodes(
			[path.resolve(tarballPath)],
			`npm install ${path.basename(tarballPath)} (into .n8n/nodes)`,
		);
	}

	/**
	 * Builds (unless `build: false`) and packs a package (this repository by default), installs the tarball
	 * like the community-nodes screen, and removes the tarball.
	 * @param {{ build?: boolean, dir?: string }} [options]
	 */
	async packAndInstall({ build = true, dir = REPO_ROOT } = {}) {
		const tarball = await packPackage({ build, dir, timings: this.timings });
		try {
			await this.installPackage(tarball);
		} finally {
			await fsp.rm(path.dirname(tarball), { recursive: true, force: true });
			packFolders.delete(path.dirname(tarball));
		}
	}

	/**
	 * Links a package folder (this repository by default) into `<userFolder>/.n8n/nodes` instead of
	 * installing a copy: n8n loads it from there under its own name, reading its dist/ in place, so with
	 * N8N_DEV_RELOAD=true a rebuild reloads its nodes (`npm run dev`). Replaces an installed copy.
	 * @param {string} [dir]
	 */
	async linkPackage(dir = REPO_ROOT) {
		await this.npmInstallIntoNodes(
			[path.resolve(dir), '--install-links=false'], // a symlink to the folder, not a packed copy
			`npm install ${dir} (linked into .n8n/nodes)`,
		);
	}

	/**
	 * `npm install` in `<userFolder>/.n8n/nodes`, the way the community-nodes screen installs: no
	 * scripts, no dev dependencies, n8n-workflow left to n8n.
	 * @param {string[]} args what to install, and extra flags
	 * @param {string} label
	 */
	async npmInstallIntoNodes(args, label) {
		await this.writeNodesManifest();
		await run(
			'npm',
			[
				'install',
				...args,
				'--ignore-scripts',
				'--omit=dev',
				'--legacy-peer-deps',
				'--no-audit',
				'--no-fund',
			],
			{ cwd: this.nodesFolder, timings: this.timings, label },
		);
	}

	/** The folder's package.json, as the community-nodes screen creates it before its first install. */
	async writeNodesManifest() {
		await fsp.mkdir(this.nodesFolder, { recursive: true });
		const manifest = path.join(this.nodesFolder, 'package.json');
		if (!fs.existsSync(manifest)) {
			await fsp.writeFile(
				manifest,
				`${JSON.stringify({ name: 'installed-nodes', private: true }, null, 2)}\n`,
			);
		}
	}

	/**
	 * Imports credentials; `data` is plain (n8n encrypts it on import). An existing id is overwritten.
	 * @param {{ id: string, name: string, type: string, data: Record<string, unknown> }[]} list
	 */
	async importCredentials(list) {
		const file = this.scratchFile('credentials.json');
		await fsp.writeFile(file, JSON.stringify(list), { mode: 0o600 });
		try {
			await this.n8n(['import:credentials', `--input=${file}`], {
				label: `n8n import:credentials (${list.length})`,
			});
		} finally {
			await fsp.rm(file, { force: true });
		}
	}

	/**
	 * Imports (or overwrites) one workflow; it must have an `id`.
	 * @param {{ id: string, name?: string, nodes: unknown[], connections: object, [key: string]: unknown }} workflow
	 */
	async importWorkflow(workflow) {
		if (!workflow.id) throw new Error('importWorkflow: the workflow needs an id');
		const file = this.scratchFile('workflow.json');
		await fsp.writeFile(
			file,
			JSON.stringify({ name: workflow.id, active: false, settings: {}, ...workflow }),
		);
		await this.n8n(['import:workflow', `--input=${file}`], {
			label: `n8n import:workflow ${workflow.id}`,
		});
	}

	/**
	 * Runs a workflow (`n8n execute --id`) from its first trigger and returns the run. Does not throw
	 * when the run fails: see `ok` and `error`.
	 * @param {string} workflowId
	 * @param {{ timeoutMs?: number, env?: NodeJS.ProcessEnv }} [options]
	 * @returns {Promise<ExecuteResult>}
	 */
	async execute(workflowId, options = {}) {
		// `execute` prints the run through n8n's logger at info level; JSON log lines make it unambiguous.
		const configured = String(options.env?.N8N_LOG_LEVEL ?? this.extraEnv.N8N_LOG_LEVEL ?? 'warn');
		const level = LOG_LEVELS.indexOf(configured) < LOG_LEVELS.indexOf('info') ? 'info' : configured;
		const { code, signal, stdout, stderr, ms } = await this.n8n(
			['execute', `--id=${workflowId}`, '--rawOutput'],
			{
				allowFailure: true,
				timeoutMs: options.timeoutMs,
				env: {
					...options.env,
					N8N_LOG_LEVEL: level,
					N8N_LOG_FORMAT: 'json',
					NODE_OPTIONS: [
						options.env?.NODE_OPTIONS ?? this.extraEnv.NODE_OPTIONS ?? process.env.NODE_OPTIONS,
						`--require "${BLOCKING_STDOUT}"`,
					]
						.filter(Boolean)
						.join(' '),
				},
			},
		);
		const { data, logs } = parseExecuteOutput(stdout);
		const runError = data?.data?.resultData?.error;
		// n8n 2.41's `execute` sometimes dies with SIGSEGV in process.exit(), after it printed the finished
		// run: its expression-isolate pool disposes a replenished isolate without awaiting it
		// (@n8n/expression-runtime IsolatePool.replenish). The run and what it stored are complete then.
		const exitCrash =
			code === null && !!signal && !!data && data.finished !== false ? signal : undefined;
		const ok = (code === 0 || !!exitCrash) && !!data && !runError;
		let error = runError ? String(runError.message ?? JSON.stringify(runError)) : undefined;
		if (!ok && !error)
			error =
				cliError(logs) || `n8n execute exited with ${code}: ${tail(`${stdout}\n${stderr}`, 1500)}`;
		return { ok, code, signal, exitCrash, data, error, logs, stdout, stderr, ms };
	}

	/**
	 * All stored credentials, decrypted (what a credential's preAuthentication persisted is in `data`).
	 * @returns {Promise<{ id: string, name: string, type: string, data: Record<string, any> }[]>}
	 */
	async exportCredentials() {
		const file = this.scratchFile('credentials-export.json');
		try {
			await this.n8n(['export:credentials', '--all', '--decrypted', `--output=${file}`]);
			return JSON.parse(await fsp.readFile(file, 'utf8'));
		} finally {
			await fsp.rm(file, { force: true });
		}
	}

	/**
	 * Starts `n8n start` (editor + REST API) on 127.0.0.1 and resolves once it is fully up: both
	 * `/healthz/readiness` (/healthz alone answers while migrations still run) and the REST API's
	 * `/rest/settings` answer 200 (n8n 2.6 reports ready a few seconds before it mounts its routes).
	 * @param {{ port?: number, timeoutMs?: number, env?: NodeJS.ProcessEnv, output?: 'pipe' | 'inherit' }} [options]
	 *        output 'inherit' shows n8n's console output on ours (for `npm start`); default keeps it for errors
	 * @returns {Promise<{ url: string, port: number }>}
	 */
	async start({ port, timeoutMs = 3 * 60 * 1000, env = {}, output = 'pipe' } = {}) {
		if (this.server) throw new Error('n8n is already running for this host');
		const { node, n8nBin } = await ensureN8n(this.version);
		const listenPort = port ?? (await freePort());
		const childEnv = await this.n8nEnv({ ...env, N8N_PORT: String(listenPort) });
		const started = Date.now();
		const child = spawn(node, [n8nBin, 'start'], {
			cwd: this.userFolder,
			env: childEnv,
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: process.platform !== 'win32', // our own group: stop() also ends n8n's task runner
		});
		this.server = child;
		liveChildren.add(child);
		this.serverOutput = '';
		const keep = (/** @type {string} */ chunk) => {
			this.serverOutput = (this.serverOutput + chunk).slice(-64 * 1024);
			if (output === 'inherit') process.stderr.write(chunk);
		};
		child.stdout?.setEncoding('utf8').on('data', keep);
		child.stderr?.setEncoding('utf8').on('data', keep);
		/** @type {string | undefined} */
		let exited;
		child.on('exit', (code, signal) => {
			exited = `exited with ${code ?? signal}`;
			liveChildren.delete(child);
			killTree(child, 'SIGKILL'); // whatever is left of its process group (its task runner)
			if (this.server === child) this.server = undefined;
		});
		child.on('error', (error) => (exited = `could not start: ${error.message}`));

		const url = `http://127.0.0.1:${listenPort}`;
		while (!exited && Date.now() - started < timeoutMs) {
			if (
				(await httpStatus(`${url}/healthz/readiness`)) === 200 &&
				(await httpStatus(`${url}/rest/settings`)) === 200
			) {
				this.port = listenPort;
				this.timings.push({
					command: 'n8n start (until ready)',
					ms: Date.now() - started,
					code: null,
				});
				return { url, port: listenPort };
			}
			await sleep(250);
		}
		const why =
			exited || `was not ready (${url}/healthz/readiness, /rest/settings) within ${timeoutMs} ms`;
		await this.stop();
		throw new Error(`n8n start ${why}\n${tail(this.serverOutput)}`);
	}

	/**
	 * Stops a server started with start(): SIGTERM (n8n shuts down gracefully), SIGKILL after `graceMs`.
	 * @param {{ graceMs?: number }} [options]
	 */
	async stop({ graceMs = 20000 } = {}) {
		const child = this.server;
		if (!child) return;
		const done = new Promise((resolve) => {
			if (child.exitCode !== null || child.signalCode !== null) resolve(undefined);
			else child.once('exit', resolve);
		});
		child.kill('SIGTERM');
		const timer = setTimeout(() => killTree(child, 'SIGKILL'), graceMs);
		await done;
		clearTimeout(timer);
		killTree(child, 'SIGKILL'); // what is left of its group (a task runner that did not stop in time)
		if (this.server === child) this.server = undefined;
		this.port = undefined;
	}

	/** Stops the server and removes the user folder if this host created it (kept with ARMOR_E2E_KEEP=1). */
	async dispose() {
		await this.stop();
		if (this.ownsUserFolder && !process.env.ARMOR_E2E_KEEP) {
			await fsp.rm(this.userFolder, { recursive: true, force: true });
		}
	}
}

module.exports = {
	REPO_ROOT,
	N8N_VERSIONS,
	ensureN8n,
	packPackage,
	N8nHost,
	nodeOutput,
	nodeError,
	parseExecuteOutput,
	run,
	freePort,
};
