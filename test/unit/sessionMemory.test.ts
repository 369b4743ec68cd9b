/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test code: it runs in Node.js, outside n8n, with the sandbox’s fake secrets */
import type { IDataObject } from 'n8n-workflow';

import { ArmorCredentialError } from '../../credentials/httpFailure';
import {
	forgetSessions,
	manageSession,
	rememberedSecrets,
	type SessionManager,
} from '../../credentials/sessionMemory';
import { issuedTokenState, settingsFingerprint } from '../../credentials/tokenState';

const T0 = 1_700_000_000_000;
const LIFETIME_S = 900;
const RENEW_BEFORE_S = 300;

let clock = T0;
const now = () => clock;

const fingerprint = settingsFingerprint('armorApi', 'https://api.armor.com', 'demo', 'pw');
const otherFingerprint = settingsFingerprint('armorApi', 'https://api.armor.com', 'demo', 'pw2');

function stateFor(token: string, owner = fingerprint): IDataObject {
	return issuedTokenState(token, owner, clock, LIFETIME_S, RENEW_BEFORE_S);
}

/** Resolves (or rejects) after a few milliseconds, so calls started together overlap. */
function later<T>(produce: () => T, ms = 15): Promise<T> {
	return new Promise((resolve, reject) =>
		setTimeout(() => {
			try {
				resolve(produce());
			} catch (error) {
				reject(error);
			}
		}, ms),
	);
}

type Renewal = { state: IDataObject; byLogin: boolean };
type Renew = jest.Mock<Promise<Renewal>, [boolean]>;
type Probe = jest.Mock<Promise<boolean>, [string]>;

const renewMock = (impl: (refused: boolean) => Promise<Renewal>): Renew => jest.fn(impl);
/** isTokenAccepted answering `accepted` every time. */
const probe = (accepted: boolean): Probe => jest.fn<Promise<boolean>, [string]>(async () => accepted);

/** A renewal that logs in and returns token-1, token-2, ... in turn. */
function loginRenewal(owner = fingerprint, prefix = 'token'): Renew {
	let issued = 0;
	return renewMock(() =>
		later(() => ({ state: stateFor(`${prefix}-${++issued}`, owner), byLogin: true })),
	);
}

function manager(
	renew: Renew,
	overrides: Partial<Omit<SessionManager, 'renew' | 'isTokenAccepted'>> & {
		isTokenAccepted?: Probe;
	} = {},
): SessionManager & { renew: Renew; isTokenAccepted: Probe } {
	return {
		fingerprint,
		service: 'Armor',
		presentedToken: '',
		sessionToken: '',
		isTokenAccepted: jest.fn<Promise<boolean>, [string]>(async () => {
			throw new Error('isTokenAccepted should not be called here');
		}),
		...overrides,
		renew,
	};
}

beforeEach(() => {
	forgetSessions();
	clock = T0;
});

describe('manageSession: sharing one renewal', () => {
	it('three concurrent callers with no token share one renewal and get the same state', async () => {
		const renew = loginRenewal();
		const results = await Promise.all([
			manageSession(manager(renew), now),
			manageSession(manager(renew), now),
			manageSession(manager(renew), now),
		]);
		expect(renew).toHaveBeenCalledTimes(1);
		expect(renew).toHaveBeenCalledWith(false);
		const expected = stateFor('token-1');
		for (const result of results) expect(result).toEqual(expected);
		// Each caller gets its own copy: one persisting or changing it cannot touch the others.
		expect(results[0]).not.toBe(results[1]);
		expect(rememberedSecrets(fingerprint)).toEqual(['token-1']);
	});

	it('once the renewal is over, a caller still without a token gets the remembered one', async () => {
		const renew = loginRenewal();
		await manageSession(manager(renew), now);
		clock += 10_000;
		const result = await manageSession(manager(renew), now);
		expect(result.sessionToken).toBe('token-1');
		expect(renew).toHaveBeenCalledTimes(1);
	});
});

describe('manageSession: a newer token renewed by another execution', () => {
	it.each([
		['presents the old token', { presentedToken: 'token-0', sessionToken: 'token-0' }],
		['holds the old token for renewal', { presentedToken: '', sessionToken: 'token-0' }],
	])('a later caller that %s gets the newer state without any request', async (_name, tokens) => {
		const renew = loginRenewal();
		const issued = await manageSession(manager(renew), now);
		clock += 30_000;
		const late = manager(renew, tokens);
		const result = await manageSession(late, now);
		expect(result).toEqual(issued);
		expect(result.sessionToken).toBe('token-1');
		expect(renew).toHaveBeenCalledTimes(1);
		expect(late.isTokenAccepted).not.toHaveBeenCalled();
	});

	it('does not hand out a remembered token once it is due for renewal', async () => {
		const renew = loginRenewal();
		await manageSession(manager(renew), now);
		clock += (LIFETIME_S - RENEW_BEFORE_S) * 1000;
		const result = await manageSession(manager(renew, { sessionToken: 'token-0' }), now);
		expect(result.sessionToken).toBe('token-2');
		expect(renew).toHaveBeenCalledTimes(2);
	});

	it('does not hand out a remembered token obtained with other settings', async () => {
		const foreign = loginRenewal(otherFingerprint);
		await manageSession(manager(foreign), now);
		const renew = loginRenewal(fingerprint, 'mine');
		const result = await manageSession(manager(renew, { sessionToken: 'token-0' }), now);
		expect(result.sessionToken).toBe('mine-1');
		expect(renew).toHaveBeenCalledTimes(1);
	});
});

