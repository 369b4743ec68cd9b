/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test code: it runs in Node.js, outside n8n, with the sandbox’s fake secrets */
import { AdaptiveGate } from '../../nodes/shared/concurrency';

/** Runs `tasks` jobs through the gate; each job waits until released by the test. */
function harness(gate: AdaptiveGate) {
	let running = 0;
	let peak = 0;
	const releases: Array<() => void> = [];
	const start = async () => {
		await gate.acquire();
		running++;
		peak = Math.max(peak, running);
		await new Promise<void>((resolve) => releases.push(resolve));
		running--;
		gate.release();
	};
	return {
		start,
		get running() {
			return running;
		},
		get peak() {
			return peak;
		},
		finishOne: async () => {
			releases.shift()?.();
			await new Promise((resolve) => setImmediate(resolve));
		},
	};
}

const tick = async () => await new Promise((resolve) => setImmediate(resolve));

test('never runs more than its limit, and hands slots over in order', async () => {
	const gate = new AdaptiveGate(3);
	const h = harness(gate);
	const jobs = Array.from({ length: 7 }, async () => await h.start());
	await tick();
	expect(h.running).toBe(3);
	for (let i = 0; i < 7; i++) await h.finishOne();
	await Promise.all(jobs);
	expect(h.peak).toBe(3);
});

test('a 429 halves what runs at once; calm answers raise it back one by one', async () => {
	const gate = new AdaptiveGate(8);
	gate.throttled();
	expect(gate.limit).toBe(4);
	gate.throttled();
	gate.throttled();
	gate.throttled();
	expect(gate.limit).toBe(1);
	gate.answered();
	expect(gate.limit).toBe(2);
	gate.answered();
	expect(gate.limit).toBe(2);
	gate.answered();
	expect(gate.limit).toBe(3);
	for (let i = 0; i < 100; i++) gate.answered();
	expect(gate.limit).toBe(8);
});

test('after a 429, running jobs finish but no new one starts until fewer run than the new limit', async () => {
	const gate = new AdaptiveGate(4);
	const h = harness(gate);
	const jobs = Array.from({ length: 6 }, async () => await h.start());
	await tick();
	expect(h.running).toBe(4);
	gate.throttled(); // limit 2
	await h.finishOne();
	expect(h.running).toBe(3);
	await h.finishOne();
	expect(h.running).toBe(2);
	await h.finishOne(); // a slot is handed over: still 2
	expect(h.running).toBe(2);
	for (let i = 0; i < 3; i++) await h.finishOne();
	await Promise.all(jobs);
	expect(h.running).toBe(0);
});
