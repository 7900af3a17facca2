import { deserialize } from '$app/forms';

export type SaveState = 'idle' | 'saving' | 'saved' | 'offline' | 'error';

/**
 * Saves a form in the background through its own form action. One save at a time; a change
 * during a save is sent after it. When the network fails, the answers stay in the form and the
 * next change, the browser coming back online, or a retry timer sends them.
 */
export class AutoSave {
	state = $state<SaveState>('idle');
	message = $state('');
	private inFlight = false;
	private pending = false;
	private retryTimer: ReturnType<typeof setTimeout> | undefined;

	constructor(private readonly form: () => HTMLFormElement | undefined) {}

	request = (): void => {
		if (this.inFlight) {
			this.pending = true;
			return;
		}
		void this.send();
	};

	/** Waits until no save is running, so a navigation never overtakes a background save. */
	async settle(): Promise<void> {
		while (this.inFlight) await new Promise((r) => setTimeout(r, 25));
	}

	private async send(): Promise<void> {
		const form = this.form();
		if (!form) return;
		clearTimeout(this.retryTimer);
		this.inFlight = true;
		this.pending = false;
		this.state = 'saving';
		const body = new FormData(form);
		body.set('naar', 'blijf');
		try {
			const response = await fetch(form.action, {
				method: 'POST',
				body,
				headers: { 'x-sveltekit-action': 'true' }
			});
			const result = deserialize(await response.text());
			if (result.type === 'success') {
				this.state = 'saved';
				this.message = '';
			} else {
				this.state = 'error';
				const data = result.type === 'failure' ? result.data : undefined;
				this.message =
					typeof data?.message === 'string'
						? data.message
						: 'Opslaan lukte niet. Probeer het nog eens.';
			}
		} catch {
			this.state = 'offline';
			this.retryTimer = setTimeout(this.request, 10_000);
		} finally {
			this.inFlight = false;
		}
		if (this.pending) void this.send();
	}

	destroy(): void {
		clearTimeout(this.retryTimer);
	}
}
