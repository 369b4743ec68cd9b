/**
 * Auth Armor Trigger (nodes/AuthArmorTrigger/): New User and New Auth Event of a User (declined, invalid or
 * refused by default), each new record once, through n8n-core's PollContext.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { AUTHARMOR_TRIGGER_NODE_TYPE, runPoll, sandboxPerTest } from '../runtime';
import { SANDBOX_OPTIONS, authArmorHelpers, userLocator } from '../authArmor/helpers';

jest.setTimeout(30_000);

const fixture = sandboxPerTest(SANDBOX_OPTIONS);
const { authArmorCredential } = authArmorHelpers(fixture);

function watcher(parameters: INodeParameters) {
	const credential = authArmorCredential();
	let staticData: IDataObject = {};
	const run = async (mode: 'trigger' | 'manual') => {
		const result = await runPoll({
			helper: fixture.helper,
			type: AUTHARMOR_TRIGGER_NODE_TYPE,
			parameters,
			credential,
			staticData,
			mode,
		});
		if (mode === 'trigger') staticData = result.staticData;
		return (result.output?.[0] ?? []).map((item) => item.json);
	};
	return { poll: async () => await run('trigger'), manual: async () => await run('manual') };
}

test('New User: nothing at first, then each new user once', async () => {
	const trigger = watcher({ event: 'newUser' });
	expect(await trigger.poll()).toEqual([]);
	const added = fixture.sandbox.addAuthArmorUsers(2);

	expect((await trigger.poll()).map((user) => user.user_id)).toEqual(added.map((u) => u.user_id));
	expect(await trigger.poll()).toEqual([]);
});

test('New Auth Event of a User: declined and invalid ones by default, never the approved ones', async () => {
	const { sandbox } = fixture;
	const trigger = watcher({
		event: 'newAuthEvent',
		user: userLocator('username', 'user3@autharmor.example'),
	});
	expect(await trigger.poll()).toEqual([]);
	sandbox.addAuthArmorHistory('user3@autharmor.example', 1, { result: 'success' });
	sandbox.addAuthArmorHistory('user3@autharmor.example', 1, { result: 'declined' });
	sandbox.addAuthArmorHistory('user3@autharmor.example', 1, { result: 'failed' });

	const emitted = await trigger.poll();
	expect(emitted.map((event) => event.result)).toEqual(['declined', 'invalid']);
	expect(await trigger.poll()).toEqual([]);
});

test('Results chooses the outcomes; Fetch Test Event shows the newest event whatever it was', async () => {
	const { sandbox } = fixture;
	const trigger = watcher({
		event: 'newAuthEvent',
		user: userLocator('username', 'user4@autharmor.example'),
		results: ['approved'],
	});
	await trigger.poll();
	sandbox.addAuthArmorHistory('user4@autharmor.example', 1, { result: 'declined' });
	sandbox.addAuthArmorHistory('user4@autharmor.example', 1, { result: 'success' });
	expect((await trigger.poll()).map((event) => event.result)).toEqual(['approved']);

	const [sample] = await trigger.manual();
	expect(sample.result).toBe('approved');
});
