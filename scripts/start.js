#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * `npm start`: a local n8n with this package, the way a user has it, wired to the sandbox.
 *
 *  1. the sandbox (stand-in for the Armor and Auth Armor APIs) on fixed ports, so the stored demo
 *     credentials keep working across restarts (default 5680 and 5681);
 *  2. a real n8n 2.41 (installed once into ~/.cache/n8n-nodes-armor by scripts/ensure-n8n.sh);
 *  3. a fresh build of this package, packed and installed into the demo n8n's user folder like the
 *     community-nodes screen does (every start; the folder persists, so do your workflows and owner account);
 *  4. the demo credentials "Armor (sandbox)", "Armor API key (sandbox)" and "Auth Armor (sandbox)", the
 *     workflow "Armor demo", and every example of examples/ pointed at the sandbox (its credentials, and a
 *     local chat webhook that prints what it receives here);
 *  5. `n8n start` with the editor on http://localhost:5678. Ctrl-C stops n8n and the sandbox.
 *
 * `npm run dev` (`--dev`): the same, but this repository is linked into n8n instead of a packed copy, in its
 * own user folder (dev-user-folder); `tsc --watch` rebuilds dist/ on every save and n8n (N8N_DEV_RELOAD)
 * reloads the nodes: refresh the editor to see a change. Icons and codex files are copied at start only.
 *
 * Options (also `npm start -- --help`):
 *   --port N             editor port (default: $N8N_PORT or 5678)
 *   --armor-port N       sandbox Armor API port (default 5680)
 *   --autharmor-port N   sandbox Auth Armor API port (default 5681)
 *   --sandbox-only       run only the sandbox
 *   --no-demo            do not (re)import the demo credentials, workflow and examples (also ARMOR_NO_DEMO=1)
 *   --no-build           pack the existing dist/ instead of running `npm run build`
 *   --chat-port N        port of the local chat webhook the alert example posts to (default 5682)
 *   --dev                link the repository, rebuild on save, reload the nodes (`npm run dev`)
 *   --user-folder DIR    n8n user folder (default: $ARMOR_N8N_CACHE/demo-user-folder, or dev-user-folder,
 *                        ARMOR_N8N_CACHE defaulting to ~/.cache/n8n-nodes-armor)
 * Other N8N_* variables in the environment are passed to n8n (e.g. N8N_LOG_LEVEL=info).
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const { ensureN8n, N8nHost, REPO_ROOT, run } = require('../test/e2e/n8n-host');

const DEMO_WORKFLOW_ID = 'armorDemoWorkflow';
const ARMOR_CREDENTIAL = { id: 'armorSandboxCred', name: 'Armor (sandbox)' };
const ARMOR_API_KEY_CREDENTIAL = {
	id: 'armorKeySandboxCred',
	name: 'Armor API key (sandbox)',
	type: 'armorApiKeyApi',
};
const AUTH_ARMOR_CREDENTIAL = { id: 'authArmorSandboxCred', name: 'Auth Armor (sandbox)' };
/** Set by n8n-host itself or tied to the demo folder; never taken from the caller's environment. */
const HOST_OWNED_ENV = new Set([
	'N8N_USER_FOLDER',
	'N8N_ENCRYPTION_KEY',
	'N8N_PORT',
	'N8N_RUNNERS_BROKER_PORT',
]);

const log = (/** @type {string} */ message) => console.log(`[start] ${message}`);

function usage() {
	const text = fs.readFileSync(__filename, 'utf8');
	const block = text.slice(text.indexOf('/**'), text.indexOf('*/'));
	return block
		.replace(/^\/\*\*\n?/, '')
		.replace(/^ \* ?/gm, '')
		.trimEnd();
}

