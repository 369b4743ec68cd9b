/**
 * Armor Trigger -> New / Updated MDR Incident, New Security Incident, New Log Search Result, VM State Changed
 * (nodes/ArmorTrigger/events.ts): each emits what changed between two polls, once.
 */
import { ARMOR_DEMO_USER } from '../../sandbox/server';
import { armorVmId } from '../../sandbox/armorData';
import { header, requestsTo, sandboxPerTest } from '../runtime';
import { triggerHelpers } from './helpers';

jest.setTimeout(60_000);

const fixture = sandboxPerTest();
const { watcher, armorApiKeyCredential } = triggerHelpers(fixture);
const ACCOUNT = ARMOR_DEMO_USER.accounts[0].id;

test('New MDR Incident (with an API key, on the MDR host), filtered by priority', async () => {
	const { sandbox } = fixture;
	const trigger = watcher(
		{ event: 'newMdrIncident', filters: { priority: 'Critical' } },
		armorApiKeyCredential(),
	);
	expect(await trigger.poll()).toEqual([]);
	const critical = sandbox.addMdrIncidents(ACCOUNT, 2, { fields: { priority: 'Critical' } });
	sandbox.addMdrIncidents(ACCOUNT, 1, { fields: { priority: 'Low' } });

	expect((await trigger.poll()).map((incident) => incident.id)).toEqual(critical.map((i) => i.id));
	const [request] = requestsTo(sandbox, 'services', '/mdr/incidents');
	expect(new URL(request.url, 'http://x').searchParams.get('priority')).toBe('Critical');
	expect(header(request, 'authorization')).toMatch(/^ARMOR-PSK /);
});

test('Updated MDR Incident emits an incident each time it changes', async () => {
	const { sandbox } = fixture;
	const trigger = watcher({ event: 'updatedMdrIncident' });
	await trigger.poll();
	const key = `SEC-${ACCOUNT * 100 + 4}`;
	sandbox.updateMdrIncident(ACCOUNT, key, { status: 'Resolved' });
	expect(await trigger.poll()).toEqual([expect.objectContaining({ id: key, status: 'Resolved' })]);
	expect(await trigger.poll()).toEqual([]);
});

test('New Security Incident (a list read whole, oldest first)', async () => {
	const { sandbox } = fixture;
	const trigger = watcher({ event: 'newSecurityIncident' });
	await trigger.poll();
	const added = sandbox.addSecurityIncidents(ACCOUNT, 2);
	expect((await trigger.poll()).map((incident) => incident.id)).toEqual(added.map((i) => i.id));
	expect(await trigger.poll()).toEqual([]);
});

test('New Log Search Result for one view', async () => {
	const { sandbox } = fixture;
	const trigger = watcher({ event: 'newLogSearchResult', filters: { viewName: 'authentication' } });
	await trigger.poll();
	const hits = sandbox.addLogSearchHits(ACCOUNT, 'authentication', 3);
	sandbox.addLogSearchHits(ACCOUNT, 'security-events', 2);

	expect((await trigger.poll()).map((hit) => hit.id)).toEqual(hits.map((hit) => hit.id));
	const [search] = requestsTo(sandbox, 'armor', '/log-search/templatedsearch', 'POST');
	expect(JSON.parse(search.body)).toMatchObject({ viewName: 'authentication' });
});

test('VM State Changed: the VM that was powered off, with its previous and current state', async () => {
	const { sandbox } = fixture;
	const trigger = watcher({ event: 'vmStateChanged' });
	expect(await trigger.poll()).toEqual([]);
	const vmId = armorVmId(ACCOUNT, 1);
	sandbox.setVmPowerState(ACCOUNT, vmId, 'off');

	const [changed] = await trigger.poll();
	expect(changed).toMatchObject({ id: vmId, previousState: '4', state: '8' });
	expect(await trigger.poll()).toEqual([]);
});
