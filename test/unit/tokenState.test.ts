import {
	isRenewalDue,
	isSessionAlive,
	issuedTokenState,
	keptTokenState,
	ownsToken,
	settingsFingerprint,
	tokenToPresent,
} from '../../credentials/tokenState';
import { readExpiresIn } from '../../credentials/armorSession';

describe('token state', () => {
	const owner = settingsFingerprint('armorApi', 'https://api.armor.com', 'user', 'pw');
	const now = 1_700_000_000_000;
	const state = issuedTokenState('token', owner, now, 900, 300);

	it('records expiry and renewal times', () => {
		expect(state).toEqual({
			accessToken: 'token',
			sessionToken: 'token',
			tokenExpiresAt: now + 900_000,
			tokenRenewAt: now + 600_000,
			tokenOwner: expect.stringMatching(/^[0-9a-f]{64}$/),
		});
	});

	it('stores a fingerprint keyed by the token, not a plain hash of the settings', () => {
		expect(state.tokenOwner).not.toBe(owner);
		expect(ownsToken(state.tokenOwner, 'token', owner)).toBe(true);
		expect(ownsToken(state.tokenOwner, 'other-token', owner)).toBe(false);
		expect(issuedTokenState('token2', owner, now, 900, 300).tokenOwner).not.toBe(state.tokenOwner);
	});

	it('presents only a token obtained with the current settings', () => {
		const other = settingsFingerprint('armorApi', 'https://api.armor.com', 'user', 'pw2');
		expect(tokenToPresent(state as never, owner)).toBe('token');
		expect(tokenToPresent(state as never, other)).toBe('');
	});

	it('keeps a live token after a passing failure and retries renewal later, before expiry', () => {
		const kept = keptTokenState({ ...state, accessToken: '' }, now + 700_000, 30_000);
		expect(kept.accessToken).toBe('token');
		expect(kept.tokenRenewAt).toBe(now + 730_000);
		expect(isRenewalDue(kept, owner, now + 720_000)).toBe(false);
		const late = keptTokenState(state, now + 880_000, 30_000);
		expect(late.tokenRenewAt).toBeLessThan(state.tokenExpiresAt);
	});

	it('is fresh until the renewal time, then due', () => {
		expect(isRenewalDue(state, owner, now + 599_000)).toBe(false);
		expect(isRenewalDue(state, owner, now + 600_000)).toBe(true);
		expect(isSessionAlive(state, owner, now + 600_000)).toBe(true);
	});

	it('treats a token within 5 s of expiry as dead', () => {
		expect(isSessionAlive(state, owner, now + 894_000)).toBe(true);
		expect(isSessionAlive(state, owner, now + 895_000)).toBe(false);
	});

	it('never reuses a token obtained with other settings', () => {
		const otherPassword = settingsFingerprint('armorApi', 'https://api.armor.com', 'user', 'pw2');
		expect(otherPassword).not.toBe(owner);
		expect(isSessionAlive(state, otherPassword, now)).toBe(false);
		expect(isRenewalDue(state, otherPassword, now)).toBe(true);
	});

	it('does not let field boundaries blur in the fingerprint', () => {
		expect(settingsFingerprint('ab', 'c')).not.toBe(settingsFingerprint('a', 'bc'));
	});

	it('a missing token is due', () => {
		expect(isRenewalDue({ ...state, accessToken: '' }, owner, now)).toBe(true);
	});
});

describe('readExpiresIn', () => {
	it.each([
		[15, 900],
		[60, 3600],
		[61, 61],
		[900, 900],
		[1800, 1800],
		['15', 900],
		[0, 900],
		[undefined, 900],
		['soon', 900],
	])('%p -> %p seconds', (value, seconds) => {
		expect(readExpiresIn(value)).toBe(seconds);
	});
});