/** @param {string[]} argv */
function parseArgs(argv) {
	const cache = process.env.ARMOR_N8N_CACHE || path.join(os.homedir(), '.cache', 'n8n-nodes-armor');
	const options = {
		port: Number(process.env.N8N_PORT || 5678),
		armorPort: 5680,
		authArmorPort: 5681,
		sandboxOnly: false,
		demo: !['1', 'true'].includes(String(process.env.ARMOR_NO_DEMO || '').toLowerCase()),
		build: true,
		chatPort: 5682,
		dev: false,
		/** @type {string | undefined} */
		userFolder: undefined,
	};
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split(/=(.*)/s, 2);
		const value = () => {
			const raw = inline ?? argv[++i];
			if (raw === undefined) throw new Error(`${flag} needs a value`);
			return raw;
		};
		const port = () => {
			const n = Number(value());
			if (!Number.isInteger(n) || n < 1 || n > 65535)
				throw new Error(`${flag} needs a port number`);
			return n;
		};
		switch (flag) {
			case '--port':
				options.port = port();
				break;
			case '--armor-port':
				options.armorPort = port();
				break;
			case '--autharmor-port':
			case '--auth-armor-port':
				options.authArmorPort = port();
				break;
			case '--sandbox-only':
				options.sandboxOnly = true;
				break;
			case '--no-demo':
				options.demo = false;
				break;
			case '--no-build':
				options.build = false;
				break;
			case '--chat-port':
				options.chatPort = port();
				break;
			case '--dev':
				options.dev = true;
				break;
			case '--user-folder':
				options.userFolder = path.resolve(value());
				break;
			case '-h':
			case '--help':
				console.log(usage());
				process.exit(0);
				break;
			default:
				throw new Error(`unknown option ${argv[i]} (see --help)`);
		}
	}
	options.userFolder ??= path.join(cache, options.dev ? 'dev-user-folder' : 'demo-user-folder');
	return options;
}

/**
 * Fails early, with a hint, when a fixed port is taken (another `npm start`, or a real n8n).
 * @param {number} port
 * @param {string} what
 * @param {string} flag
 */
function assertPortFree(port, what, flag) {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', (/** @type {NodeJS.ErrnoException} */ error) =>
			reject(
				new Error(
					error.code === 'EADDRINUSE'
						? `port ${port} (${what}) is in use: is another \`npm start\` or n8n running? Choose another with ${flag} N.`
						: `cannot listen on port ${port} (${what}): ${error.message}`,
				),
			),
		);
		server.listen(port, '127.0.0.1', () => server.close(resolve));
	});
}

/**
 * A stand-in for the chat webhook the alert example posts to: prints each message's `text` and answers 200.
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
/** @param {number} port */
function startChatWebhook(port) {
	const server = http.createServer((request, response) => {
		let body = '';
		request.setEncoding('utf8');
		request.on('data', (chunk) => (body += chunk));
		request.on('end', () => {
			let text = body;
			try {
				text = JSON.parse(body).text ?? body;
			} catch {
				/* not JSON: print it as it came */
			}
			log(`chat webhook received: ${text}`);
			response.writeHead(200, { 'content-type': 'application/json' });
			response.end('{"ok":true}');
		});
	});
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => {
			const address = /** @type {import('node:net').AddressInfo} */ (server.address());
			resolve({
				url: `http://127.0.0.1:${address.port}/chat`,
				close: () =>
					new Promise((done) => {
						server.closeAllConnections();
						server.close(() => done(undefined));
					}),
			});
		});
	});
}

/**
 * Imports every example of examples/ pointed at the sandbox (the rewrite the e2e tests use), in one
 * `n8n import:workflow`; each keeps its id, so a restart replaces it. Returns the names imported.
 * @param {N8nHost} host
 * @param {import('../test/sandbox/server').Sandbox} sandbox
 * @param {string} chatWebhook
 * @returns {Promise<string[]>}
 */
