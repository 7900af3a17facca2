// Which address phones in the room can use to reach this computer. Plain JavaScript (typed with
// JSDoc) because two programs use it: the app, for the join screen and its QR code, and
// scripts/start.js, which prints the addresses before any build exists to import from.

/**
 * @typedef {{ address: string, family: string | number, internal: boolean }} InterfaceAddress
 * @typedef {Record<string, InterfaceAddress[] | undefined>} Interfaces
 */

/**
 * Names of interfaces that exist on the computer but not on the room's Wi-Fi: containers, virtual
 * machines and VPNs. Their addresses are offered last.
 */
const VIRTUAL_INTERFACE =
	/^(docker|br-|veth|virbr|vboxnet|vmnet|vnet|lxc|lxd|podman|cni|flannel|tun|tap|utun|wg|tailscale|zt|ham)/i;

/** @param {string} address an IPv4 address */
function octets(address) {
	return address.split('.').map(Number);
}

/** 10/8, 172.16/12 and 192.168/16: the ranges a home or office Wi-Fi hands out. @param {string} address */
function isPrivateIPv4(address) {
	const [a, b] = octets(address);
	return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
}

/**
 * Whether a host name means "this computer only": localhost, 127.0.0.0/8 or ::1. Such an address
 * in a QR code would send a phone to itself.
 * @param {string} hostname as in URL.hostname (IPv6 in brackets)
 */
export function isLoopbackHost(hostname) {
	const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
	return (
		host === 'localhost' ||
		host.endsWith('.localhost') ||
		host === '::1' ||
		host === '0.0.0.0' ||
		/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
	);
}

/**
 * The IPv4 addresses of this computer that other devices on the network may reach, best first:
 * private addresses of real network cards (the Wi-Fi or cable of the room), then other addresses,
 * then those of containers, virtual machines and VPNs. Never loopback or link-local (169.254/16).
 * @param {Interfaces} interfaces as from os.networkInterfaces()
 * @returns {string[]}
 */
export function reachableAddresses(interfaces) {
	/** @type {{ address: string, rank: number }[]} */
	const found = [];
	for (const [name, addresses] of Object.entries(interfaces)) {
		for (const { address, family, internal } of addresses ?? []) {
			// Node 18.0-18.3 reported the family as a number.
			if (internal || (family !== 'IPv4' && family !== 4)) continue;
			if (isLoopbackHost(address) || address.startsWith('169.254.')) continue;
			const rank = VIRTUAL_INTERFACE.test(name) ? 2 : isPrivateIPv4(address) ? 0 : 1;
			if (!found.some((f) => f.address === address)) found.push({ address, rank });
		}
	}
	// A stable sort: within a rank the order of the operating system stays.
	return found.sort((a, b) => a.rank - b.rank).map((f) => f.address);
}

/**
 * The origin to put in links, the QR code and invitations, so that others can open them.
 * - A configured public address (ORIGIN) always wins.
 * - A request that already came in by a reachable name or address keeps it.
 * - A request to localhost gets this computer's best network address, same protocol and port.
 * - Without a network address, localhost it is, and `onlyThisComputer` says so.
 * @param {{ configured?: string, requestOrigin: string, addresses: string[] }} input
 * @returns {{ origin: string, onlyThisComputer: boolean }}
 */
export function shareOrigin({ configured, requestOrigin, addresses }) {
	if (configured) return { origin: new URL(configured).origin, onlyThisComputer: false };
	const url = new URL(requestOrigin);
	if (!isLoopbackHost(url.hostname)) return { origin: url.origin, onlyThisComputer: false };
	if (addresses.length === 0) return { origin: url.origin, onlyThisComputer: true };
	url.hostname = addresses[0];
	return { origin: url.origin, onlyThisComputer: false };
}

/**
 * What `npm start` tells the facilitator: where the app runs on this computer, and the addresses
 * phones in the room can use (none when HOST keeps it to this computer or there is no network).
 * @param {{ origin?: string, host: string, port: string, addresses: string[] }} settings
 * @returns {{ local: string, forPhones: string[], why?: 'host' | 'no-network' }}
 */
export function startAddresses({ origin, host, port, addresses }) {
	const everywhere = host === '0.0.0.0' || host === '::' || host === '';
	const hostInUrl = host.includes(':') ? `[${host}]` : host;
	const local = origin
		? new URL(origin).origin
		: `http://${everywhere ? 'localhost' : hostInUrl}:${port}`;
	if (origin) return { local, forPhones: [local] };
	if (!everywhere) {
		return isLoopbackHost(host)
			? { local, forPhones: [], why: 'host' }
			: { local, forPhones: [local] };
	}
	if (addresses.length === 0) return { local, forPhones: [], why: 'no-network' };
	return { local, forPhones: addresses.map((address) => `http://${address}:${port}`) };
}
