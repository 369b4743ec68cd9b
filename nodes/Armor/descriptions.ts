import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../shared/descriptions';

/**
 * The fields every Armor operation shares: the account to act on, "For Each Account" on lists, and the
 * Options collections that carry them.
 */

/** The "Account Context" option every Armor operation offers: an account picked from a list, or its ID. */
export const accountContextOption: INodeProperties = {
	displayName: 'Account Context',
	name: 'accountContext',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	description:
		"The Armor account to act on (sent as X-Account-Context). Overrides the credential's Account ID for this node.",
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchAccounts', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 1001',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '^\\s*[1-9]\\d*\\s*$',
						errorMessage: 'An account ID is a whole number',
					},
				},
			],
		},
	],
};

/** The item's "Account Context" option ('' when not set): a picked account, an ID, or a plain string. */
export function readAccountContext(this: IExecuteFunctions, itemIndex: number): string {
	const value = this.getNodeParameter('options.accountContext', itemIndex, '') as unknown;
	const picked =
		value !== null && typeof value === 'object' ? (value as { value?: unknown }).value : value;
	return String(picked ?? '').trim();
}

/** The "For Each Account" option of Armor's list operations. */
export const forEachAccountOption: INodeProperties = {
	displayName: 'For Each Account',
	name: 'forEachAccount',
	type: 'boolean',
	default: false,
	description:
		'Whether to list every account the user can act on (from Get Me), one after another, adding each result\'s account as "forAccount". Account Context is then ignored, and Limit applies per account.',
};

/** The Options of an Armor operation: Account Context, then the operation's own options. */
export function armorOptions(options: INodeProperties[] = []): INodeProperties {
	return optionsCollection([accountContextOption, ...options]);
}

/** The Options of an Armor list: Account Context, For Each Account, then the operation's own options. */
export function armorListOptions(options: INodeProperties[] = []): INodeProperties {
	return optionsCollection([accountContextOption, forEachAccountOption, ...options]);
}
