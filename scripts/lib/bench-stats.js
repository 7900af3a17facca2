// Small helpers every benchmark module shares: percentiles, number formatting, the machine's load
// and the server's memory. The machine is often shared, so every bench prints its load average.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';

/**
 * The q-quantile of an ascending list (nearest rank).
 * @param {number[]} sorted ascending
 * @param {number} q 0..1
 */
export function percentile(sorted, q) {
	if (sorted.length === 0) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** @param {number} n @param {number} [digits] */
export const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '-');

/** @param {string} token */
export const hashToken = (token) => createHash('sha256').update(token).digest('hex');

/** @param {boolean} ok */
export const mark = (ok) => (ok ? 'gehaald' : 'NIET gehaald');

/** "load average (1/5/15 min): 1.23 / 2.34 / 3.45": other work on the machine lowers every figure. */
export function loadLine() {
	return `load average (1/5/15 min): ${loadavg()
		.map((n) => n.toFixed(2))
		.join(' / ')}`;
}

/**
 * A memory figure of a process from /proc (Linux): VmRSS now, VmHWM the peak so far; in bytes,
 * or null where /proc is not there.
 * @param {number} pid
 * @param {'VmRSS' | 'VmHWM'} field
 */
export function memoryOf(pid, field) {
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
		return match ? Number(match[1]) * 1024 : null;
	} catch {
		return null;
	}
}

/**
 * Watches a process's resident memory from now on: the kernel's peak (VmHWM) is reset where
 * Linux allows it, and VmRSS is sampled every few milliseconds as well, so a short peak between
 * samples still counts. `stop()` returns the peak in bytes (null without /proc).
 * @param {number} pid
 */
export function watchPeakRss(pid, intervalMs = 5) {
	let resetWorked = false;
	try {
		// "5" resets the peak resident set size (Documentation/filesystems/proc.rst).
		writeFileSync(`/proc/${pid}/clear_refs`, '5');
		resetWorked = true;
	} catch {
		// not Linux, or not allowed: the samples alone
	}
	let peak = memoryOf(pid, 'VmRSS');
	const timer = setInterval(() => {
		const now = memoryOf(pid, 'VmRSS');
		if (now !== null && (peak === null || now > peak)) peak = now;
	}, intervalMs);
	return {
		stop() {
			clearInterval(timer);
			const hwm = resetWorked ? memoryOf(pid, 'VmHWM') : null;
			if (hwm !== null && (peak === null || hwm > peak)) peak = hwm;
			return peak;
		}
	};
}

/** @param {number | null} bytes */
export const mb = (bytes) =>
	bytes === null ? 'onbekend' : `${(bytes / 1024 / 1024).toFixed(0)} MB`;
