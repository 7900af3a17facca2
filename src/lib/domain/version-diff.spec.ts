import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { versionOverlap, type VersionDefinition } from './version-diff';

const v1: VersionDefinition = {
	version: 1,
	dimensions: [
		{
			id: 'leren',
			title: 'Leren',
			items: [
				{ id: 'l-1', statement: 'We bespreken elke maand casussen.' },
				{ id: 'l-2', statement: 'We vragen gezinnen wat zij vinden.' },
				{ id: 'l-3', statement: 'We gebruiken cijfers om te verbeteren.' }
			]
		},
		{ id: 'oud', title: 'Oud onderwerp', items: [{ id: 'o-1', statement: 'Iets ouds.' }] }
	]
};

const v2: VersionDefinition = {
	version: 2,
	dimensions: [
		{
			id: 'leren',
			title: 'Leren en verbeteren',
			items: [
				{ id: 'l-4', statement: 'We bespreken samen casussen.' },
				{ id: 'l-2', statement: 'We vragen gezinnen wat zij van onze hulp vinden.' },
				{ id: 'l-3', statement: 'We gebruiken cijfers om te verbeteren.' }
			]
		},
		{ id: 'nieuw', title: 'Nieuw onderwerp', items: [{ id: 'n-1', statement: 'Iets nieuws.' }] }
	]
};

describe('versionOverlap', () => {
	it('uses only the dimensions every version has, and names the ones left out', () => {
		const overlap = versionOverlap([v2, v1]);
		expect(overlap.versions).toEqual([1, 2]);
		expect(overlap.sharedDimensionIds).toEqual(['leren']);
		expect(overlap.leftOutDimensions).toEqual([
			{ id: 'oud', title: 'Oud onderwerp' },
			{ id: 'nieuw', title: 'Nieuw onderwerp' }
		]);
	});

	it('says which statements are new, which are gone and which are worded differently', () => {
		expect(versionOverlap([v1, v2]).differences).toEqual([
			{
				dimensionId: 'leren',
				title: 'Leren en verbeteren',
				added: [{ id: 'l-4', statement: 'We bespreken samen casussen.' }],
				removed: [{ id: 'l-1', statement: 'We bespreken elke maand casussen.' }],
				reworded: [
					{
						id: 'l-2',
						before: 'We vragen gezinnen wat zij vinden.',
						after: 'We vragen gezinnen wat zij van onze hulp vinden.'
					}
				]
			}
		]);
	});

	it('leaves out a version that shares no dimension with the newest', () => {
		const other: VersionDefinition = {
			version: 3,
			dimensions: [{ id: 'nieuw', title: 'Nieuw onderwerp', items: [] }]
		};
		const overlap = versionOverlap([v1, v2, other]);
		expect(overlap.incomparableVersions).toEqual([1]);
		expect(overlap.sharedDimensionIds).toEqual(['nieuw']);
	});

	it('finds nothing to report for one version, however often it is given', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 5 }), (times) => {
				const overlap = versionOverlap(Array.from({ length: times }, () => v2));
				expect(overlap.versions).toEqual([2]);
				expect(overlap.sharedDimensionIds).toEqual(['leren', 'nieuw']);
				expect(overlap.leftOutDimensions).toEqual([]);
				expect(overlap.differences).toEqual([]);
			})
		);
	});

	it('has nothing to compare without versions', () => {
		expect(versionOverlap([]).sharedDimensionIds).toEqual([]);
	});
});
