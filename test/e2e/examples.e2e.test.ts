/* eslint-disable @typescript-eslint/no-explicit-any, @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code: it runs in Node.js, outside n8n, with the sandbox’s fake secrets */
/**
 * Every example in examples/, the way a user gets it into n8n: imported with n8n's CLI (`n8n import:workflow`)
 * into a real n8n (2.41) with this package installed, then run against the sandbox. Each example is imported
 * twice in one command: as the file is (what a user downloads: its credentials say REPLACE_WITH_YOUR_CREDENTIAL)
 * and pointed at the sandbox (workflows.js `sandboxExample`, the same rewrite `npm start` uses: credentials,
 * vendor addresses, the chat webhook). The pointed copy runs with `n8n execute`, once per run.
 *
 * `CHECKS` maps each example file to what its run must produce. An example file without an entry fails, and
 * so does an entry without a file: a new example cannot go untested, a renamed one cannot be skipped.
 *
 * Two changes only this test makes, because `n8n execute` starts a workflow only at a Manual Trigger and a
 * test cannot wait five minutes: a Schedule Trigger becomes a Manual Trigger of the same name, and the alert
 * example (a polling trigger, which only polls in an active workflow) runs published under `n8n start`,
 * polling every minute.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { setTimeout as wait } from 'timers/promises';

import {
	startForeignListener,
	startSandbox,
	type ForeignListener,
	type RecordedRequest,
	type Sandbox,
} from '../sandbox/server';
import { ensureN8n, N8nHost, nodeOutput, type ExecuteResult } from './n8n-host';
import {
	armorApiKeyCredential,
	armorCredential,
	authArmorCredential,
	EXAMPLE_CREDENTIAL_PLACEHOLDER,
	exampleFiles,
	exampleUrlRewrites,
	exampleWorkflowId,
	readExample,
	sandboxExample,
} from './workflows';

jest.setTimeout(5 * 60 * 1000);

/** The sandbox credentials, one per credential type the examples use. */
const CREDENTIALS = {
	armorApi: { id: 'exampleArmor001', name: 'Armor (sandbox)' },
	armorApiKeyApi: { id: 'exampleArmorKey', name: 'Armor API key (sandbox)' },
	authArmorApi: { id: 'exampleAuthArmr', name: 'Auth Armor (sandbox)' },
};
const ARMOR_KEY_ID = '20a37099-4a0b-432f-bf46-5fa690a0405c';
const SECRETS = ['demo-password', 'test-secret', 'sandbox-secret'];
const ACCOUNTS: Record<number, string> = { 1001: 'Demo Main', 1002: 'Demo Child' };
const TICKETS_PER_ACCOUNT = 12;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let sandbox: Sandbox;
let chat: ForeignListener;
let host: N8nHost;
/** What `n8n import:workflow` printed. */
let importOutput = '';
const transcripts: string[] = [];
/** Per example file: why it could not be pointed at the sandbox (its test fails with this). */
const prepareErrors = new Map<string, Error>();

interface ExampleRun {
	file: string;
	/** The example as the file has it. */
	original: any;
	/** The id of its sandbox copy in n8n. */
	id: string;
	/** `n8n execute` of the sandbox copy. */
	execute(): Promise<ExecuteResult>;
}

interface ExampleCheck {
	/** What the run shows, for the test's name. */
	shows: string;
	run(example: ExampleRun): Promise<void>;
}

/** The changes only this test makes (see the header), applied after the shared sandbox rewrite. */
function runnableHere(workflow: any): any {
	return {
		...workflow,
		nodes: workflow.nodes.map((node: any) => {
			if (node.type === 'n8n-nodes-base.scheduleTrigger') {
				return { ...node, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} };
			}
			if (node.type === 'n8n-nodes-armor.armorTrigger') {
				return {
					...node,
					parameters: { ...node.parameters, pollTimes: { item: [{ mode: 'everyMinute' }] } },
				};
			}
			return node;
		}),
	};
}

async function execute(id: string): Promise<ExecuteResult> {
	const result = await host.execute(id);
	transcripts.push(result.stdout, result.stderr);
	return result;
}

/** The sandbox's requests to `path` (pathname). */
function requestsTo(path: string): RecordedRequest[] {
	return sandbox.requests.filter((request) => request.path === path);
}

