import type { Item, Scale } from './questionnaire';

// Kept apart from questionnaire.ts (its zod schemas): the browser's scoring code needs this one.
/** Score of a raw answer after reverse scoring: the scale is mirrored around its midpoint. */
export function scoredValue(scale: Scale, item: Pick<Item, 'reverse'>, value: number): number {
	if (!item.reverse) return value;
	const min = scale.points[0].value;
	const max = scale.points[scale.points.length - 1].value;
	return min + max - value;
}
