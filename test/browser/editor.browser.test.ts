/* eslint-disable @typescript-eslint/no-explicit-any, @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error -- test code: it runs in Node.js, outside n8n, with the sandbox’s fake secrets */
/**
 * A person's path through n8n's editor, in a real browser (Debian's Chromium driven by playwright-core):
 * the same n8n 2.41 that `npm start` brings up, with this package installed the way the community-nodes
 * screen installs it and the sandbox standing in for both APIs. Every assertion is about what the page
 * shows (text, roles, test ids, which icon file an <img> loaded), never about pixels.
 *
 *   1. first visit: the owner account is set up through the form;
 *   2. Credentials -> Create -> "Armor": both credential types are offered; the Armor API credential
 *      connects to the sandbox, then a wrong password fails in plain words with no secret on the page;
 *   3. the same for the Auth Armor API credential (a wrong client secret);
 *   4. a new workflow: both nodes in the node panel with their icons and their operations as actions;
 *      Armor -> Get Me shows the user's accounts; Auth Armor -> User -> Get by username runs and the
 *      sandbox saw the username only in a header;
 *   5. n8n's light and dark theme each load their own icon variant;
 *   6. an example of examples/ imported through the workflow menu's Import -> From file, its node given the
 *      Auth Armor credential, run: the sandbox's person approves and the "Approved" branch runs.
 *
 * A screenshot per step goes to test-artifacts/browser/ (printed at the end). Run with
 * `npm run test:browser` (scripts/test-browser.js installs Chromium and n8n first).
 */
import fs from 'fs';
import os from 'os';
import path from 'path';

import { chromium, selectors, type BrowserContext, type Locator, type Page } from 'playwright-core';

import { armorResources } from '../../nodes/Armor/actions';
import { authArmorResources } from '../../nodes/AuthArmor/actions';
import { N8nHost, REPO_ROOT } from '../e2e/n8n-host';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { CHROMIUM_ARGS, ensureChromium } from './chromium';

jest.setTimeout(2 * 60 * 1000);

const SHOTS = path.join(REPO_ROOT, 'test-artifacts', 'browser');
const OWNER = {
	email: 'owner@armor-browser.test',
	firstName: 'Olive',
	lastName: 'Owner',
	password: 'Browser-Walk-2041',
};
const ARMOR = {
	username: 'demo@armor.example',
	password: 'demo-password',
	wrongPassword: 'not-the-Pa55word-1',
};
const AUTH_ARMOR = {
	clientId: 'sandbox-client',
	clientSecret: 'sandbox-secret',
	wrongSecret: 'not-the-client-Secret-2',
};
const AUTH_ARMOR_USER = 'user1@autharmor.example';
/** The example step 6 imports, and what is in it. */
const EXAMPLE = {
	file: path.join(REPO_ROOT, 'examples', 'approval-before-a-risky-step.json'),
	name: 'Ask a person before a risky step (Auth Armor)',
	approval: 'Ask for approval',
	approved: 'Approved: do the risky step here',
	notApproved: 'Not approved: stop here',
	username: 'user3@autharmor.example',
	actionName: 'Delete stale accounts',
};
const EMPTY_GUID = '00000000-0000-0000-0000-000000000000';
/** Which <img> files are this package's icons, per theme. */
const ICONS = {
	light: { armor: 'Armor/armor.svg', authArmor: 'AuthArmor/autharmor.svg' },
	dark: { armor: 'Armor/armor.dark.svg', authArmor: 'AuthArmor/autharmor.dark.svg' },
} as const;
/** n8n's own words on a failed credential test; the credential's message is behind "More details". */
const TEST_FAILED = 'Couldn’t connect with these settings';
const UI_TIMEOUT = 20_000;

let sandbox: Sandbox;
let host: N8nHost;
let editorUrl: string;
let context: BrowserContext;
let page: Page;
let profileDir: string;
let workflowUrl: string | undefined;

/** How many actions n8n's node panel lists for a node: one per operation. */
function actionCount(resources: Array<{ operations: object }>): number {
	return resources.reduce((count, resource) => count + Object.keys(resource.operations).length, 0);
}
const shots: string[] = [];