/** The text of the file a node put out (binary property `data` of its first item), as the next node gets it. */
function outputFile(result: ExecuteResult, nodeName: string) {
	const runs = result.data?.data.resultData.runData[nodeName] ?? [];
	const item = runs.at(-1)?.data?.main?.[0]?.[0] as any;
	const binary = item?.binary?.data;
	if (!binary) throw new Error(`node "${nodeName}" put out no file (binary "data")`);
	const stored = /^filesystem-v2:(.+)$/.exec(String(binary.id ?? ''));
	const text = stored
		? readFileSync(join(host.userFolder, '.n8n', 'storage', stored[1]), 'utf8')
		: Buffer.from(String(binary.data), 'base64').toString('utf8');
	return { text, fileName: String(binary.fileName), mimeType: String(binary.mimeType) };
}

/** RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF) as rows of fields. */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') {
			row.push(field);
			field = '';
		} else if (c === '\n' || c === '\r') {
			if (c === '\r' && text[i + 1] === '\n') i++;
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
		} else field += c;
	}
	if (field !== '' || row.length) rows.push([...row, field]);
	return rows;
}

const CHECKS: Record<string, ExampleCheck> = {
	'approval-before-a-risky-step.json': {
		shows: 'approved runs the risky step; declined stops',
		async run({ execute }) {
			sandbox.configure({ authArmorApprover: { action: 'approve', afterMs: 0 } });
			sandbox.clearRequests();
			const approved = await execute();
			expect(approved.error).toBeUndefined();
			expect(nodeOutput(approved, 'Ask for approval', 0)).toEqual([
				expect.objectContaining({ approved: true, result: 'approved', validated: true }),
			]);
			expect(nodeOutput(approved, 'Approved: do the risky step here')).toHaveLength(1);
			expect(() => nodeOutput(approved, 'Not approved: stop here')).toThrow(/did not run/);
			// the person was asked about what the example says
			const [start] = requestsTo('/v4/auth/authenticator/start');
			expect(JSON.parse(start.body)).toMatchObject({
				username: 'user3@autharmor.example',
				action_name: 'Delete stale accounts',
			});

			sandbox.configure({ authArmorApprover: { action: 'decline', afterMs: 0 } });
			try {
				const declined = await execute();
				expect(declined.error).toBeUndefined();
				expect(nodeOutput(declined, 'Ask for approval', 1)).toEqual([
					expect.objectContaining({ approved: false, result: 'declined' }),
				]);
				expect(nodeOutput(declined, 'Not approved: stop here')).toHaveLength(1);
				expect(() => nodeOutput(declined, 'Approved: do the risky step here')).toThrow(
					/did not run/,
				);
			} finally {
				sandbox.configure({ authArmorApprover: { action: 'approve', afterMs: 0 } });
			}
		},
	},

	'http-request-with-armor-credentials.json': {
		shows: "n8n's HTTP Request node signs with the Armor API key and sends the Auth Armor token",
		async run({ execute }) {
			sandbox.clearRequests();
			const result = await execute();
			expect(result.error).toBeUndefined();

			const [tickets] = nodeOutput(result, 'Armor: latest tickets');
			expect(tickets.total).toBe(TICKETS_PER_ACCOUNT);
			expect(tickets.items.map((ticket: { key: string }) => ticket.key)).toEqual(
				Array.from({ length: 10 }, (_, i) => `ARM-1001-${String(12 - i).padStart(3, '0')}`),
			);
			const [list] = requestsTo('/tickets/list');
			expect(list.query).toEqual({ maxResults: '10', orderByDirection: 'desc' });
			expect(list.authScheme).toBe('ARMOR-PSK');
			expect(String(list.headers.authorization)).toMatch(new RegExp(`^ARMOR-PSK ${ARMOR_KEY_ID}:`));

			const [users] = nodeOutput(result, 'Auth Armor: newest users');
			expect(users.user_records.map((user: { username: string }) => user.username)).toEqual(
				Array.from({ length: 10 }, (_, i) => `user${25 - i}@autharmor.example`),
			);
			const [lookup] = requestsTo('/v4/users');
			expect(lookup.status).toBe(200);
			expect(String(lookup.headers.authorization)).toMatch(/^Bearer eyJ/);
			// a token the credential got (now, or kept from an earlier run): never a second one per run
			expect(requestsTo('/connect/token').length).toBeLessThanOrEqual(1);
		},
	},

	'nightly-ticket-pull-for-every-account.json': {
		shows: "every account's tickets, one flat row each, in one CSV file",
		async run({ original, execute }) {
			// the schedule as the user gets it (this test starts it by hand, see the header)
			const [schedule] = original.nodes.filter(
				(node: any) => node.type === 'n8n-nodes-base.scheduleTrigger',
			);
			expect(schedule.parameters.rule.interval).toEqual([
				{ field: 'days', daysInterval: 1, triggerAtHour: 2, triggerAtMinute: 0 },
			]);

			sandbox.clearRequests();
			const result = await execute();
			expect(result.error).toBeUndefined();

			const columns = [
				'accountId',
				'accountName',
				'ticketKey',
				'summary',
				'status',
				'priority',
				'requestType',
				'created',
				'updated',
			];
			const rows = nodeOutput(result, 'One row per ticket');
			expect(rows).toHaveLength(2 * TICKETS_PER_ACCOUNT);
			for (const row of rows) {
				expect(Object.keys(row)).toEqual(columns);
				for (const value of Object.values(row)) expect(typeof value).not.toBe('object');
			}

			const file = outputFile(result, 'Tickets as CSV');
			expect(file.mimeType).toBe('text/csv');
			expect(file.fileName).toMatch(/^armor-tickets-\d{4}-\d{2}-\d{2}\.csv$/);
			const [header, ...records] = parseCsv(file.text.trim());
			expect(header).toEqual(columns);
			expect(records).toHaveLength(2 * TICKETS_PER_ACCOUNT);
			const csv = records.map((record) => Object.fromEntries(header.map((c, i) => [c, record[i]])));
			for (const [id, name] of Object.entries(ACCOUNTS)) {
				const ofAccount = csv.filter((record) => record.accountId === id);
				expect(ofAccount.map((record) => record.accountName)).toEqual(
					Array(TICKETS_PER_ACCOUNT).fill(name),
				);
				// newest update first (the node's Order By), every ticket of the account once
				expect(ofAccount.map((record) => record.ticketKey)).toEqual(
					Array.from(
						{ length: TICKETS_PER_ACCOUNT },
						(_, i) => `ARM-${id}-${String(TICKETS_PER_ACCOUNT - i).padStart(3, '0')}`,
					),
				);
				for (const record of ofAccount) {
					const n = Number(record.ticketKey.slice(-3));
					expect(record.summary).toBe(`Sandbox ticket ${n} of account ${id}`);
					expect(record.status).toMatch(/^(Open|In Progress|Waiting on Customer|Resolved|Closed)$/);
					expect(record.updated).toMatch(/^\d{4}-\d{2}-\d{2}T/);
				}
			}

			// one signed list per account: For Each Account, with the API key
			const lists = requestsTo('/tickets/list-all');
			expect(lists.map((request) => request.headers['x-account-context']).sort()).toEqual([
				'1001',
				'1002',
			]);
			for (const request of sandbox.requests) expect(request.authScheme).toBe('ARMOR-PSK');
		},
	},

	'alert-on-new-mdr-incidents.json': {
		shows:
			'published: the first poll alerts nothing; a new MDR incident is posted to the chat once',
		async run({ id }) {
			const polls = () => requestsTo('/mdr/incidents').filter((request) => request.status);
			await host.n8n(['publish:workflow', `--id=${id}`]);
			sandbox.clearRequests();
			chat.clear();
			await host.start();
			try {
				// n8n polls once when it activates the workflow: that poll notes what exists and posts nothing
				const deadline = Date.now() + 30_000;
				while (polls().length === 0) {
					if (Date.now() > deadline) throw new Error('the trigger did not poll on activation');
					await wait(200);
				}
				await wait(3_000);
				expect(chat.requests).toEqual([]);

				const [incident] = sandbox.addMdrIncidents(1001, 1, {
					fields: { summary: 'Beaconing to a known C2 domain', priority: 'Critical' },
				});
				const alertBy = Date.now() + 90_000; // the next poll is at the next minute boundary
				while (chat.requests.length === 0) {
					if (Date.now() > alertBy) throw new Error('no alert within 90 s of the new incident');
					await wait(500);
				}
				await wait(3_000); // anything else the same execution would post
				expect(chat.requests).toHaveLength(1);
				const [alert] = chat.requests;
				expect(alert.method).toBe('POST');
				expect(alert.path).toBe('/chat');
				expect(String(alert.headers['content-type'])).toMatch(/^application\/json/);
				expect(JSON.parse(alert.body)).toEqual({
					text: `New Armor MDR incident ${incident.id} (Critical priority, Open): Beaconing to a known C2 domain`,
				});
				expect(polls().length).toBeGreaterThanOrEqual(2);
				for (const poll of polls()) expect(poll.authScheme).toBe('ARMOR-PSK');
			} finally {
				transcripts.push(host.serverOutput);
				await host.stop();
			}
		},
	},
};

