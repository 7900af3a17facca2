import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isLoopbackHost, reachableAddresses, shareOrigin, startAddresses } from './network.js';

const loopback = { address: '127.0.0.1', family: 'IPv4', internal: true };
const v6 = (address: string) => ({ address, family: 'IPv6', internal: false });
const v4 = (address: string) => ({ address, family: 'IPv4', internal: false });

describe('reachableAddresses', () => {
	it('offers the Wi-Fi address, not loopback, IPv6 or link-local', () => {
		expect(
			reachableAddresses({
				lo: [loopback, { address: '::1', family: 'IPv6', internal: true }],
				wlp2s0: [v6('fe80::1'), v4('192.168.1.23')],
				enx0: [v4('169.254.10.2')]
			})
		).toEqual(['192.168.1.23']);
	});

	it('puts containers, virtual machines and VPNs after real network cards', () => {
		expect(
			reachableAddresses({
				docker0: [v4('172.17.0.1')],
				tailscale0: [v4('100.101.102.103')],
				'br-4f1c': [v4('172.18.0.1')],
				eth0: [v4('10.0.0.5')]
			})
		).toEqual(['10.0.0.5', '172.17.0.1', '100.101.102.103', '172.18.0.1']);
	});

	it('prefers a private address over a public one on real cards', () => {
		expect(reachableAddresses({ en0: [v4('145.1.2.3')], en1: [v4('192.168.178.40')] })).toEqual([
			'192.168.178.40',
			'145.1.2.3'
		]);
	});

	it('reads the numeric family of older Node versions, and lists an address once', () => {
		expect(
			reachableAddresses({
				en0: [{ address: '192.168.0.9', family: 4, internal: false }],
				en1: [v4('192.168.0.9')]
			})
		).toEqual(['192.168.0.9']);
	});

	it('finds nothing on a computer without a network', () => {
		expect(reachableAddresses({ lo: [loopback], eth0: undefined })).toEqual([]);
	});

	it('offers only external, non-loopback addresses, each once, whatever the interfaces', () => {
		const address = fc
			.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255))
			.map((parts) => parts.join('.'));
		const entry = fc.record({
			address,
			family: fc.constantFrom('IPv4', 'IPv6', 4, 6),
			internal: fc.boolean()
		});
		fc.assert(
			fc.property(fc.dictionary(fc.string(), fc.array(entry)), (interfaces) => {
				const offered = reachableAddresses(interfaces);
				const external = Object.values(interfaces)
					.flat()
					.filter((e) => !e.internal)
					.map((e) => e.address);
				for (const a of offered) {
					expect(isLoopbackHost(a)).toBe(false);
					expect(external).toContain(a);
				}
				expect(new Set(offered).size).toBe(offered.length);
			})
		);
	});
});

describe('isLoopbackHost', () => {
	it('knows the names that mean this computer only', () => {
		for (const host of [
			'localhost',
			'LOCALHOST',
			'app.localhost',
			'127.0.0.1',
			'127.0.0.2',
			'[::1]'
		]) {
			expect(isLoopbackHost(host), host).toBe(true);
		}
		for (const host of ['192.168.1.2', 'wijkspiegel.example.nl', '10.127.0.1', 'localhost.nl']) {
			expect(isLoopbackHost(host), host).toBe(false);
		}
	});
});

describe('shareOrigin', () => {
	it('uses the configured public address first', () => {
		expect(
			shareOrigin({
				configured: 'https://wijkspiegel.gemeente.nl/',
				requestOrigin: 'http://localhost:3000',
				addresses: ['192.168.1.23']
			})
		).toEqual({ origin: 'https://wijkspiegel.gemeente.nl', onlyThisComputer: false });
	});

	it('replaces localhost by the network address, keeping protocol and port', () => {
		expect(
			shareOrigin({
				requestOrigin: 'http://localhost:4701',
				addresses: ['192.168.1.23', '10.0.0.2']
			})
		).toEqual({ origin: 'http://192.168.1.23:4701', onlyThisComputer: false });
		expect(shareOrigin({ requestOrigin: 'http://127.0.0.1', addresses: ['10.0.0.2'] })).toEqual({
			origin: 'http://10.0.0.2',
			onlyThisComputer: false
		});
	});

	it('keeps an address the facilitator already reached the app by', () => {
		expect(
			shareOrigin({ requestOrigin: 'http://192.168.1.23:3000', addresses: ['10.0.0.2'] })
		).toEqual({ origin: 'http://192.168.1.23:3000', onlyThisComputer: false });
	});

	it('says when only this computer can be reached', () => {
		expect(shareOrigin({ requestOrigin: 'http://localhost:3000', addresses: [] })).toEqual({
			origin: 'http://localhost:3000',
			onlyThisComputer: true
		});
	});
});

describe('startAddresses', () => {
	it('lists the network addresses for phones when listening everywhere', () => {
		expect(
			startAddresses({ host: '0.0.0.0', port: '3000', addresses: ['192.168.1.23', '10.0.0.2'] })
		).toEqual({
			local: 'http://localhost:3000',
			forPhones: ['http://192.168.1.23:3000', 'http://10.0.0.2:3000']
		});
	});

	it('gives the public address when ORIGIN is set', () => {
		expect(
			startAddresses({
				origin: 'https://wijkspiegel.gemeente.nl',
				host: '0.0.0.0',
				port: '3000',
				addresses: ['192.168.1.23']
			})
		).toEqual({
			local: 'https://wijkspiegel.gemeente.nl',
			forPhones: ['https://wijkspiegel.gemeente.nl']
		});
	});

	it('says why phones cannot connect: HOST on this computer only, or no network', () => {
		expect(
			startAddresses({ host: '127.0.0.1', port: '3000', addresses: ['192.168.1.23'] })
		).toEqual({ local: 'http://127.0.0.1:3000', forPhones: [], why: 'host' });
		expect(startAddresses({ host: '0.0.0.0', port: '3000', addresses: [] })).toEqual({
			local: 'http://localhost:3000',
			forPhones: [],
			why: 'no-network'
		});
	});

	it('uses a HOST that is itself a network address', () => {
		expect(startAddresses({ host: '192.168.1.23', port: '80', addresses: [] })).toEqual({
			local: 'http://192.168.1.23:80',
			forPhones: ['http://192.168.1.23:80']
		});
	});
});