/** Saves a full-page screenshot as test-artifacts/browser/<name>.png. */
async function shot(name: string): Promise<void> {
	const file = path.join(SHOTS, `${name}.png`);
	await page.screenshot({ path: file, fullPage: true });
	shots.push(file);
}

/**
 * One step of the walk: runs it, saves its screenshot, and on failure saves `<name>-FAILED.png` (what the
 * page showed when it broke) before the test fails.
 */
async function step(name: string, walk: () => Promise<void>): Promise<void> {
	try {
		await walk();
	} catch (error) {
		await shot(`${name}-FAILED`).catch(() => undefined);
		throw error;
	}
}

/**
 * Values a person must never see: the passwords and client secrets typed in, and every token or code the
 * sandbox saw (kept across steps: the request log only grows, but this also survives a cleared log).
 */
const knownSecrets = new Set<string>([
	OWNER.password,
	ARMOR.password,
	ARMOR.wrongPassword,
	AUTH_ARMOR.clientSecret,
	AUTH_ARMOR.wrongSecret,
]);
function secrets(): string[] {
	for (const request of sandbox.requests) {
		const authorization = request.headers.authorization;
		for (const value of Array.isArray(authorization) ? authorization : [authorization ?? '']) {
			const credential = value.replace(/^\S+\s+/, '').trim(); // FH-AUTH <token>, Bearer <jwt>, Basic <...>
			if (credential.length >= 8) knownSecrets.add(credential);
		}
		if (request.body.startsWith('{')) {
			try {
				const body = JSON.parse(request.body) as Record<string, unknown>;
				for (const key of ['code', 'token'])
					if (typeof body[key] === 'string') knownSecrets.add(body[key] as string);
			} catch {
				/* not JSON */
			}
		}
	}
	return [...knownSecrets].filter((value) => value.length >= 8);
}

/**
 * Everything the page shows as text: the rendered text of the whole document plus what visible fields
 * hold (a password field shows dots, so its value is not shown; it must be a password field).
 */
async function shownText(): Promise<string> {
	// runs in the page; typed loosely because the tests compile without the DOM library
	return await page.evaluate(() => {
		const document = (globalThis as any).document;
		const fields: Array<{ type?: string; value: string }> = Array.from(
			document.querySelectorAll('input, textarea'),
		);
		const values = fields.filter((field) => field.type !== 'password').map((field) => field.value);
		return [document.body.innerText as string, ...values].join('\n');
	});
}

async function expectNoSecretsShown(): Promise<void> {
	const text = await shownText();
	const shown = secrets().filter((secret) => text.includes(secret));
	expect(shown).toEqual([]);
}

/**
 * Waits until `scope` holds a loaded (naturalWidth > 0) <img> whose src ends with each of `files`, and
 * returns the package icons it shows (paths under dist/nodes/).
 */
async function expectIcons(
	scope: Locator,
	files: readonly string[],
	timeoutMs = UI_TIMEOUT,
): Promise<string[]> {
	const deadline = Date.now() + timeoutMs;
	let icons: Array<{ src: string; loaded: boolean }> = [];
	for (;;) {
		icons = await scope.locator('img').evaluateAll((images) =>
			images.map((image: any) => ({
				src: String(image.getAttribute('src') ?? ''),
				loaded: Boolean(image.complete && image.naturalWidth > 0),
			})),
		);
		const loaded = icons.filter((icon) => icon.loaded).map((icon) => icon.src);
		if (files.every((file) => loaded.some((src) => src.endsWith(`/${file}`)))) break;
		if (Date.now() > deadline) {
			throw new Error(
				`expected loaded icons ${JSON.stringify(files)}, the page shows ${JSON.stringify(icons)}`,
			);
		}
		await page.waitForTimeout(200);
	}
	return [
		...new Set(
			icons
				.map((icon) => icon.src.match(/\/n8n-nodes-armor\/dist\/nodes\/(.+)$/)?.[1])
				.filter((src): src is string => !!src),
		),
	];
}

