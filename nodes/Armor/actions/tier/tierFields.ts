import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { idField } from '../../../shared/descriptions';

/** Shared by the Tier operations: the tier ID field, and the tier out of a workload answer. */
export const tierIdField = idField(
	'Tier ID',
	'tierId',
	'1001301',
	'ID of the tier, as Tier > Get Many lists it in "id"',
);

export const tierNameField = {
	displayName: 'Name',
	name: 'name',
	type: 'string' as const,
	required: true,
	default: '',
	placeholder: 'e.g. Web',
	description: 'Unique within the workload, at most 128 characters',
};

/**
 * Armor answers a tier change with the whole workload: the tier it was about is found there (by ID, or for a
 * new tier by its name, the newest of that name), so the operation returns what its name says. An answer that
 * is already a tier is returned as it is.
 */
export function tierInAnswer(
	this: IExecuteFunctions,
	itemIndex: number,
	answer: unknown,
	wanted: { id: number } | { name: string },
): IDataObject {
	const body = (answer && typeof answer === 'object' ? answer : {}) as IDataObject;
	if (!Array.isArray(body.tiers) && body.id !== undefined && body.name !== undefined) return body;
	const tiers = (Array.isArray(body.tiers) ? body.tiers : []) as IDataObject[];
	const found =
		'id' in wanted
			? tiers.find((tier) => Number(tier.id) === wanted.id)
			: tiers
					.filter(
						(tier) =>
							String(tier.name ?? '')
								.trim()
								.toLowerCase() === wanted.name.toLowerCase(),
					)
					.sort((a, b) => Number(b.id) - Number(a.id))[0];
	if (found) return found;
	throw new NodeApiError(
		this.getNode(),
		{ message: 'The tier is missing from the answer' },
		{
			itemIndex,
			message: 'Armor accepted the change but its answer does not list the tier.',
			description: 'Check the workload with Tier > Get Many before trying again.',
		},
	);
}