async function importExamples(host, sandbox, chatWebhook) {
	const {
		exampleFiles,
		exampleUrlRewrites,
		exampleWorkflowId,
		readExample,
		sandboxExample,
	} = require('../test/e2e/workflows');
	const rewrites = exampleUrlRewrites(sandbox, { chatWebhook });
	const credentials = {
		armorApi: ARMOR_CREDENTIAL,
		armorApiKeyApi: ARMOR_API_KEY_CREDENTIAL,
		authArmorApi: AUTH_ARMOR_CREDENTIAL,
	};
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'armor-examples-'));
	/** @type {string[]} */
	const names = [];
	try {
		for (const file of exampleFiles()) {
			try {
				const workflow = sandboxExample(readExample(file), {
					id: exampleWorkflowId(file),
					credentials,
					rewrites,
				});
				fs.writeFileSync(path.join(folder, file), JSON.stringify(workflow));
				names.push(workflow.name);
			} catch (error) {
				console.error(
					`[start] examples/${file} skipped: ${error instanceof Error ? error.message : error}`,
				);
			}
		}
		if (names.length) {
			await host.n8n(['import:workflow', '--separate', `--input=${folder}`], {
				label: `n8n import:workflow (${names.length} examples)`,
			});
		}
	} finally {
		fs.rmSync(folder, { recursive: true, force: true });
	}
	return names;
}

/**
 * `tsc --watch` over the package: every save rebuilds dist/, which n8n's dev reload picks up. Its
 * messages (compile errors included) show on our console.
 */
function watchBuild() {
	const tsc = path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
	const child = spawn(
		process.execPath,
		[tsc, '-p', 'tsconfig.json', '--watch', '--preserveWatchOutput'],
		{ cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit'] },
	);
	child.on('error', (error) => console.error(`[start] tsc --watch: ${error.message}`));
	return child;
}

/** N8N_* settings from the caller's environment that n8n should see (n8n-host sets its own defaults otherwise). */
function passThroughEnv() {
	/** @type {NodeJS.ProcessEnv} */
	const env = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (key.startsWith('N8N_') && !HOST_OWNED_ENV.has(key)) env[key] = value;
	}
	return env;
}

