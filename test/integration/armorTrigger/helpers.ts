/**
 * Shared by the Armor Trigger's integration tests: polls run through n8n-core's real PollContext, with the
 * workflow's static data carried from one poll to the next (as n8n stores it between polls and restarts).
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runPoll, type SandboxFixture } from '../runtime';
import { armorHelpers } from '../armor/helpers';

/** What the trigger keeps in the workflow's static data. */
export function nodeData(staticData: IDataObject): IDataObject {
	return (staticData['node:Armor Trigger'] as IDataObject | undefined) ?? {};
}

export function triggerHelpers(fixture: SandboxFixture) {
	const { armorCredential, armorApiKeyCredential } = armorHelpers(fixture);

	/** A trigger whose static data lives on between its polls, like one active workflow's. */
	function watcher(parameters: INodeParameters, credential = armorCredential()) {
		let staticData: IDataObject = {};
		return {
			/** One scheduled poll: the emitted records' json ([] when the trigger returned nothing). */
			async poll(): Promise<IDataObject[]> {
				const result = await runPoll({
					helper: fixture.helper,
					parameters,
					credential,
					staticData,
				});
				staticData = result.staticData;
				return (result.output?.[0] ?? []).map((item) => item.json);
			},
			/** "Fetch Test Event" in the editor. */
			async manual(): Promise<IDataObject[]> {
				const result = await runPoll({
					helper: fixture.helper,
					parameters,
					credential,
					staticData,
					mode: 'manual',
				});
				// Nothing recorded (n8n may add an empty entry for the node).
				expect(nodeData(result.staticData)).toEqual(nodeData(staticData));
				return (result.output?.[0] ?? []).map((item) => item.json);
			},
			get staticData() {
				return staticData;
			},
			/** An n8n restart: only the saved static data survives (a fresh workflow object). */
			restartWith(saved: IDataObject) {
				staticData = structuredClone(saved);
			},
		};
	}

	return { watcher, armorCredential, armorApiKeyCredential };
}
