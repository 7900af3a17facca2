import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'svelte/compiler';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { addressesFormally } from '../../src/lib/domain/questionnaire-style';

/**
 * Team members, facilitators and gemeente users are colleagues: every screen and message says
 * je/jullie, never u/uw (issue 12). This reads the text a person can see: the words of Svelte
 * templates and their attributes, and the string literals of the code (messages, errors), with
 * the same rule the questionnaire content test uses. Code itself (a variable named u) is skipped.
 */
const root = join(import.meta.dirname, '..', '..');

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return sourceFiles(path);
		return /\.(ts|svelte)$/.test(name) && !/\.(spec|d)\.ts$/.test(name) ? [path] : [];
	});
}

/** The string literals and template texts in TypeScript code. */
function stringsInCode(code: string): string[] {
	const file = ts.createSourceFile('x.ts', code, ts.ScriptTarget.Latest, true);
	const found: string[] = [];
	const visit = (node: ts.Node) => {
		if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) found.push(node.text);
		else if (ts.isTemplateExpression(node)) {
			found.push([node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' … '));
		}
		ts.forEachChild(node, visit);
	};
	visit(file);
	return found;
}

interface SvelteNode {
	type: string;
	data?: string;
	expression?: { start: number; end: number };
	[key: string]: unknown;
}

/** Template text, attribute text and the strings in script blocks and template expressions. */
function textsInSvelte(source: string): string[] {
	const ast = parse(source, { modern: true });
	const texts: string[] = [];
	for (const script of [ast.instance, ast.module]) {
		if (!script) continue;
		// The parser gives positions on every node, though the Program type does not declare them.
		const { start, end } = script.content as unknown as { start: number; end: number };
		texts.push(...stringsInCode(source.slice(start, end)));
	}
	const walk = (node: unknown) => {
		if (!node || typeof node !== 'object') return;
		if (Array.isArray(node)) return node.forEach(walk);
		const n = node as SvelteNode;
		if (n.type === 'Text' && typeof n.data === 'string') texts.push(n.data);
		if (n.type === 'Script' || n.type === 'StyleSheet') return;
		if (n.expression && typeof n.expression.start === 'number') {
			texts.push(...stringsInCode(`(${source.slice(n.expression.start, n.expression.end)})`));
		}
		for (const [key, value] of Object.entries(n)) {
			if (key !== 'expression' && key !== 'metadata' && key !== 'parent') walk(value);
		}
	};
	walk(ast.fragment);
	return texts;
}

// The rule's own module names the words it looks for.
const files = sourceFiles(join(root, 'src'))
	.map((path) => ({ path: relative(root, path), text: readFileSync(path, 'utf8') }))
	.filter((f) => f.path !== 'src/lib/domain/questionnaire-style.ts');

describe('the tone of the interface', () => {
	it('finds a formal "u" or "uw" in a template and in a message, and leaves code alone', () => {
		expect(textsInSvelte('<p>Hier ziet u uw antwoorden.</p>').some(addressesFormally)).toBe(true);
		expect(stringsInCode("const m = 'Vul uw naam in.';").some(addressesFormally)).toBe(true);
		expect(
			stringsInCode('const x = list.map((u) => u.id).filter((u) => /a/u.test(u));').some(
				addressesFormally
			)
		).toBe(false);
		expect(
			textsInSvelte('<script>let u = 1;</script><p title="Je uur">{u} uur</p>').some(
				addressesFormally
			)
		).toBe(false);
	});

	it('addresses people with je or jullie on every screen and in every message', () => {
		const formal = files.flatMap(({ path, text }) =>
			(path.endsWith('.svelte') ? textsInSvelte(text) : stringsInCode(text))
				.filter(addressesFormally)
				.map((t) => `${path}: ${t.replace(/\s+/g, ' ').trim()}`)
		);
		expect(formal).toEqual([]);
	});
});
