import type { RequestEvent } from '@sveltejs/kit';
import { BlockList, isIP } from 'node:net';

/**
 * The visitor's address for the rate limits. With ADDRESS_HEADER set, adapter-node believes that
 * header from anyone; but when the port is also reachable directly, anyone can send a forged
 * X-Forwarded-For and get a fresh address per request. So the header only counts when the
 * connection itself comes from a trusted proxy: loopback, or an address in TRUSTED_PROXIES.
 */

/** "loopback", addresses and subnets ("10.0.0.0/8", "fd00::/8"), separated by commas. */
export function parseTrustedProxies(value: string | undefined): BlockList {
	const list = new BlockList();
	for (const entry of (value?.trim() ? value : 'loopback').split(',').map((e) => e.trim())) {
		if (entry === '') continue;
		if (entry === 'loopback') {
			list.addSubnet('127.0.0.0', 8, 'ipv4');
			list.addAddress('::1', 'ipv6');
			continue;
		}
		const [address, bits] = entry.split('/');
		const family = isIP(address);
		const prefix = Number(bits);
		const maxPrefix = family === 4 ? 32 : 128;
		if (
			family === 0 ||
			(bits !== undefined && !(Number.isInteger(prefix) && prefix >= 0 && prefix <= maxPrefix))
		) {
			throw new Error(
				`TRUSTED_PROXIES: "${entry}" is geen IP-adres of subnet (bijvoorbeeld 10.0.0.5 of 10.0.0.0/8)`
			);
		}
		const type = family === 4 ? 'ipv4' : 'ipv6';
		if (bits === undefined) list.addAddress(address, type);
		else list.addSubnet(address, prefix, type);
	}
	return list;
}

/** An IPv4 address that arrived on an IPv6 socket ("::ffff:127.0.0.1") as plain IPv4. */
export function plainAddress(address: string): string {
	const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
	return mapped ? mapped[1] : address;
}

export function isTrusted(peer: string, trusted: BlockList): boolean {
	const address = plainAddress(peer);
	const family = isIP(address);
	return family !== 0 && trusted.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * The address to count: the header's (through adapter-node's `fromHeader`, which applies
 * XFF_DEPTH) when the peer is a trusted proxy and the header is there, else the peer itself.
 */
export function chooseClientAddress(
	peer: string | undefined,
	trusted: BlockList,
	fromHeader: () => string
): string {
	if (peer === undefined) return fromHeader();
	if (!isTrusted(peer, trusted)) return plainAddress(peer);
	try {
		return fromHeader() || plainAddress(peer);
	} catch {
		// adapter-node throws when the header is missing or has fewer hops than XFF_DEPTH.
		return plainAddress(peer);
	}
}

/**
 * The proxy headers (ADDRESS_HEADER, PROTOCOL_HEADER, HOST_HEADER, PORT_HEADER) that a request
 * from an untrusted peer carries. Such a request went around the proxy and claims to come through
 * it: refused, rather than quietly believed or ignored. With HOST on loopback only the proxy on
 * the same machine can connect; on any other HOST anyone who reaches the port could try.
 */
export function forgedProxyHeaders(
	peer: string | undefined,
	trusted: BlockList,
	configured: readonly (string | undefined)[],
	has: (name: string) => boolean
): string[] {
	if (peer === undefined || isTrusted(peer, trusted)) return [];
	return configured.filter((name): name is string => Boolean(name) && has(name!));
}

/** The socket's remote address, when adapter-node passes its request (not under `vite dev`). */
export function peerAddress(event: Pick<RequestEvent, 'platform'>): string | undefined {
	return event.platform?.req?.socket?.remoteAddress;
}

/**
 * What the limits count: an IPv4 address as it is, an IPv6 address as its /64 network (one home
 * or phone gets a whole /64 and can change address within it at will).
 */
export function countedNetwork(address: string): string {
	const plain = plainAddress(address);
	if (isIP(plain) !== 6) return plain;
	const [head, tail = ''] = plain.toLowerCase().split('::');
	const headGroups = head ? head.split(':') : [];
	const tailGroups = plain.includes('::') ? (tail ? tail.split(':') : []) : [];
	const groups = [
		...headGroups,
		...Array(8 - headGroups.length - tailGroups.length).fill('0'),
		...tailGroups
	];
	return `${groups
		.slice(0, 4)
		.map((g) => g.replace(/^0+(?=.)/, ''))
		.join(':')}::/64`;
}