const credentialModal = () => page.getByTestId('editCredential-modal');
const credentialField = (name: string) =>
	credentialModal().getByTestId(`parameter-input-${name}`).locator('input');
const ndv = () => page.getByTestId('ndv');
const nodeCreator = () => page.getByTestId('node-creator');

/** Overview -> Credentials (by its address: a new instance's home shows a welcome screen instead of the tabs). */
async function openCredentialsList(): Promise<void> {
	await page.goto(`${editorUrl}/home/credentials`);
	await page.getByTestId('tab-CredentialsView').waitFor();
}

/** The sidebar's "+" menu: "New workflow", "New credential", ... */
async function universalAdd(item: string): Promise<void> {
	await page.getByRole('button', { name: 'Add new item' }).click();
	await page.getByTestId('navigation-menu-item').filter({ hasText: item }).click();
}

/** Credentials -> Create credential -> search "Armor": both types are offered; picks `typeName`. */
async function createCredential(
	typeName: 'Armor API' | 'Auth Armor API',
	screenshot?: string,
): Promise<void> {
	await openCredentialsList();
	await page.getByTestId('add-resource-credential').click();
	const chooser = page.getByTestId('selectCredential-modal');
	await chooser.waitFor();
	await chooser.getByTestId('new-credential-type-select').locator('input').fill('Armor');
	const options = page.getByTestId('new-credential-type-select-option');
	await options.filter({ hasText: /^Auth Armor API$/ }).waitFor();
	const offered = (await options.allInnerTexts()).map((text) => text.trim());
	expect(offered).toEqual(expect.arrayContaining(['Armor API', 'Auth Armor API']));
	if (screenshot) await shot(screenshot);
	await options.filter({ hasText: new RegExp(`^${typeName}$`) }).click();
	await page.getByTestId('new-credential-type-button').click();
	await credentialModal().waitFor();
	await credentialModal().getByText(typeName, { exact: true }).waitFor();
}

/** Saves the open credential; n8n then tests it. */
async function saveCredential(): Promise<void> {
	await credentialModal().getByTestId('credential-save-button').click();
}

async function expectCredentialTestSuccess(): Promise<void> {
	await credentialModal()
		.getByTestId('credentials-config-container-test-success')
		.waitFor({ timeout: 30_000 });
	await credentialModal().getByText('Connection tested successfully').waitFor();
}

/** The failure banner, opened ("More details") so the credential's own message shows; returns the banner's text. */
async function expectCredentialTestFailure(message: RegExp): Promise<string> {
	const banner = credentialModal().locator('.el-tag').filter({ hasText: TEST_FAILED });
	await banner.waitFor({ timeout: 30_000 });
	const moreDetails = banner.getByText('More details');
	if (await moreDetails.isVisible()) await moreDetails.click();
	const detail = credentialModal().getByText(message);
	await detail.waitFor();
	return (await banner.innerText()) + '\n' + (await detail.innerText());
}

async function closeCredentialModal(): Promise<void> {
	await page.keyboard.press('Escape');
	await credentialModal().waitFor({ state: 'hidden' });
}

/** The node panel's search for "Armor" (the panel must be open). */
async function searchNodes(text: string): Promise<void> {
	await nodeCreator().waitFor();
	await nodeCreator().getByTestId('node-creator-search-bar').fill(text);
}

/** Selects `label` in an n8n select (a parameter dropdown or the theme setting). */
async function choose(select: Locator, label: string): Promise<void> {
	await select.click();
	await page.getByRole('option', { name: label, exact: true }).click();
}

async function chosen(select: Locator): Promise<string> {
	return await select.locator('input').first().inputValue();
}

