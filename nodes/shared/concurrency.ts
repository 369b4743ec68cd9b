/**
 * How many items of one node run at the same time: up to "Parallel Requests", halved each time the API answers
 * 429 Too Many Requests and raised again by one after a run of answers without it. Slots are handed over by
 * promises (no timers), in the order they were asked for.
 */
export class AdaptiveGate {
	private current: number;
	private running = 0;
	private calmAnswers = 0;
	private readonly waiting: Array<() => void> = [];

	constructor(readonly max: number) {
		this.current = max;
	}

	/** How many may run at once now. */
	get limit(): number {
		return this.current;
	}

	async acquire(): Promise<void> {
		if (this.running < this.current) {
			this.running++;
			return;
		}
		await new Promise<void>((resolve) => this.waiting.push(resolve));
	}

	release(): void {
		const next = this.running <= this.current ? this.waiting.shift() : undefined;
		if (next) next();
		else this.running--;
	}

	/** The API answered 429: halve what runs at once (not below one). */
	throttled(): void {
		this.current = Math.max(1, Math.floor(this.current / 2));
		this.calmAnswers = 0;
	}

	/** An answer without 429: after as many as may run at once, allow one more. */
	answered(): void {
		if (this.current >= this.max) return;
		if (++this.calmAnswers >= this.current) {
			this.current++;
			this.calmAnswers = 0;
			const next = this.running < this.current ? this.waiting.shift() : undefined;
			if (next) {
				this.running++;
				next();
			}
		}
	}
}

/** The gate of each running node execution, so the transport can report 429s to it. */
const gates = new WeakMap<object, AdaptiveGate>();

export function gateFor(context: object): AdaptiveGate | undefined {
	return gates.get(context);
}

export function openGate(context: object, max: number): AdaptiveGate {
	const gate = new AdaptiveGate(max);
	gates.set(context, gate);
	return gate;
}
