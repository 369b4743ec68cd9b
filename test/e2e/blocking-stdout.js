// @ts-check
// Preloaded into every `n8n execute` (NODE_OPTIONS=--require): n8n 2.41 prints the run and exits with 0
// before a piped stdout has drained, so a large run (tens of MB) arrives cut off. Blocking writes fix that.
for (const stream of [process.stdout, process.stderr]) {
	const handle = /** @type {any} */ (stream)._handle;
	if (handle && typeof handle.setBlocking === 'function') handle.setBlocking(true);
}