beforeAll(
	async () => {
		fs.rmSync(SHOTS, { recursive: true, force: true });
		fs.mkdirSync(SHOTS, { recursive: true });
		const executablePath = ensureChromium(); // scripts/test-browser.js did this already; fails with the reason

		sandbox = await startSandbox();
		host = new N8nHost();
		await host.packAndInstall();
		editorUrl = (await host.start()).url;

		selectors.setTestIdAttribute('data-test-id'); // n8n's attribute
		profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'armor-chromium-'));
		context = await chromium.launchPersistentContext(profileDir, {
			executablePath,
			headless: true,
			args: [...CHROMIUM_ARGS],
			viewport: { width: 1440, height: 900 },
			colorScheme: 'light',
			locale: 'en-US',
			timezoneId: 'UTC',
		});
		page = context.pages()[0] ?? (await context.newPage());
		page.setDefaultTimeout(UI_TIMEOUT);
	},
	8 * 60 * 1000,
);

afterAll(async () => {
	await context?.close().catch(() => undefined);
	if (profileDir) fs.rmSync(profileDir, { recursive: true, force: true });
	await host?.dispose();
	await sandbox?.close();
	process.stderr.write(
		`\n[browser] ${shots.length} screenshots of what the browser saw: ${SHOTS}\n${shots.map((file) => `  ${path.basename(file)}`).join('\n')}\n`,
	);
});

