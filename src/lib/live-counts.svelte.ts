import { onMount } from 'svelte';
import type { ResponseCounts as Counts } from '$lib/domain/response-counts';

/**
 * Started and sent questionnaires of an open session, kept current by polling the small JSON
 * endpoint (no-store) every few seconds: enough for a room of 8 to 15 people. Without JavaScript
 * the pages offer a refresh instead. Call `start` from onMount; it returns the clean-up.
 */
export class LiveCounts {
	private live = $state<Counts | null>(null);

	constructor(
		private readonly sessionId: () => number,
		private readonly loaded: () => Counts,
		private readonly isOpen: () => boolean
	) {}

	get current(): Counts {
		return this.live ?? this.loaded();
	}

	/** Newly loaded page data wins over an older poll. */
	reset(): void {
		this.live = null;
	}

	start(intervalMs = 3000): () => void {
		const timer = setInterval(async () => {
			if (!this.isOpen()) return;
			try {
				const response = await fetch(`/beheer/sessies/${this.sessionId()}/aantallen`);
				if (response.ok) {
					this.live = (await response.json()) as Counts;
				}
			} catch {
				// Keep the last counts; the next poll tries again.
			}
		}, intervalMs);
		return () => clearInterval(timer);
	}
}

/**
 * Live counts for a page whose data holds the session and its counts: polls from mount, and newly
 * loaded page data wins. Call during component initialisation.
 */
export function watchLiveCounts(
	data: () => { session: { id: number; status: string }; counts: Counts }
): LiveCounts {
	const live = new LiveCounts(
		() => data().session.id,
		() => data().counts,
		() => data().session.status === 'open'
	);
	onMount(() => live.start());
	$effect(() => {
		void data().counts;
		live.reset();
	});
	return live;
}
