import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { offsetStyle } from '../../../shared/pagination';
import { armorList } from '../../armorRequest';
import { armorListOptions } from '../../descriptions';

/** Armor's largest `parameters.size`. */
const MAX_PAGE_SIZE = 100;

/** Return All / Limit write these into `parameters`; a user's own would be overwritten. */
const PAGING_PARAMETERS = ['from', 'size'];

/** The template's parameters from the Parameters pairs: names unique, values scalars (as Armor requires). */
function readTemplateParameters(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const pairs = this.getNodeParameter('parameters.parameter', itemIndex, []) as Array<{
		name?: unknown;
		value?: unknown;
	}>;
	const parameters: IDataObject = {};
	for (const pair of pairs) {
		const name = String(pair.name ?? '').trim();
		const fail = (message: string, description?: string) =>
			new NodeOperationError(this.getNode(), message, { itemIndex, description });
		if (!name) throw fail('Enter a Name for every parameter: one is empty.');
		if (PAGING_PARAMETERS.includes(name.toLowerCase())) {
			throw fail(
				`Remove the parameter "${name}": Return All and Limit set it.`,
				'The search pages with "from" and "size"; use Limit to choose how many results.',
			);
		}
		if (Object.hasOwn(parameters, name)) {
			throw fail(`The parameter "${name}" is given twice. Keep one.`);
		}
		const value = pair.value ?? '';
		if (typeof value === 'object') {
			throw fail(
				`The value of the parameter "${name}" is an object or a list. Enter a string, number or boolean.`,
				'Armor accepts only single values as template parameters.',
			);
		}
		parameters[name] = value as string | number | boolean;
	}
	return parameters;
}

export const search: OperationDefinition = {
	name: 'Search',
	description:
		'Search the account\'s logs with one of Armor\'s templated views (e.g. "security-events")',
	action: 'Search logs',
	properties: [
		{
			displayName: 'View Name',
			name: 'viewName',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. security-events',
			description: 'The templated search (view) to run',
		},
		{
			displayName: 'Parameters',
			name: 'parameters',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Parameter',
			default: {},
			description: "The view's template parameters, each a single value",
			options: [
				{
					displayName: 'Parameter',
					name: 'parameter',
					values: [
						{
							displayName: 'Name',
							name: 'name',
							type: 'string',
							default: '',
							placeholder: 'e.g. hostName',
						},
						{
							displayName: 'Value',
							name: 'value',
							type: 'string',
							default: '',
						},
					],
				},
			],
		},
		...returnAllOrLimit,
		armorListOptions(),
	],
	async execute(itemIndex) {
		const viewName = String(this.getNodeParameter('viewName', itemIndex, '') ?? '').trim();
		if (!viewName) {
			throw new NodeOperationError(this.getNode(), 'Enter the View Name: it is empty.', {
				itemIndex,
			});
		}
		const parameters = readTemplateParameters.call(this, itemIndex);
		return await armorList.call(
			this,
			itemIndex,
			{ method: 'POST', path: '/log-search/templatedsearch' },
			offsetStyle({
				in: 'body',
				offsetParam: 'parameters.from',
				sizeParam: 'parameters.size',
				body: { viewName, parameters },
				itemsKey: 'items',
			}),
			MAX_PAGE_SIZE,
		);
	},
};
