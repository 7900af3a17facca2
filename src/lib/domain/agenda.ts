import { conversationAgenda, type ItemStatistics } from './scoring';

/** The orders of the conversation agenda, with their labels; disagreement first is the default. */
export const AGENDA_ORDERS = {
	verschil: 'Meeste verschil eerst',
	praten: 'Meeste "hier wil ik over praten" eerst',
	laagste: 'Laagste gemiddelde eerst',
	vragenlijst: 'Volgorde van de vragenlijst'
} as const;
export type AgendaOrder = keyof typeof AGENDA_ORDERS;

/** The statements in the chosen order; the input stays as it is. */
export function sortAgenda<T extends Pick<ItemStatistics, 'sd' | 'flags' | 'mean'>>(
	items: T[],
	order: AgendaOrder
): T[] {
	if (order === 'verschil') return conversationAgenda(items);
	if (order === 'vragenlijst') return items;
	const key = (i: T) => (order === 'praten' ? -i.flags : (i.mean ?? Infinity));
	return [...items].sort((a, b) => key(a) - key(b));
}
