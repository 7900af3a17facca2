CREATE TABLE `assignment_answers` (
	`response_id` integer NOT NULL,
	`item_id` text NOT NULL,
	`answer` text NOT NULL,
	PRIMARY KEY(`response_id`, `item_id`),
	FOREIGN KEY (`response_id`) REFERENCES `responses`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "assignment_answers_answer" CHECK("assignment_answers"."answer" IN ('ja', 'nee', 'weet-niet'))
);
