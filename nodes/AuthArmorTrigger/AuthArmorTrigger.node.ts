import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { approvalResult } from '../AuthArmor/approval';
import { authArmorApi } from '../AuthArmor/authArmorApi';
import { authArmorPages, searchUsers } from '../AuthArmor/authArmorRequest';
import { userLocatorField, userTarget } from '../AuthArmor/userTarget';
import { pollNewRecords, type PolledList } from '../shared/polling';

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));

/** New users, newest first by their creation date. */
const newUsers: PolledList = {
	list: () => ({
		request: {
			method: 'GET',
			path: '/{apiVersion}/users',
			qs: { sort_column: 'date_created', sort_direction: 'desc' },
		},
		style: authArmorPages('user_records'),
	}),
	maxPageSize: 100,
	newestFirst: true,
	key: (user) => ({ id: text(user.user_id), at: text(user.date_created) }),
};

/** A user's auth history, newest first. */
function authEvents(segment: string, headers: IDataObject, qs: IDataObject): PolledList {
	return {
		list: () => ({
			request: {
				method: 'GET',
				path: `/{apiVersion}/users/${segment}/auth_history`,
				headers,
				qs: { ...qs, sort_column: 'date_created', sort_direction: 'desc' },
			},
			style: authArmorPages('auth_history_records'),
		}),
		maxPageSize: 100,
		newestFirst: true,
		key: (record) => {
			const response = (record.auth_response as IDataObject | undefined) ?? {};
			const details = (response.auth_details as IDataObject | undefined) ?? {};
			const request = (details.request_details as IDataObject | undefined) ?? {};
			return { id: text(response.auth_history_id), at: text(request.date) };
		},
	};
}

export class AuthArmorTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Auth Armor Trigger',
		name: 'authArmorTrigger',
		icon: { light: 'file:autharmor.svg', dark: 'file:autharmor.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description:
			'Starts the workflow when Auth Armor has a new user, or a user has new (for example failed or declined) authentications',
		defaults: { name: 'Auth Armor Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'authArmorApi', required: true }],
		properties: [
			{
				displayName: 'Trigger On',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'New Auth Event of a User',
						value: 'newAuthEvent',
						description:
							'An authentication of the user ended (by default: declined, invalid or refused)',
					},
					{ name: 'New User', value: 'newUser', description: 'A user was registered' },
				],
				default: 'newAuthEvent',
			},
			{ ...userLocatorField, displayOptions: { show: { event: ['newAuthEvent'] } } },
			{
				displayName: 'Results',
				name: 'results',
				type: 'multiOptions',
				options: [
					{ name: 'Approved', value: 'approved' },
					{ name: 'Declined', value: 'declined' },
					{ name: 'Invalid Signature', value: 'invalid' },
					{ name: 'Security Exception', value: 'securityException' },
					{ name: 'Timed Out', value: 'timedOut' },
				],
				default: ['declined', 'invalid', 'securityException'],
				description: 'Which outcomes start the workflow',
				displayOptions: { show: { event: ['newAuthEvent'] } },
			},
		],
	};

	methods = { listSearch: { searchUsers } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as string;
		const manual = this.getMode() === 'manual';
		const stored = this.getWorkflowStaticData('node');
		let watched = newUsers;
		let key = 'newUser';
		let wanted: string[] | undefined;
		if (event === 'newAuthEvent') {
			const locator = this.getNodeParameter('user', {}) as { mode?: string; value?: unknown };
			const value = text(locator.value).trim();
			if (!value) {
				throw new NodeOperationError(
					this.getNode(),
					'Choose the user whose authentications to watch.',
				);
			}
			const target = userTarget(locator.mode === 'username' ? 'username' : 'id', value, 'header');
			watched = authEvents(target.segment, target.headers, target.qs);
			key = `newAuthEvent|${locator.mode}|${value}`;
			wanted = this.getNodeParameter('results', []) as string[];
		}
		const { records, memory } = await pollNewRecords.call(
			this,
			authArmorApi,
			watched,
			{},
			{},
			stored[key],
			manual,
		);
		if (!manual) stored[key] = memory as unknown as IDataObject;
		const emitted = records
			.map((record) => withResult(record))
			.filter((record) => manual || !wanted || wanted.includes(String(record.result)));
		return emitted.length ? [this.helpers.returnJsonArray(emitted)] : null;
	}
}

/** An auth history record with its outcome in words, as Request Approval and Wait reports it. */
function withResult(record: IDataObject): IDataObject {
	const response = record.auth_response as IDataObject | undefined;
	return response ? { ...record, result: approvalResult(response.result_code) } : record;
}