describe('a new user in n8n’s editor', () => {
	test('1. first visit: sets up the owner account through the form', async () => {
		await step('01-owner-setup', async () => {
			await page.goto(editorUrl);
			await page.waitForURL(/\/setup/);
			const form = page.getByTestId('setup-form');
			await form.getByText('Set up owner account').waitFor();
			await form.getByLabel('Email').fill(OWNER.email);
			await form.getByLabel('First Name').fill(OWNER.firstName);
			await form.getByLabel('Last Name').fill(OWNER.lastName);
			await form.getByLabel('Password').fill(OWNER.password);
			await shot('01-owner-setup');
			await page.getByTestId('form-submit-button').click();
			await page.waitForURL((url) => !url.pathname.startsWith('/setup'));
		});
		await step('02-signed-in', async () => {
			// signed in as that owner: Settings -> Personal shows the name and the role
			await page.getByTestId('main-sidebar-settings').click();
			await page.getByTestId('settings-personal').click();
			await page.waitForURL(/\/settings\/personal/);
			const user = page.getByTestId('current-user-name');
			await user.getByText(`${OWNER.firstName} ${OWNER.lastName}`).waitFor();
			await page.getByTestId('current-user-role').getByText('Owner').waitFor();
			await shot('02-signed-in');
		});
	});

	test('2. Armor API credential: both types offered; the sandbox login works; a wrong password fails in plain words, no secret shown', async () => {
		await step('03-credential-types', async () => {
			await createCredential('Armor API', '03-credential-types');
			// n8n's type list shows names only; the chosen type's icon heads the form
			expect(await expectIcons(credentialModal(), [ICONS.light.armor])).toEqual([
				ICONS.light.armor,
			]);
		});
		await step('04-armor-credential-success', async () => {
			await credentialField('baseUrl').fill(sandbox.armorUrl);
			await credentialField('username').fill(ARMOR.username);
			await credentialField('password').fill(ARMOR.password);
			await saveCredential();
			await expectCredentialTestSuccess();
			await expectNoSecretsShown();
			await shot('04-armor-credential-success');
		});
		await step('05-armor-credential-wrong-password', async () => {
			await credentialField('password').fill(ARMOR.wrongPassword);
			await saveCredential();
			const failure = await expectCredentialTestFailure(/rejected the username or password/);
			expect(failure).toMatch(
				/Armor rejected the username or password\. Check them in the credential\./,
			);
			expect(await credentialField('password').getAttribute('type')).toBe('password');
			await expectNoSecretsShown();
			await shot('05-armor-credential-wrong-password');
		});
		await step('06-armor-credential-fixed', async () => {
			// the person puts the right password back (the workflow below uses this credential)
			await credentialField('password').fill(ARMOR.password);
			await saveCredential();
			await expectCredentialTestSuccess();
			await closeCredentialModal();
			const card = page
				.getByTestId('resources-list-item')
				.filter({ has: page.getByText(/^Armor API\b/) });
			await card.waitFor();
			await expectIcons(card, [ICONS.light.armor]);
			await expectNoSecretsShown();
			await shot('06-armor-credential-fixed');
		});
	});

	test('3. Auth Armor API credential: the sandbox client works; a wrong client secret fails in plain words, no secret shown', async () => {
		await step('07-autharmor-credential-success', async () => {
			await createCredential('Auth Armor API');
			expect(await expectIcons(credentialModal(), [ICONS.light.authArmor])).toEqual([
				ICONS.light.authArmor,
			]);
			await credentialField('clientId').fill(AUTH_ARMOR.clientId);
			await credentialField('clientSecret').fill(AUTH_ARMOR.clientSecret);
			await credentialField('tokenUrl').fill(sandbox.authArmorTokenUrl);
			await credentialField('baseUrl').fill(sandbox.authArmorUrl);
			await saveCredential();
			await expectCredentialTestSuccess();
			await expectNoSecretsShown();
			await shot('07-autharmor-credential-success');
		});
		await step('08-autharmor-credential-wrong-secret', async () => {
			await credentialField('clientSecret').fill(AUTH_ARMOR.wrongSecret);
			await saveCredential();
			const failure = await expectCredentialTestFailure(/rejected the client ID or client secret/);
			expect(failure).toMatch(
				/Auth Armor rejected the client ID or client secret.*Check them in the credential\./,
			);
			expect(await credentialField('clientSecret').getAttribute('type')).toBe('password');
			await expectNoSecretsShown();
			await shot('08-autharmor-credential-wrong-secret');
		});
		await step('09-autharmor-credential-fixed', async () => {
			await credentialField('clientSecret').fill(AUTH_ARMOR.clientSecret);
			await saveCredential();
			await expectCredentialTestSuccess();
			await closeCredentialModal();
			const card = page
				.getByTestId('resources-list-item')
				.filter({ has: page.getByText(/^Auth Armor API\b/) });
			await card.waitFor();
			await expectIcons(card, [ICONS.light.authArmor]);
			await expectNoSecretsShown();
			await shot('09-autharmor-credential-fixed');
		});
	});

	test('4. a new workflow: both nodes in the node panel with icons and actions; Get Me and Get user by username run', async () => {
		await step('10-node-panel-search', async () => {
			await universalAdd('New workflow');
			await page.waitForURL(/\/workflow\//);
			// a workflow starts with a trigger: "Trigger manually"
			await page.getByTestId('canvas-plus-button').click();
			await nodeCreator()
				.getByTestId('node-creator-node-item')
				.filter({ hasText: 'Trigger manually' })
				.click();
			await page.getByTestId('canvas-node').first().waitFor();
			await page.getByTestId('node-creator-plus-button').click();
			await searchNodes('Armor');
			const names = nodeCreator().getByTestId('node-creator-item-name');
			await names.filter({ hasText: /^Armor$/ }).waitFor();
			await names.filter({ hasText: /^Auth Armor$/ }).waitFor();
			// n8n lists a node and its trigger as one entry, described by either of the two.
			await nodeCreator()
				.getByText(/Work with the Armor Defense API|Starts the workflow when Armor has/)
				.first()
				.waitFor();
			await nodeCreator()
				.getByText(/Ask a person to approve an action|Starts the workflow when Auth Armor has/)
				.first()
				.waitFor();
			expect(await expectIcons(nodeCreator(), [ICONS.light.armor, ICONS.light.authArmor])).toEqual(
				expect.arrayContaining([ICONS.light.armor, ICONS.light.authArmor]),
			);
			await shot('10-node-panel-search');
		});
		await step('11-armor-actions', async () => {
			await nodeCreator()
				.getByTestId('node-creator-item-name')
				.filter({ hasText: /^Armor$/ })
				.click();
			await nodeCreator()
				.getByText(`Actions (${actionCount(armorResources)})`)
				.waitFor();
			for (const action of ['Get the current user', 'Send an API request']) {
				await nodeCreator()
					.getByTestId('node-creator-item-name')
					.filter({ hasText: action })
					.waitFor();
			}
			await expectIcons(nodeCreator(), [ICONS.light.armor]);
			await shot('11-armor-actions');
		});
		await step('12-armor-get-me', async () => {
			await nodeCreator()
				.getByTestId('node-creator-item-name')
				.filter({ hasText: 'Get the current user' })
				.click();
			await ndv().waitFor();
			expect(await chosen(ndv().getByTestId('parameter-input-resource'))).toBe('Identity');
			expect(await chosen(ndv().getByTestId('parameter-input-operation'))).toBe('Get Me');
			// the only Armor API credential is preselected
			expect(await chosen(ndv().getByTestId('node-credentials-select'))).toBe('Armor account');
			await ndv().getByTestId('node-execute-button').click();
			const output = ndv().getByTestId('output-panel');
			await output.getByTestId('node-run-status-success').waitFor({ timeout: 60_000 });
			await output.getByTestId('run-data-item-count').filter({ hasText: '1 item' }).waitFor();
			for (const shown of ['Demo Main', 'Demo Child', '1001', '1002', 'demo@armor.example']) {
				await output.getByText(shown, { exact: false }).first().waitFor();
			}
			await expectNoSecretsShown();
			await shot('12-armor-get-me');
		});
		await step('12b-armor-account-picker', async () => {
			// Options -> Account Context: "From List" asks the API (GET /me) for the accounts
			await ndv()
				.getByTestId('collection-parameter-add-dropdown')
				.or(ndv().getByTestId('collection-parameter-add'))
				.first()
				.click();
			await page.getByText('Account Context', { exact: true }).last().click();
			await ndv().getByTestId('rlc-input').first().click();
			const accounts = page.getByTestId('rlc-item');
			await accounts.filter({ hasText: 'Demo Main (1001)' }).waitFor();
			await accounts.filter({ hasText: 'Demo Child (1002)' }).click();
			await ndv().getByTestId('node-execute-button').click();
			const output = ndv().getByTestId('output-panel');
			await output.getByTestId('node-run-status-success').waitFor({ timeout: 60_000 });
			const picked = sandbox.requests.filter((r) => r.path === '/me').pop();
			expect(picked?.headers['x-account-context']).toBe('1002');
			await shot('12b-armor-account-picker');
			await ndv().getByTestId('ndv-close-button').click();
			await ndv().waitFor({ state: 'hidden' });
		});
		await step('13-autharmor-actions', async () => {
			await page.getByTestId('node-creator-plus-button').click();
			await searchNodes('Armor');
			await nodeCreator()
				.getByTestId('node-creator-item-name')
				.filter({ hasText: /^Auth Armor$/ })
				.click();
			await nodeCreator()
				.getByText(`Actions (${actionCount(authArmorResources)})`)
				.waitFor();
			for (const action of [
				'Get a user',
				'Get many users',
				'Update the username of a user',
				'Send an API request',
			]) {
				await nodeCreator()
					.getByTestId('node-creator-item-name')
					.filter({ hasText: action })
					.waitFor();
			}
			await expectIcons(nodeCreator(), [ICONS.light.authArmor]);
			await shot('13-autharmor-actions');
		});
		await step('14-autharmor-get-user', async () => {
			await nodeCreator()
				.getByTestId('node-creator-item-name')
				.filter({ hasText: /^Get a user$/ })
				.click();
			await ndv().waitFor();
			expect(await chosen(ndv().getByTestId('parameter-input-resource'))).toBe('User');
			expect(await chosen(ndv().getByTestId('parameter-input-operation'))).toBe('Get');
			// the User picker: "From List" shows the sandbox's users (a search of GET /v4/users)
			const userField = ndv().getByTestId('parameter-input-user');
			await userField.getByTestId('rlc-input').click();
			await page.getByTestId('rlc-item').filter({ hasText: AUTH_ARMOR_USER }).first().waitFor();
			await shot('14-autharmor-user-picker');
			await page.keyboard.press('Escape');
			// ... and "By Username" names the user without putting the name in the URL
			await userField.getByTestId('rlc-mode-selector').click();
			await page.getByText('By Username', { exact: true }).last().click();
			const username = userField.getByTestId('rlc-input');
			await username.click();
			await username.pressSequentially(AUTH_ARMOR_USER);
			await username.press('Tab');
			// the editor stores a resource locator's typed value after a short debounce
			await page.waitForTimeout(1000);
			const logStart = sandbox.requests.length;
			await ndv().getByTestId('node-execute-button').click();
			const output = ndv().getByTestId('output-panel');
			await output.getByTestId('node-run-status-success').waitFor({ timeout: 60_000 });
			await output.getByText(AUTH_ARMOR_USER).first().waitFor();
			await output.getByText('00000000-0000-4000-8000-000000000001').first().waitFor();
			await expectNoSecretsShown();
			await shot('14-autharmor-get-user');

			// what went over the wire: the username in the X-AuthArmor-UsernameValue header, nowhere else
			const authArmorRequests = sandbox.requests
				.slice(logStart)
				.filter((request) => request.api === 'authArmor');
			const lookups = authArmorRequests.filter(
				(request) => request.method === 'GET' && request.path === `/v4/users/${EMPTY_GUID}`,
			);
			expect(lookups).toHaveLength(1);
			expect(lookups[0].headers['x-autharmor-usernamevalue']).toBe(AUTH_ARMOR_USER);
			expect(lookups[0].status).toBe(200);
			const encodings = [
				AUTH_ARMOR_USER,
				encodeURIComponent(AUTH_ARMOR_USER),
				'user1%40',
				'user1@',
			];
			for (const request of authArmorRequests) {
				for (const spelled of encodings) {
					expect(decodeURIComponent(request.url)).not.toContain(spelled);
					expect(request.url).not.toContain(spelled);
					expect(request.body).not.toContain(spelled);
				}
				const otherHeaders = Object.entries(request.headers)
					.filter(([name]) => name !== 'x-autharmor-usernamevalue')
					.map(([, value]) => String(value));
				expect(otherHeaders.join('\n')).not.toContain('user1@');
			}
			// the page checks above covered real tokens: both APIs' tokens are among the values looked for
			expect(secrets().filter((secret) => /^[0-9a-f]{32}$/.test(secret)).length).toBeGreaterThan(0); // Armor
			expect(secrets().filter((secret) => /^eyJ/.test(secret)).length).toBeGreaterThan(0); // Auth Armor JWT
			await ndv().getByTestId('ndv-close-button').click();
			await ndv().waitFor({ state: 'hidden' });
			await page.getByTestId('canvas-node').nth(2).waitFor();
			workflowUrl = page.url().replace(/\?.*$/, '');
		});
	});

	test('5. light and dark theme: each renders its own icon variant', async () => {
		expect(workflowUrl).toMatch(/\/workflow\/[^/]+$/);
		for (const [n, theme] of [
			[15, 'light'],
			[17, 'dark'],
		] as const) {
			const label = theme === 'light' ? 'Light theme' : 'Dark theme';
			const other = theme === 'light' ? 'dark' : 'light';
			await step(`${n}-theme-${theme}-credentials`, async () => {
				await page.getByTestId('main-sidebar-settings').click();
				await page.getByTestId('settings-personal').click();
				await page.waitForURL(/\/settings\/personal/);
				await choose(page.getByTestId('theme-select'), label);
				await page.getByTestId('save-settings-button').click();
				await page.waitForFunction(
					(wanted) => (globalThis as any).document.body.dataset.theme === wanted,
					theme,
				);
				await openCredentialsList();
				const list = page.getByTestId('resources-list');
				const shown = await expectIcons(list, [ICONS[theme].armor, ICONS[theme].authArmor]);
				expect(shown.sort()).toEqual([ICONS[theme].armor, ICONS[theme].authArmor].sort());
				expect(shown).not.toContain(ICONS[other].armor);
				await shot(`${n}-theme-${theme}-credentials`);
			});
			await step(`${n + 1}-theme-${theme}-canvas`, async () => {
				await page.goto(workflowUrl!);
				const canvas = page.getByTestId('canvas');
				await canvas.getByTestId('canvas-node').nth(2).waitFor();
				const shown = await expectIcons(canvas, [ICONS[theme].armor, ICONS[theme].authArmor]);
				expect(shown.sort()).toEqual([ICONS[theme].armor, ICONS[theme].authArmor].sort());
				await shot(`${n + 1}-theme-${theme}-canvas`);
			});
		}
	});

	test('6. an example imported from its file: the credential chosen, it runs, the approved branch runs', async () => {
		const canvasNode = (name: string) =>
			page.getByTestId('canvas-node').filter({ has: page.getByText(name, { exact: true }) });
		await step('19-example-imported', async () => {
			await universalAdd('New workflow');
			await page.waitForURL(/\/workflow\//);
			// the workflow menu (...) -> Import -> From file, and the file chooser a person uses
			await page.getByTestId('workflow-menu').click();
			await page.getByTestId('workflow-menu-item-import').hover();
			const [chooser] = await Promise.all([
				page.waitForEvent('filechooser'),
				page.getByTestId('workflow-menu-item-import-from-file').click(),
			]);
			await chooser.setFiles(EXAMPLE.file);
			for (const name of [EXAMPLE.approval, EXAMPLE.approved, EXAMPLE.notApproved]) {
				await canvasNode(name).waitFor();
			}
			await page.getByTestId('inline-edit-preview').filter({ hasText: EXAMPLE.name }).waitFor();
			expect(await page.getByTestId('canvas-node').count()).toBe(4);
			await shot('19-example-imported');
		});
		await step('20-example-credential', async () => {
			// the file names no credential of this n8n: the person picks theirs in the node
			await canvasNode(EXAMPLE.approval).dblclick();
			await ndv().waitFor();
			const credential = ndv().getByTestId('node-credentials-select');
			await credential.click();
			await page.getByRole('option').filter({ hasText: 'Auth Armor account' }).click();
			expect(await chosen(credential)).toBe('Auth Armor account');
			expect(await chosen(ndv().getByTestId('parameter-input-operation'))).toBe(
				'Request Approval and Wait',
			);
			await shot('20-example-credential');
			await ndv().getByTestId('ndv-close-button').click();
			await ndv().waitFor({ state: 'hidden' });
		});
		await step('21-example-executed', async () => {
			sandbox.configure({ authArmorApprover: { action: 'approve', afterMs: 500 } });
			const logStart = sandbox.requests.length;
			await page.getByTestId('execute-workflow-button').click();
			await canvasNode(EXAMPLE.approved)
				.getByTestId('canvas-node-status-success')
				.waitFor({ timeout: 60_000 });
			await page.getByText('Workflow executed successfully').waitFor();
			// the approved branch ran, the other did not
			expect(
				await canvasNode(EXAMPLE.notApproved).getByTestId('canvas-node-status-success').count(),
			).toBe(0);
			await shot('21-example-executed');
			// the person was asked about the example's action, and their answer checked
			const requests = sandbox.requests.slice(logStart);
			const start = requests.find((request) => request.path === '/v4/auth/authenticator/start');
			expect(JSON.parse(start?.body ?? '{}')).toMatchObject({
				username: EXAMPLE.username,
				action_name: EXAMPLE.actionName,
			});
			expect(
				requests.filter((request) => request.path === '/v4/auth/authenticator/validate'),
			).toHaveLength(1);
		});
		await step('22-example-approval-output', async () => {
			await canvasNode(EXAMPLE.approval).dblclick();
			await ndv().waitFor();
			const output = ndv().getByTestId('output-panel');
			await output.getByTestId('node-run-status-success').waitFor();
			// the node's two outputs as tabs: the item left on "Approved", with the person's answer
			await output.getByText('Approved Branch (1 item)').waitFor();
			for (const shown of ['approved', 'Success', EXAMPLE.username]) {
				await output.getByText(shown, { exact: true }).first().waitFor();
			}
			await expectNoSecretsShown();
			await shot('22-example-approval-output');
			await ndv().getByTestId('ndv-close-button').click();
		});
	});
});
