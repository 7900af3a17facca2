/** The counts of a session's questionnaires, for the facilitator's live view: only counts. */
export interface ResponseCounts {
	started: number;
	submitted: number;
	/** not sent, but with answers: closing counts these too */
	partial: number;
	/** started without a single answer: closing leaves these out */
	empty: number;
	/** what closing now would count */
	counted: number;
	/** sent faster than anyone can read the statements: a sign of someone padding the session */
	quick: number;
}
