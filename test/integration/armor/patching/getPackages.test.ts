/** Patching -> Get Packages (nodes/Armor/actions/patching/getPackages.operation.ts). */
import { NodeApiError } from 'n8n-workflow';

import { armorCoreInstanceId, armorPackages } from '../../../sandbox/armorData';
import { ARMOR_DEMO_USER } from '../../../sandbox/server';
import {
	ARMOR_NODE_TYPE,
	header,
	requestsTo,
	runNodeError,
	runNodeJson,
	sandboxPerTest,
} from '../../runtime';
import { armorHelpers, armorOperation } from '../helpers';

jest.setTimeout(30_000);

const fixture = sandboxPerTest();
const { armorCredential, armorApiKeyCredential } = armorHelpers(fixture);
const ACCOUNT = ARMOR_DEMO_USER.accounts[0].id;
// Odd-numbered machines have updates available.
const VM = 1;
const CORE_ID = armorCoreInstanceId(ACCOUNT, VM);

test("lists the machine's packages, or only those with updates (API key)", async () => {
	const credential = armorApiKeyCredential();
	const all = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('patching', 'getPackages', { coreInstanceId: CORE_ID }),
		credential,
	});
	const expected = armorPackages(ACCOUNT, VM);
	expect(all).toEqual(expected);

	const updates = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('patching', 'getPackages', {
			coreInstanceId: CORE_ID,
			options: { updatesAvailableOnly: true },
		}),
		credential,
	});
	const withUpdates = expected.filter((entry) => entry.updateAvailable);
	expect(withUpdates.length).toBeGreaterThan(0);
	expect(withUpdates.length).toBeLessThan(expected.length);
	expect(updates).toEqual(withUpdates);
	const requests = requestsTo(fixture.sandbox, 'armor', `/core/packages/${CORE_ID}`, 'GET');
	expect(requests).toHaveLength(2);
	expect(header(requests[0], 'authorization')).toMatch(/^ARMOR-PSK /);
});

test("an unknown machine is Armor's 404", async () => {
	const unknown = armorCoreInstanceId(ACCOUNT, 99);
	const error = await runNodeError({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('patching', 'getPackages', { coreInstanceId: unknown }),
		credential: armorCredential(),
	});
	expect(error).toBeInstanceOf(NodeApiError);
	expect(error.message).toBe(
		`Armor answered 404: VM with core instance id ${unknown} was not found.`,
	);
});