const FILES = exampleFiles();

beforeAll(
	async () => {
		await ensureN8n();
		sandbox = await startSandbox();
		chat = await startForeignListener();
		host = new N8nHost();
		await host.packAndInstall();
		await host.importCredentials([
			armorCredential(sandbox, CREDENTIALS.armorApi),
			armorApiKeyCredential(sandbox, CREDENTIALS.armorApiKeyApi),
			authArmorCredential(sandbox, CREDENTIALS.authArmorApi),
		]);

		const rewrites = exampleUrlRewrites(sandbox, { chatWebhook: `${chat.url}/chat` });
		const folder = mkdtempSync(join(tmpdir(), 'armor-examples-'));
		try {
			let count = 0;
			for (const file of FILES) {
				const original = readExample(file);
				writeFileSync(join(folder, `as-downloaded-${file}`), JSON.stringify(original));
				count++;
				try {
					const pointed = sandboxExample(original, {
						id: exampleWorkflowId(file),
						credentials: CREDENTIALS,
						rewrites,
					});
					writeFileSync(join(folder, `sandbox-${file}`), JSON.stringify(runnableHere(pointed)));
					count++;
				} catch (error) {
					prepareErrors.set(file, error as Error);
				}
			}
			// as a user imports them: every file of a folder in one command
			const imported = await host.n8n(['import:workflow', '--separate', `--input=${folder}`], {
				env: { N8N_LOG_LEVEL: 'info' },
			});
			importOutput = `${imported.stdout}\n${imported.stderr}`;
			expect(importOutput).toContain(`Successfully imported ${count} workflows.`);
		} finally {
			rmSync(folder, { recursive: true, force: true });
		}
	},
	10 * 60 * 1000,
);

