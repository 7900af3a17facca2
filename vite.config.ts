import { defineConfig, type Plugin } from 'vitest/config';
import { sveltekit } from '@sveltejs/kit/vite';

/**
 * The Svelte runtime and SvelteKit's client go into one chunk: every page with JavaScript needs
 * both, and one file compresses smaller than the several small shared chunks the bundler would
 * make of them (issue 15: respondent pages under 32 KB gzip). Only the browser build: in the
 * server build the grouping moved SvelteKit's `$env/dynamic/private` into a chunk of its own, whose
 * copy the server never filled, so every setting read through it (TRUSTED_PROXIES...) was empty.
 */
function frameworkChunk(): Plugin {
	return {
		name: 'wijkspiegel-framework-chunk',
		config(_config, env) {
			if (env.command !== 'build' || env.isSsrBuild) return;
			return {
				build: {
					rolldownOptions: {
						output: {
							codeSplitting: {
								groups: [
									{
										name: 'framework',
										test: /node_modules[\\/](svelte|@sveltejs[\\/]kit|clsx|esm-env|devalue)[\\/]/
									}
								]
							}
						}
					}
				}
			};
		}
	};
}

export default defineConfig({
	plugins: [sveltekit(), frameworkChunk()],
	test: {
		expect: { requireAssertions: true },
		projects: [
			{
				extends: './vite.config.ts',
				test: {
					name: 'unit',
					environment: 'node',
					include: ['src/**/*.spec.ts']
				}
			},
			{
				extends: './vite.config.ts',
				test: {
					name: 'integration',
					environment: 'node',
					include: ['tests/integration/**/*.test.ts'],
					testTimeout: 20_000
				}
			}
		]
	}
});
