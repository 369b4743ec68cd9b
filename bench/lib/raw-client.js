// @ts-check
'use strict';
/**
 * What a user's own code would do without the package: a plain, sequential axios loop against the same
 * sandbox. The benchmark runs this file as a child process on the same Node.js as n8n (24), so both sides
 * share a runtime; the sandbox stays in the benchmark process for both.
 *
 *   node raw-client.js '<json job>'   ->  prints one JSON line { ms, requests, items, pages, maxRssKb }
 *
 * Job: { kind: 'armorMe' | 'authArmorUser' | 'authArmorPages', n?, pageSize?, keepAlive, armorUrl,
 *        authArmorUrl, authArmorTokenUrl, username? }
 * The token is obtained once before the clock starts (the node runs with a warm credential), then reused.
 * `ms` is the loop only. Every answer must be a 200 with the expected shape, else the process exits 1.
 */
const http = require('node:http');
const axios = require('axios');

const job = JSON.parse(process.argv[2] || '{}');
const EMPTY_USER_ID = '00000000-0000-0000-0000-000000000000';

// keepAlive false is how n8n 2.41's request helper connects (every request arrives with `Connection: close`);
// true is Node's default agent (a user's axios script).
const agent = new http.Agent({ keepAlive: Boolean(job.keepAlive) });
const client = axios.create({ httpAgent: agent, timeout: 30_000, validateStatus: () => true });

/** @param {import('axios').AxiosResponse} response @param {string} what */
function expectOk(response, what) {
	if (response.status !== 200) {
		throw new Error(
			`${what}: HTTP ${response.status} ${JSON.stringify(response.data).slice(0, 300)}`,
		);
	}
	return response.data;
}

async function armorToken() {
	const headers = { Accept: 'application/json', 'Content-Type': 'application/json' };
	const authorize = expectOk(
		await client.post(
			`${job.armorUrl}/auth/authorize`,
			{ username: job.armorUsername, password: job.armorPassword },
			{ headers },
		),
		'authorize',
	);
	const token = expectOk(
		await client.post(
			`${job.armorUrl}/auth/token`,
			{ code: authorize.code, grant_type: 'authorization_code' },
			{ headers },
		),
		'token',
	);
	return String(token.access_token);
}

async function authArmorToken() {
	const form = new URLSearchParams({
		grant_type: 'client_credentials',
		client_id: job.clientId,
		client_secret: job.clientSecret,
	});
	const token = expectOk(
		await client.post(job.authArmorTokenUrl, form.toString(), {
			headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
		}),
		'connect/token',
	);
	return String(token.access_token);
}

async function main() {
	/** @type {{ ms: number, requests: number, items: number, pages?: number }} */
	let result;
	if (job.kind === 'armorMe') {
		const headers = { Accept: 'application/json', Authorization: `FH-AUTH ${await armorToken()}` };
		const started = process.hrtime.bigint();
		for (let i = 0; i < job.n; i++) {
			const me = expectOk(await client.get(`${job.armorUrl}/me`, { headers }), '/me');
			if (!me.user) throw new Error('/me: no user');
		}
		result = { ms: Number(process.hrtime.bigint() - started) / 1e6, requests: job.n, items: job.n };
	} else if (job.kind === 'authArmorUser') {
		const headers = {
			Accept: 'application/json',
			Authorization: `Bearer ${await authArmorToken()}`,
			'X-AuthArmor-UsernameValue': job.username,
		};
		const started = process.hrtime.bigint();
		for (let i = 0; i < job.n; i++) {
			const user = expectOk(
				await client.get(`${job.authArmorUrl}/v4/users/${EMPTY_USER_ID}`, { headers }),
				'user',
			);
			if (user.username !== job.username) throw new Error(`user: got ${user.username}`);
		}
		result = { ms: Number(process.hrtime.bigint() - started) / 1e6, requests: job.n, items: job.n };
	} else if (job.kind === 'authArmorPages') {
		const headers = {
			Accept: 'application/json',
			Authorization: `Bearer ${await authArmorToken()}`,
		};
		const started = process.hrtime.bigint();
		/** @type {unknown[]} */
		const users = [];
		let pages = 0;
		for (let pageNumber = 1; ; pageNumber++) {
			const page = expectOk(
				await client.get(`${job.authArmorUrl}/v4/users`, {
					headers,
					params: { page_number: pageNumber, page_size: job.pageSize },
				}),
				'users page',
			);
			pages += 1;
			const records = page.user_records ?? [];
			users.push(...records);
			if (records.length === 0 || pageNumber >= Number(page.page_info?.total_page_count ?? 0))
				break;
		}
		result = {
			ms: Number(process.hrtime.bigint() - started) / 1e6,
			requests: pages,
			items: users.length,
			pages,
		};
	} else {
		throw new Error(`unknown job kind ${job.kind}`);
	}
	agent.destroy();
	process.stdout.write(
		`${JSON.stringify({ ...result, node: process.version, maxRssKb: process.resourceUsage().maxRSS })}\n`,
	);
}

main().catch((error) => {
	process.stderr.write(`raw-client: ${error instanceof Error ? error.message : String(error)}\n`);
	process.exit(1);
});
