import type { Connection } from '.';

/** Told about every shared commit (for /metrics): how many jobs, and seconds from start to disk. */
export type CommitObserver = (batchSize: number, seconds: number) => void;

let observer: CommitObserver | undefined;

/** Registers the one observer of all group commits; the metrics module does this when it is on. */
export function observeCommits(next: CommitObserver | undefined): void {
	observer = next;
}

interface Job {
	work: () => unknown;
	resolve: (value: unknown) => void;
	reject: (error: unknown) => void;
}

/**
 * Group commit: saves that arrive while the disk is busy with the previous commit are written
 * together in one transaction, with one fsync, instead of one fsync each. Every caller's promise
 * settles only after the shared commit is on disk, so an acknowledgement still means durable.
 * Each job runs in its own savepoint (better-sqlite3 nests transactions that way): one failing
 * job rolls back alone and the others still commit.
 */
export class GroupCommit {
	private queue: Job[] = [];
	private scheduled = false;
	/** Commits made so far, and jobs in them: their ratio is the batching achieved. */
	commits = 0;
	jobs = 0;

	constructor(private readonly db: Connection) {}

	/** Runs `work` (synchronous database writes) in the next shared transaction. */
	run<T>(work: () => T): Promise<T> {
		return new Promise<T>((resolve, reject) => {
			this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
			if (!this.scheduled) {
				this.scheduled = true;
				// After the I/O phase: requests that queued up during the last commit join this one.
				setImmediate(() => this.flush());
			}
		});
	}

	private flush(): void {
		this.scheduled = false;
		const batch = this.queue;
		this.queue = [];
		const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
		const started = performance.now();
		try {
			// IMMEDIATE: take the write lock at the start, waiting (busy_timeout) for any other writer.
			// A deferred transaction that reads first fails at once with "database is locked" when
			// another connection (a maintenance script) wrote in between.
			this.db.$client
				.transaction(() => {
					for (const job of batch) {
						try {
							outcomes.push({ ok: true, value: this.db.$client.transaction(job.work)() });
						} catch (error) {
							outcomes.push({ ok: false, error });
						}
					}
				})
				.immediate();
			this.commits++;
			this.jobs += batch.length;
			observer?.(batch.length, (performance.now() - started) / 1000);
		} catch (error) {
			// The commit itself failed: nothing of this batch is durable.
			for (const job of batch) job.reject(error);
			return;
		}
		batch.forEach((job, i) => {
			const outcome = outcomes[i];
			if (outcome.ok) job.resolve(outcome.value);
			else job.reject(outcome.error);
		});
	}
}

const committers = new WeakMap<Connection, GroupCommit>();

/** The group committer of a connection. */
export function groupCommit(db: Connection): GroupCommit {
	let committer = committers.get(db);
	if (!committer) committers.set(db, (committer = new GroupCommit(db)));
	return committer;
}