afterAll(async () => {
	await host?.dispose();
	await chat?.close();
	await sandbox?.close();
});

test('every example file has checks, and every check has its example file', () => {
	expect(FILES.length).toBeGreaterThan(0);
	expect(FILES.filter((file) => !(file in CHECKS))).toEqual([]);
	expect(Object.keys(CHECKS).filter((file) => !FILES.includes(file))).toEqual([]);
});

test('n8n imported every example as it is and pointed at the sandbox, skipping none', () => {
	expect(importOutput).not.toMatch(/Skipped workflow/);
	expect([...prepareErrors].map(([file, error]) => `${file}: ${error.message}`)).toEqual([]);
});

describe.each([...new Set([...FILES, ...Object.keys(CHECKS)])].sort())('examples/%s', (file) => {
	test('is ready for a user to import: no id, v1 order, UUID node ids, placeholder credentials, no local address', () => {
		expect(FILES).toContain(file);
		const text = readFileSync(join(__dirname, '..', '..', 'examples', file), 'utf8');
		const workflow = JSON.parse(text);
		// an id would replace the user's workflow of that id on import
		expect(workflow.id).toBeUndefined();
		expect(workflow.name).toEqual(expect.any(String));
		expect(workflow.settings).toEqual(expect.objectContaining({ executionOrder: 'v1' }));
		const names = workflow.nodes.map((node: any) => node.name);
		expect(new Set(names).size).toBe(names.length);
		const ids = workflow.nodes.map((node: any) => node.id);
		for (const id of ids) expect(id).toMatch(UUID);
		expect(new Set(ids).size).toBe(ids.length);
		for (const [from, outputs] of Object.entries(workflow.connections) as [string, any][]) {
			expect(names).toContain(from);
			for (const output of outputs.main) {
				for (const target of output) expect(names).toContain(target.node);
			}
		}
		for (const node of workflow.nodes) {
			for (const reference of Object.values(node.credentials ?? {}) as any[]) {
				expect(reference).toEqual({ id: EXAMPLE_CREDENTIAL_PLACEHOLDER, name: expect.any(String) });
			}
		}
		expect(text).not.toMatch(/127\.0\.0\.1|localhost|sandbox/i);
	});

	test(`runs against the sandbox: ${CHECKS[file]?.shows ?? '(no checks)'}`, async () => {
		const check = CHECKS[file];
		if (!check) {
			throw new Error(
				`examples/${file} has no entry in CHECKS (test/e2e/examples.e2e.test.ts): add what its run must show`,
			);
		}
		if (!FILES.includes(file)) {
			throw new Error(`CHECKS has an entry for examples/${file}, but there is no such file`);
		}
		const prepareError = prepareErrors.get(file);
		if (prepareError) throw prepareError;
		const id = exampleWorkflowId(file);
		await check.run({ file, original: readExample(file), id, execute: () => execute(id) });
	});
});

test("no secret reached n8n's output or logs", () => {
	const everything = transcripts.join('\n');
	expect(everything.length).toBeGreaterThan(0);
	for (const secret of SECRETS) expect(everything).not.toContain(secret);
});
