/** What a comparison compares: the scores now, or where teams want to be ("gewenst"). */
export const MEASURES = ['nu', 'gewenst'] as const;
export type Measure = (typeof MEASURES)[number];

export const MEASURE_LABELS: Record<Measure, string> = {
	nu: 'Nu',
	gewenst: 'Gewenst (over een jaar)'
};
