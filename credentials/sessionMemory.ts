import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { ArmorCredentialError } from './httpFailure';
import { isRenewalDue, readTokenState } from './tokenState';

/**
 * What this n8n process knows about each credential's newest token, shared by every execution and item in it.
 * n8n hands each execution the credential as it was stored when that execution read it; when several run at
 * once, only this memory knows that another one has just renewed the token. Keyed by the settings' fingerprint,
 * so a changed password or secret starts afresh.
 */
interface KnownSession {
	state: IDataObject;
	/** When a full login (or client-credentials token request) produced it; undefined for a reissue. */
	loggedInAt?: number;
	/** That login replaced a token the API had refused. */
	afterRefusal: boolean;
}

const MAX_REMEMBERED = 500;
/**
 * A token refused this soon after the login that replaced an earlier refused token is not followed by a third
 * login: the API refuses every token, and each login could cost an MFA prompt.
 */
const FRESH_LOGIN_MS = 60_000;

const sessions = new Map<string, KnownSession>();
const renewals = new Map<string, Promise<IDataObject>>();

function remember(
	fingerprint: string,
	state: IDataObject,
	loggedInAt: number | undefined,
	afterRefusal: boolean,
): void {
	sessions.delete(fingerprint);
	sessions.set(fingerprint, { state: { ...state }, loggedInAt, afterRefusal });
	if (sessions.size > MAX_REMEMBERED) sessions.delete(sessions.keys().next().value as string);
}

/** The newest token of these settings, when it differs from `presented` and is good to use now. */
function newerSession(
	fingerprint: string,
	presented: string,
	now: number,
): IDataObject | undefined {
	const known = sessions.get(fingerprint);
	if (!known) return undefined;
	const state = readTokenState(known.state as ICredentialDataDecryptedObject);
	if (state.sessionToken === presented || isRenewalDue(state, fingerprint, now)) return undefined;
	return { ...known.state };
}

/** `token` came from a login that itself replaced a refused token, moments ago. */
function isRefusedAgain(fingerprint: string, token: string, now: number): boolean {
	const known = sessions.get(fingerprint);
	return (
		known?.loggedInAt !== undefined &&
		known.afterRefusal &&
		readTokenState(known.state as ICredentialDataDecryptedObject).sessionToken === token &&
		now - known.loggedInAt < FRESH_LOGIN_MS
	);
}

/** What a credential type brings to `manageSession`. */
export interface SessionManager {
	/** Fingerprint of the credential's current settings. */
	fingerprint: string;
	/** The vendor's name, for messages. */
	service: string;
	/** The token n8n is about to present or just presented ('' = none: first use, or renewal due). */
	presentedToken: string;
	/** The live session token (kept even when `presentedToken` is blanked for renewal). */
	sessionToken: string;
	/** Asks the API whether it still accepts `token`: false only for a clear 401. */
	isTokenAccepted(token: string): Promise<boolean>;
	/** Gets a new token: `refused` when the API just refused the current one (no reissue then). */
	renew(refused: boolean): Promise<{ state: IDataObject; byLogin: boolean }>;
}

/**
 * The token decision of `preAuthentication`, once per credential per process:
 * - another execution renewed the token meanwhile: use that one (no request);
 * - n8n called after an error with a token (a 401 from our nodes; any error from n8n's HTTP Request node):
 *   ask the API whether the token is still accepted; if so keep it (a 404 or 500 costs no login); if it
 *   was refused right after a login that already replaced a refused token, stop rather than log in again
 *   and again (at most two logins while an API refuses every token);
 * - otherwise renew, and every caller that needs a renewal at the same time shares that one renewal.
 * Returns the state to persist, or `{}` to keep the stored token.
 */
export async function manageSession(
	manager: SessionManager,
	now: () => number = Date.now,
): Promise<IDataObject> {
	const { fingerprint, presentedToken } = manager;
	const current = presentedToken || manager.sessionToken;
	const newer = newerSession(fingerprint, current, now());
	if (newer) return newer;
	if (presentedToken) {
		if (await manager.isTokenAccepted(presentedToken)) return {};
		const renewedMeanwhile = newerSession(fingerprint, current, now());
		if (renewedMeanwhile) return renewedMeanwhile;
		if (isRefusedAgain(fingerprint, presentedToken, now())) {
			throw new ArmorCredentialError(
				`${manager.service} refused the token it issued moments ago, so the credential did not log in again (that would only repeat the refusal, and an MFA prompt each time). Check that the user may use the API, then run the workflow again.`,
				401,
			);
		}
	}
	const pending = renewals.get(fingerprint);
	if (pending) return { ...(await pending) };
	const renewal = (async () => {
		const refused = presentedToken !== '';
		const { state, byLogin } = await manager.renew(refused);
		if (state.accessToken) remember(fingerprint, state, byLogin ? now() : undefined, refused);
		return state;
	})();
	renewals.set(fingerprint, renewal);
	try {
		return { ...(await renewal) };
	} finally {
		renewals.delete(fingerprint);
	}
}

/** The newest token this process holds for these settings, for redaction. */
export function rememberedSecrets(fingerprint: string): string[] {
	const known = sessions.get(fingerprint);
	return known ? [String(known.state.sessionToken ?? '')].filter(Boolean) : [];
}

/** Forgets everything (tests). */
export function forgetSessions(): void {
	sessions.clear();
	renewals.clear();
}