async function main() {
	/** @type {ReturnType<typeof parseArgs>} */
	let options;
	try {
		options = parseArgs(process.argv.slice(2));
	} catch (error) {
		console.error(`[start] ${error instanceof Error ? error.message : error}`);
		process.exit(2);
	}
	const started = Date.now();
	const since = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;

	/** @type {import('../test/sandbox/server').Sandbox | undefined} */
	let sandbox;
	/** @type {N8nHost | undefined} */
	let host;
	/** @type {{ url: string, close: () => Promise<void> } | undefined} */
	let chatWebhook;
	/** @type {import('node:child_process').ChildProcess | undefined} */
	let watcher;
	/** @type {string[]} */
	let examples = [];
	let stopping = false;
	/** @param {number} code */
	const shutdown = async (code) => {
		if (stopping) return;
		stopping = true;
		if (host?.server) log('stopping n8n...');
		await host?.stop().catch((error) => console.error(`[start] stopping n8n: ${error.message}`));
		watcher?.kill();
		await chatWebhook?.close();
		await sandbox
			?.close()
			.catch((error) => console.error(`[start] stopping the sandbox: ${error.message}`));
		log('stopped');
		process.exit(code);
	};
	let interrupts = 0;
	for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
		process.on(signal, () => {
			interrupts += 1;
			if (interrupts > 1) {
				console.error('[start] forced exit');
				process.exit(130); // n8n-host's exit hook kills n8n's process group
			}
			void shutdown(0);
		});
	}

	try {
		await assertPortFree(options.armorPort, 'sandbox Armor API', '--armor-port');
		await assertPortFree(options.authArmorPort, 'sandbox Auth Armor API', '--autharmor-port');
		await assertPortFree(options.chatPort, 'chat webhook', '--chat-port');
		const { startSandbox } = require('../test/sandbox/server');
		sandbox = await startSandbox({
			host: '127.0.0.1',
			armorPort: options.armorPort,
			authArmorPort: options.authArmorPort,
		});
		log(
			`sandbox: Armor API ${sandbox.armorUrl} (v2 services ${sandbox.servicesUrl}), Auth Armor API ${sandbox.authArmorUrl}`,
		);

		if (options.sandboxOnly) {
			log('sandbox only; Ctrl-C stops it');
			return;
		}
		await assertPortFree(options.port, 'n8n editor', '--port');

		log('n8n 2.41: checking the install (the first time this takes several minutes)');
		await ensureN8n();

		host = new N8nHost({ userFolder: options.userFolder, env: passThroughEnv() });
		if (options.dev) {
			log(`building n8n-nodes-armor and linking it into ${host.nodesFolder} (${since()})`);
			await run('npm', ['run', 'build'], { cwd: REPO_ROOT, timings: host.timings });
			await host.linkPackage(REPO_ROOT);
			watcher = watchBuild();
		} else {
			log(
				`${options.build ? 'building, packing' : 'packing'} and installing n8n-nodes-armor into ${host.nodesFolder} (${since()})`,
			);
			await host.packAndInstall({ build: options.build });
		}
		// Always on (also with --no-demo): the stored alert example posts here.
		chatWebhook = await startChatWebhook(options.chatPort);

		if (options.demo) {
			const {
				armorApiKeyCredential,
				armorCredential,
				authArmorCredential,
				manualWorkflow,
				packageNode,
			} = require('../test/e2e/workflows');
			log(`importing the demo credentials and the "Armor demo" workflow (${since()})`);
			await host.importCredentials([
				armorCredential(sandbox, ARMOR_CREDENTIAL),
				armorApiKeyCredential(sandbox, ARMOR_API_KEY_CREDENTIAL),
				authArmorCredential(sandbox, AUTH_ARMOR_CREDENTIAL),
			]);
			await host.importWorkflow(
				manualWorkflow(DEMO_WORKFLOW_ID, 'Armor demo', [
					packageNode(
						'armor',
						'Armor: Get Me',
						{ resource: 'identity', operation: 'getMe' },
						ARMOR_CREDENTIAL,
					),
					packageNode(
						'armor',
						'Armor: Tickets of Every Account',
						{
							resource: 'ticket',
							operation: 'getMany',
							returnAll: true,
							options: { forEachAccount: true, orderBy: 'updated' },
						},
						ARMOR_API_KEY_CREDENTIAL,
					),
					packageNode(
						'armor',
						'Armor: MDR Incidents',
						{
							resource: 'mdrIncident',
							operation: 'getMany',
							returnAll: false,
							limit: 50,
							options: { status: 'Open, In Progress' },
						},
						ARMOR_API_KEY_CREDENTIAL,
					),
					packageNode(
						'authArmor',
						'Auth Armor: Get User',
						{
							resource: 'user',
							operation: 'get',
							user: { __rl: true, mode: 'username', value: 'user1@autharmor.example' },
						},
						AUTH_ARMOR_CREDENTIAL,
					),
				]),
			);
			log(`importing the examples (${since()}); their chat webhook: ${chatWebhook.url}`);
			examples = await importExamples(host, sandbox, chatWebhook.url);
		}

		log(`starting n8n (${since()})`);
		const { port } = await host.start({
			port: options.port,
			output: 'inherit',
			env: options.dev ? { N8N_DEV_RELOAD: 'true' } : {},
		});
		host.server?.once('exit', (code, signal) => {
			if (stopping) return;
			console.error(`[start] n8n exited unexpectedly (${code ?? signal})`);
			void shutdown(1);
		});
		console.log(
			[
				'',
				`  n8n is ready after ${since()}: http://localhost:${port}`,
				'  First visit: create the owner account (it stays in this local n8n); later: sign in with it.',
				options.demo
					? '  Open the workflow "Armor demo" and click "Execute workflow"; its credentials point at the sandbox.'
					: '  (demo import skipped)',
				...(examples.length
					? [
							`  The examples are ready to run too: ${examples.map((name) => `"${name}"`).join(', ')}.`,
						]
					: []),
				...(options.dev
					? [
							'  Dev mode: saving a .ts file rebuilds dist/ and n8n reloads the nodes; refresh the editor to see it.',
						]
					: []),
				`  n8n data: ${host.userFolder}`,
				'  Ctrl-C stops n8n and the sandbox.',
				'',
			].join('\n'),
		);
	} catch (error) {
		console.error(`[start] ${error instanceof Error ? error.message : error}`);
		await shutdown(1);
	}
}

void main();
