// @ts-check
'use strict';

/**
 * The simulated person behind Auth Armor auth requests and registrations (knobs `authArmorApprover`,
 * `authArmorApproverByUser`). Nothing runs on a timer: a request's outcome is computed whenever it is read,
 * from when it started, the approver taken at its start, and its timeout.
 */

/** @typedef {import('../state').SandboxState} SandboxState */
/** @typedef {import('../state').Approver} Approver */

/**
 * The approver for a username: its `authArmorApproverByUser` entry (case-insensitive), else `authArmorApprover`.
 * @param {SandboxState} state
 * @param {string | null} username null: a usernameless request
 * @returns {Approver}
 */
function approverFor(state, username) {
	if (username !== null) {
		const lower = username.toLowerCase();
		for (const [name, approver] of Object.entries(state.knobs.authArmorApproverByUser)) {
			if (name.toLowerCase() === lower) return approver;
		}
	}
	return state.knobs.authArmorApprover;
}

/**
 * @typedef {{ kind: 'pending' } | { kind: 'approved' | 'declined' | 'timeout', at: number }} Outcome
 */

/**
 * What the person has done by `now` with a flow that started at `startedAt`:
 * - approve / decline: at `startedAt + afterMs`; when afterMs is not below the request's timeout, it times out
 *   at the timeout instead;
 * - timeout: at the timeout the request gave (`timeout_in_seconds`), else at `afterMs`;
 * - never: pending for ever.
 * @param {{ startedAt: number, timeoutSeconds: number, timeoutGiven: boolean, approver: Approver }} flow
 * @param {number} now
 * @returns {Outcome}
 */
function outcomeAt(flow, now) {
	const { action, afterMs } = flow.approver;
	const timeoutMs = flow.timeoutSeconds * 1000;
	if (action === 'never') return { kind: 'pending' };
	/** @type {Outcome} */
	let outcome;
	if (action === 'timeout') {
		outcome = { kind: 'timeout', at: flow.startedAt + (flow.timeoutGiven ? timeoutMs : afterMs) };
	} else if (afterMs >= timeoutMs) {
		outcome = { kind: 'timeout', at: flow.startedAt + timeoutMs };
	} else {
		outcome = {
			kind: action === 'approve' ? 'approved' : 'declined',
			at: flow.startedAt + afterMs,
		};
	}
	return now >= outcome.at ? outcome : { kind: 'pending' };
}

module.exports = { approverFor, outcomeAt };