describe('manageSession: a token presented after an error', () => {
	it('keeps a token the API still accepts: returns {} and never renews', async () => {
		const renew = loginRenewal();
		const accept = probe(true);
		const result = await manageSession(
			manager(renew, {
				presentedToken: 'token-0',
				sessionToken: 'token-0',
				isTokenAccepted: accept,
			}),
			now,
		);
		expect(result).toEqual({});
		expect(accept).toHaveBeenCalledWith('token-0');
		expect(renew).not.toHaveBeenCalled();
	});

	it('logs in again once for a refused token, then stops if the new token is refused too', async () => {
		const renew = loginRenewal();
		const refuse = probe(false);

		const first = await manageSession(
			manager(renew, {
				presentedToken: 'token-0',
				sessionToken: 'token-0',
				isTokenAccepted: refuse,
			}),
			now,
		);
		expect(first.sessionToken).toBe('token-1');
		expect(renew).toHaveBeenCalledTimes(1);
		expect(renew).toHaveBeenLastCalledWith(true);

		clock += 30_000;
		const again = manageSession(
			manager(renew, {
				presentedToken: 'token-1',
				sessionToken: 'token-1',
				isTokenAccepted: refuse,
			}),
			now,
		);
		await expect(again).rejects.toBeInstanceOf(ArmorCredentialError);
		await expect(again).rejects.toThrow(/did not log in again/);
		await expect(again).rejects.toMatchObject({ vendorStatus: 401 });
		expect(refuse).toHaveBeenLastCalledWith('token-1');
		expect(renew).toHaveBeenCalledTimes(1);

		clock = T0 + 61_000;
		const afterAMinute = await manageSession(
			manager(renew, {
				presentedToken: 'token-1',
				sessionToken: 'token-1',
				isTokenAccepted: refuse,
			}),
			now,
		);
		expect(afterAMinute.sessionToken).toBe('token-2');
		expect(renew).toHaveBeenCalledTimes(2);
		expect(renew).toHaveBeenLastCalledWith(true);
	});

	it('logs in at most twice while the API refuses every token', async () => {
		const renew = loginRenewal();
		const refuse = probe(false);
		await manageSession(manager(renew), now); // first use: token-1
		const second = await manageSession(
			manager(renew, {
				presentedToken: 'token-1',
				sessionToken: 'token-1',
				isTokenAccepted: refuse,
			}),
			now,
		);
		expect(second.sessionToken).toBe('token-2');
		await expect(
			manageSession(
				manager(renew, {
					presentedToken: 'token-2',
					sessionToken: 'token-2',
					isTokenAccepted: refuse,
				}),
				now,
			),
		).rejects.toThrow(/did not log in again/);
		expect(renew).toHaveBeenCalledTimes(2);
	});
});

describe('manageSession: a failed renewal', () => {
	it('passes the error to every waiter, remembers nothing, and the next call tries again', async () => {
		const failure = new ArmorCredentialError('Armor is busy.', 503, true);
		const renew = renewMock(() =>
			later(() => {
				throw failure;
			}),
		);
		const outcomes = await Promise.allSettled([
			manageSession(manager(renew), now),
			manageSession(manager(renew), now),
			manageSession(manager(renew), now),
		]);
		expect(renew).toHaveBeenCalledTimes(1);
		for (const outcome of outcomes) {
			expect(outcome).toEqual({ status: 'rejected', reason: failure });
		}
		expect(rememberedSecrets(fingerprint)).toEqual([]);

		renew.mockImplementation(() => later(() => ({ state: stateFor('token-1'), byLogin: true })));
		const retried = await manageSession(manager(renew), now);
		expect(retried.sessionToken).toBe('token-1');
		expect(renew).toHaveBeenCalledTimes(2);
	});

	it('does not remember a renewal that returned no token', async () => {
		const renew = renewMock(() => later(() => ({ state: {}, byLogin: true })));
		expect(await manageSession(manager(renew), now)).toEqual({});
		await manageSession(manager(renew, { sessionToken: 'token-0' }), now);
		expect(renew).toHaveBeenCalledTimes(2);
	});
});

describe('manageSession: different settings', () => {
	it('never share a renewal or a remembered token', async () => {
		const renewA = loginRenewal(fingerprint, 'a');
		const renewB = loginRenewal(otherFingerprint, 'b');
		const [a, b] = await Promise.all([
			manageSession(manager(renewA), now),
			manageSession(manager(renewB, { fingerprint: otherFingerprint }), now),
		]);
		expect(renewA).toHaveBeenCalledTimes(1);
		expect(renewB).toHaveBeenCalledTimes(1);
		expect(a.sessionToken).toBe('a-1');
		expect(b.sessionToken).toBe('b-1');

		// A third setting with only A and B remembered renews for itself.
		const thirdFingerprint = settingsFingerprint(
			'armorApi',
			'https://api.armor.com',
			'other',
			'pw',
		);
		const renewC = loginRenewal(thirdFingerprint, 'c');
		const c = await manageSession(
			manager(renewC, { fingerprint: thirdFingerprint, sessionToken: 'a-1' }),
			now,
		);
		expect(c.sessionToken).toBe('c-1');
		expect(renewA).toHaveBeenCalledTimes(1);
		expect(rememberedSecrets(fingerprint)).toEqual(['a-1']);
		expect(rememberedSecrets(otherFingerprint)).toEqual(['b-1']);
	});
});
