import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'no-undef': 'off',
			// The app has no base path; plain hrefs keep links working without JavaScript.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		// Every transaction of the app writes: writeTransaction (db/transaction.ts) takes the lock at
		// its start. A deferred one fails at once when another connection wrote in between.
		files: ['src/lib/server/**/*.ts'],
		ignores: ['src/lib/server/db/transaction.ts', 'src/lib/server/db/group-commit.ts'],
		rules: {
			'no-restricted-syntax': [
				'error',
				{
					selector: "CallExpression[callee.property.name='transaction']",
					message: 'Use writeTransaction from src/lib/server/db/transaction.ts.'
				}
			]
		}
	},
	{
		// Tests build broken input on purpose.
		files: ['**/*.spec.ts', 'tests/**/*.ts'],
		rules: { '@typescript-eslint/no-explicit-any': 'off' }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		ignores: ['build/', '.svelte-kit/', 'node_modules/', 'migrations/', 'test-results/', 'data/']
	}
);
