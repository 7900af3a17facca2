/** Text collected into one chunk before it is encoded and sent. */
const CHUNK_CHARS = 64 * 1024;

/**
 * Text as a web stream for a Response, made as the client reads: a large export is never held
 * whole in memory, neither as a string nor as its bytes.
 */
export function textStream(pieces: Iterable<string>): ReadableStream<Uint8Array> {
	const iterator = pieces[Symbol.iterator]();
	const encoder = new TextEncoder();
	return new ReadableStream<Uint8Array>({
		pull(controller) {
			let chunk = '';
			while (chunk.length < CHUNK_CHARS) {
				const next = iterator.next();
				if (next.done) break;
				chunk += next.value;
			}
			if (chunk === '') controller.close();
			else controller.enqueue(encoder.encode(chunk));
		},
		cancel() {
			iterator.return?.();
		}
	});
}
