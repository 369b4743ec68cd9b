import type { HttpFailure } from '../../credentials/httpFailure';

/**
 * When a failed request is tried again, and after how long. Busy or briefly absent services (429, 502, 503,
 * 504, a dropped connection) are retried with exponential back-off and jitter, honouring `Retry-After`;
 * a request that may have changed something (POST, PATCH, DELETE) is retried only when it never reached the
 * server or was refused with 429 before any work was done.
 */
export interface RetryPolicy {
	/** Attempts in all, the first one included. */
	maxAttempts: number;
	/** The first back-off; each next one doubles. */
	baseDelayMs: number;
	/** No single wait is longer. */
	maxDelayMs: number;
	/** The waits of one request add up to at most this. */
	maxTotalWaitMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxAttempts: 4,
	baseDelayMs: 500,
	maxDelayMs: 20_000,
	maxTotalWaitMs: 60_000,
};

export const NO_RETRIES: RetryPolicy = { ...DEFAULT_RETRY_POLICY, maxAttempts: 1 };

const RETRIED_STATUSES = [429, 502, 503, 504];
/** Network failures in which the request never reached the server: safe to send again whatever it does. */
const NOT_SENT_CODES = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH'];
/** Network failures in which the server may have received the request. */
const MAYBE_SENT_CODES = ['ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'EPIPE', 'ESOCKETTIMEDOUT'];
const IDEMPOTENT_METHODS = ['GET', 'HEAD', 'OPTIONS', 'PUT'];

/** Whether this failure of this request may be tried again, whatever the attempt. */
export function isRetryable(failure: HttpFailure, method: string): boolean {
	const idempotent = IDEMPOTENT_METHODS.includes(method.toUpperCase());
	if (failure.status !== undefined) {
		if (failure.status === 429) return true;
		return idempotent && RETRIED_STATUSES.includes(failure.status);
	}
	if (NOT_SENT_CODES.includes(String(failure.code))) return true;
	return idempotent && MAYBE_SENT_CODES.includes(String(failure.code));
}

/** `Retry-After` in milliseconds: seconds, or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(
	headers: Record<string, unknown> | undefined,
	now: number,
): number | undefined {
	const raw = headers?.['retry-after'] ?? headers?.['Retry-After'];
	if (raw === undefined || raw === null || raw === '') return undefined;
	const text = String(raw).trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
	const date = Date.parse(text);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * How long to wait before attempt `attempt + 1`, or undefined to give up: not retryable, attempts used up,
 * or the wait would take the request past its total budget (a `Retry-After` beyond it is not waited out).
 */
export function nextRetryDelayMs(
	failure: HttpFailure,
	method: string,
	attempt: number,
	waitedMs: number,
	policy: RetryPolicy = DEFAULT_RETRY_POLICY,
	{ now = Date.now(), random = Math.random }: { now?: number; random?: () => number } = {},
): number | undefined {
	if (attempt >= policy.maxAttempts || !isRetryable(failure, method)) return undefined;
	const asked = retryAfterMs(failure.headers, now);
	const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
	// Half fixed, half random: spread out the clients that failed together.
	const delay = asked ?? Math.round(backoff / 2 + (random() * backoff) / 2);
	if (delay > policy.maxDelayMs && asked === undefined) return undefined;
	if (waitedMs + delay > policy.maxTotalWaitMs) return undefined;
	return delay;
}
