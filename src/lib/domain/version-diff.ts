/**
 * What differs between versions of one questionnaire, so a comparison across versions can use the
 * dimensions they share and say which statements changed. Items are matched by id: a kept id means
 * the same question (README: "Een vragenlijst toevoegen of wijzigen"), a new id a new question.
 */

/** The part of a questionnaire definition this needs. */
export interface VersionDefinition {
	version: number;
	dimensions: readonly {
		id: string;
		title: string;
		items: readonly { id: string; statement: string }[];
	}[];
}

export interface StatementChange {
	id: string;
	/** the text in the oldest version that has it */
	before: string;
	/** the text in the newest version */
	after: string;
}

export interface DimensionDifference {
	dimensionId: string;
	title: string;
	/** statements of the newest version that an older version in the comparison lacks */
	added: { id: string; statement: string }[];
	/** statements of an older version that the newest no longer asks */
	removed: { id: string; statement: string }[];
	/** the same statement id with other wording */
	reworded: StatementChange[];
}

export interface VersionOverlap {
	/** every version in the comparison, oldest first */
	versions: number[];
	/** versions sharing no dimension with the newest: they cannot be compared at all */
	incomparableVersions: number[];
	/** dimension ids that every comparable version has, in the order of the newest */
	sharedDimensionIds: string[];
	/** dimensions of a comparable version that not every one of them has, so left out */
	leftOutDimensions: { id: string; title: string }[];
	/** per shared dimension whose statements differ; empty when all versions ask the same */
	differences: DimensionDifference[];
}

/** Compares the versions of one questionnaire against the newest among them. */
export function versionOverlap(definitions: readonly VersionDefinition[]): VersionOverlap {
	const byVersion = new Map(definitions.map((d) => [d.version, d]));
	const ordered = [...byVersion.values()].sort((a, b) => a.version - b.version);
	const newest = ordered.at(-1);
	if (!newest) {
		return {
			versions: [],
			incomparableVersions: [],
			sharedDimensionIds: [],
			leftOutDimensions: [],
			differences: []
		};
	}
	const newestIds = new Set(newest.dimensions.map((d) => d.id));
	const comparable = ordered.filter((v) => v.dimensions.some((d) => newestIds.has(d.id)));
	const shared = newest.dimensions
		.filter((d) => comparable.every((v) => v.dimensions.some((o) => o.id === d.id)))
		.map((d) => d.id);
	const leftOut = new Map<string, string>();
	for (const v of comparable) {
		for (const d of v.dimensions) if (!shared.includes(d.id)) leftOut.set(d.id, d.title);
	}

	const differences: DimensionDifference[] = [];
	for (const dimension of newest.dimensions.filter((d) => shared.includes(d.id))) {
		const older = comparable
			.slice(0, -1)
			.map((v) => v.dimensions.find((d) => d.id === dimension.id)!);
		const newestItems = new Map(dimension.items.map((i) => [i.id, i.statement]));
		const added = dimension.items
			.filter((i) => older.some((o) => !o.items.some((x) => x.id === i.id)))
			.map((i) => ({ id: i.id, statement: i.statement }));
		const removed = new Map<string, string>();
		const reworded = new Map<string, StatementChange>();
		for (const o of older) {
			for (const item of o.items) {
				const now = newestItems.get(item.id);
				if (now === undefined) {
					if (!removed.has(item.id)) removed.set(item.id, item.statement);
				} else if (now !== item.statement && !reworded.has(item.id)) {
					reworded.set(item.id, { id: item.id, before: item.statement, after: now });
				}
			}
		}
		if (added.length || removed.size || reworded.size) {
			differences.push({
				dimensionId: dimension.id,
				title: dimension.title,
				added,
				removed: [...removed].map(([id, statement]) => ({ id, statement })),
				reworded: [...reworded.values()]
			});
		}
	}

	return {
		versions: ordered.map((v) => v.version),
		incomparableVersions: ordered.filter((v) => !comparable.includes(v)).map((v) => v.version),
		sharedDimensionIds: shared,
		leftOutDimensions: [...leftOut].map(([id, title]) => ({ id, title })),
		differences
	};
}
