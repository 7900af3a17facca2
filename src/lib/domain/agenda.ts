import { conversationAgenda, type ItemStatistics } from './scoring';

/** The orders of the conversation agenda, with their labels; disagreement first is the default. */
export const AGENDA_ORDERS = {
	verschil: 'Meeste verschil eerst',
	praten: 'Meeste "hier wil ik over praten" eerst',
	laagste: 'Laagste gemiddelde eerst',
	afstand: 'Grootste afstand tot gewenst eerst',
	vragenlijst: 'Volgorde van de vragenlijst'
} as const;
export type AgendaOrder = keyof typeof AGENDA_ORDERS;

/** The orders that make sense for a questionnaire: by gap only where "gewenst" was asked. */
export function agendaOrders(gewenst: boolean | undefined): Record<string, string> {
	return Object.fromEntries(
		Object.entries(AGENDA_ORDERS).filter(([key]) => gewenst || key !== 'afstand')
	);
}

/** The order asked for in the address, or the default when it is unknown or does not apply. */
export function agendaOrder(requested: string | null, gewenst: boolean | undefined): AgendaOrder {
	const orders = agendaOrders(gewenst);
	return requested !== null && Object.hasOwn(orders, requested)
		? (requested as AgendaOrder)
		: 'verschil';
}

type Sortable = Pick<ItemStatistics, 'sd' | 'flags' | 'mean'> & { gap?: number | null };

/** The statements in the chosen order; the input stays as it is. */
export function sortAgenda<T extends Sortable>(items: T[], order: AgendaOrder): T[] {
	if (order === 'verschil') return conversationAgenda(items);
	if (order === 'vragenlijst') return items;
	// Largest gap first; statements without a gap (too few scores) go last, in questionnaire order.
	const key = (i: T) =>
		order === 'praten'
			? -i.flags
			: order === 'afstand'
				? -(i.gap ?? -Infinity)
				: (i.mean ?? Infinity);
	return [...items].sort((a, b) => {
		const ka = key(a);
		const kb = key(b);
		return ka === kb ? 0 : ka < kb ? -1 : 1;
	});
}
