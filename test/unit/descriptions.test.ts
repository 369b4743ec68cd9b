/**
 * What every operation of both nodes must offer, checked on the descriptions n8n loads: the contract new
 * operations are held to (nodes/shared/operation.ts).
 */
import type { INodeProperties, INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';

import { Armor } from '../../nodes/Armor/Armor.node';
import { armorResources } from '../../nodes/Armor/actions';
import { AuthArmor } from '../../nodes/AuthArmor/AuthArmor.node';
import { authArmorResources } from '../../nodes/AuthArmor/actions';
import type { ResourceDefinition } from '../../nodes/shared/operation';

const nodes: Array<[string, INodeTypeDescription, ResourceDefinition[]]> = [
	['Armor', new Armor().description, armorResources],
	['Auth Armor', new AuthArmor().description, authArmorResources],
];

interface OperationCase {
	node: string;
	resource: string;
	operation: string;
	option: INodePropertyOptions;
	/** The fields shown for this resource and operation. */
	fields: INodeProperties[];
	execute: unknown;
}

function shownFor(properties: INodeProperties[], resource: string, operation: string) {
	return properties.filter((property) => {
		const show = property.displayOptions?.show;
		return (
			(show?.resource as string[] | undefined)?.includes(resource) &&
			(show?.operation as string[] | undefined)?.includes(operation)
		);
	});
}

const operations: OperationCase[] = nodes.flatMap(([node, description, resources]) => {
	const selectors = description.properties.filter((property) => property.name === 'operation');
	return selectors.flatMap((selector) => {
		const resource = (selector.displayOptions?.show?.resource as string[])[0];
		return (selector.options as INodePropertyOptions[]).map((option) => ({
			node,
			resource,
			operation: String(option.value),
			option,
			fields: shownFor(description.properties, resource, String(option.value)),
			execute: (
				resources.find((r) => r.value === resource)?.operations as
					| Record<string, { execute?: unknown }>
					| undefined
			)?.[String(option.value)]?.execute,
		}));
	});
});

const label = (c: OperationCase) => `${c.node} ${c.resource}.${c.operation}`;

function optionNames(fields: INodeProperties[]): string[] {
	const options = fields.find((field) => field.name === 'options');
	return ((options?.options ?? []) as INodeProperties[]).map((option) => option.name);
}

test("the operations found in the descriptions are exactly the resources' operation lists", () => {
	const listed = nodes.flatMap(([node, , resources]) =>
		resources.flatMap((resource) =>
			Object.keys(resource.operations).map((operation) => `${node} ${resource.value}.${operation}`),
		),
	);
	expect(operations.map(label).sort()).toEqual(listed.sort());
	expect(listed.length).toBeGreaterThan(10);
});

describe.each(operations.map((c) => [label(c), c] as const))('%s', (_, c) => {
	test('has an executor', () => {
		expect(typeof c.execute).toBe('function');
	});

	test('has a name, a description and a sentence-case action', () => {
		expect(c.option.name).toMatch(/^[A-Z]/);
		expect(c.option.description).toBeTruthy();
		expect(c.option.action).toMatch(/^[A-Z][a-z]+ [a-z]/);
	});

	test('offers the request settings (retries, timeout) in its Options', () => {
		expect(optionNames(c.fields)).toEqual(
			expect.arrayContaining(['retryTemporaryFailures', 'timeoutSeconds']),
		);
	});

	test('a list operation has Return All and a Limit shown only without it', () => {
		const returnAll = c.fields.find((field) => field.name === 'returnAll');
		const limit = c.fields.find((field) => field.name === 'limit');
		if (!returnAll) {
			expect(c.operation).not.toMatch(/getMany/i);
			expect(limit).toBeUndefined();
			return;
		}
		expect(returnAll).toMatchObject({ type: 'boolean', default: false });
		expect(limit).toMatchObject({ type: 'number', default: 50, typeOptions: { minValue: 1 } });
		expect(limit?.displayOptions?.show?.returnAll).toEqual([false]);
	});

	test('an Armor operation offers Account Context', () => {
		if (c.node !== 'Armor') return;
		expect(optionNames(c.fields)).toContain('accountContext');
	});

	test("an Armor list of an account's data offers For Each Account", () => {
		const isList = c.fields.some((field) => field.name === 'returnAll');
		// A list under one object (a ticket's comments) names it already; the accounts list spans every account.
		const underOneObject = c.fields.some((field) => field.required && field.type === 'string');
		const spansAccounts = c.resource === 'account' && c.operation === 'getMany';
		if (c.node !== 'Armor' || !isList || underOneObject || spansAccounts) return;
		expect(optionNames(c.fields)).toContain('forEachAccount');
	});

	test('an operation that names a user by username lets the user choose where the username goes', () => {
		const namesUser = c.fields.some((field) => field.name === 'username');
		if (!namesUser) return;
		expect(optionNames(c.fields)).toContain('usernameIn');
	});

	test('no field is defined twice for it', () => {
		const keys = c.fields.map((field) => `${field.name} ${JSON.stringify(field.displayOptions)}`);
		expect(new Set(keys).size).toBe(keys.length);
	});
});

test.each(nodes.map(([node, description]) => [node, description] as const))(
	'%s: every field is shown for a resource and operation that exist',
	(_, description) => {
		const known = new Set(operations.map((c) => `${c.resource}.${c.operation}`));
		for (const property of description.properties) {
			if (['resource', 'operation', 'authentication'].includes(property.name)) continue;
			const show = property.displayOptions?.show ?? {};
			const pairs = (show.resource as string[]).flatMap((resource) =>
				(show.operation as string[]).map((operation) => `${resource}.${operation}`),
			);
			expect(pairs.length).toBeGreaterThan(0);
			for (const pair of pairs) expect(known).toContain(pair);
		}
	},
);
