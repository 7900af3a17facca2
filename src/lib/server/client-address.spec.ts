import { describe, expect, it } from 'vitest';
import {
	chooseClientAddress,
	countedNetwork,
	forgedProxyHeaders,
	parseTrustedProxies
} from './client-address';

const forged = () => '6.6.6.6';

describe('client address behind a proxy (issue 10, W9)', () => {
	it('ignores the header when the connection does not come from a trusted proxy', () => {
		const trusted = parseTrustedProxies(undefined);
		expect(chooseClientAddress('203.0.113.9', trusted, forged)).toBe('203.0.113.9');
		expect(chooseClientAddress('::ffff:203.0.113.9', trusted, forged)).toBe('203.0.113.9');
		expect(chooseClientAddress('2001:db8::1', trusted, forged)).toBe('2001:db8::1');
	});

	it('believes the header from loopback by default, and from listed proxies and subnets', () => {
		const loopback = parseTrustedProxies('');
		expect(chooseClientAddress('127.0.0.1', loopback, forged)).toBe('6.6.6.6');
		expect(chooseClientAddress('::ffff:127.0.0.2', loopback, forged)).toBe('6.6.6.6');
		expect(chooseClientAddress('::1', loopback, forged)).toBe('6.6.6.6');
		const listed = parseTrustedProxies('10.0.0.0/8, 192.0.2.7,fd00::/8');
		expect(chooseClientAddress('10.1.2.3', listed, forged)).toBe('6.6.6.6');
		expect(chooseClientAddress('192.0.2.7', listed, forged)).toBe('6.6.6.6');
		expect(chooseClientAddress('fd00::5', listed, forged)).toBe('6.6.6.6');
		// A list replaces the default: loopback is then only trusted when listed.
		expect(chooseClientAddress('127.0.0.1', listed, forged)).toBe('127.0.0.1');
		expect(chooseClientAddress('192.0.2.8', listed, forged)).toBe('192.0.2.8');
	});

	it('falls back to the peer when a trusted proxy sends no usable header', () => {
		const trusted = parseTrustedProxies('loopback');
		const missing = () => {
			throw new Error('Address header was specified but is absent from request');
		};
		expect(chooseClientAddress('127.0.0.1', trusted, missing)).toBe('127.0.0.1');
	});

	it('uses the adapter as before when there is no socket (vite dev)', () => {
		expect(chooseClientAddress(undefined, parseTrustedProxies(undefined), forged)).toBe('6.6.6.6');
	});

	it('refuses a setting it cannot read, with a Dutch message', () => {
		expect(() => parseTrustedProxies('proxy.gemeente.nl')).toThrow(/TRUSTED_PROXIES/);
		expect(() => parseTrustedProxies('10.0.0.0/33')).toThrow(/geen IP-adres/);
	});

	it('counts an IPv6 visitor by its /64 network, and IPv4 as it is', () => {
		expect(countedNetwork('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
		expect(countedNetwork('2001:0db8:0001:0002:ffff:1:2:3')).toBe('2001:db8:1:2::/64');
		expect(countedNetwork('2001:db8::5')).toBe('2001:db8:0:0::/64');
		expect(countedNetwork('::1')).toBe('0:0:0:0::/64');
		expect(countedNetwork('::ffff:192.0.2.7')).toBe('192.0.2.7');
		expect(countedNetwork('192.0.2.7')).toBe('192.0.2.7');
		expect(countedNetwork('e2e-client-1')).toBe('e2e-client-1');
	});
});

describe('proxy headers on a connection that went around the proxy', () => {
	const trusted = parseTrustedProxies('10.0.0.5');
	const settings = ['x-forwarded-for', 'x-forwarded-proto', undefined, ''];
	const carries =
		(...names: string[]) =>
		(name: string) =>
			names.includes(name);

	it('are named when an untrusted peer sends them, so the request is refused', () => {
		expect(
			forgedProxyHeaders('203.0.113.9', trusted, settings, carries('x-forwarded-for'))
		).toEqual(['x-forwarded-for']);
		expect(
			forgedProxyHeaders(
				'::ffff:127.0.0.1',
				trusted,
				settings,
				carries('x-forwarded-for', 'x-forwarded-proto')
			)
		).toEqual(['x-forwarded-for', 'x-forwarded-proto']);
	});

	it('are fine from the trusted proxy, and absent headers or unset settings refuse nothing', () => {
		expect(forgedProxyHeaders('10.0.0.5', trusted, settings, carries('x-forwarded-for'))).toEqual(
			[]
		);
		expect(forgedProxyHeaders('203.0.113.9', trusted, settings, carries())).toEqual([]);
		expect(forgedProxyHeaders('203.0.113.9', trusted, [undefined, ''], () => true)).toEqual([]);
		// Under vite dev there is no socket to judge.
		expect(forgedProxyHeaders(undefined, trusted, settings, () => true)).toEqual([]);
	});
});
