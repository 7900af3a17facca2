CREATE TABLE `desired_answers` (
	`response_id` integer NOT NULL,
	`dimension_id` text NOT NULL,
	`value` integer,
	`dont_know` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`response_id`, `dimension_id`),
	FOREIGN KEY (`response_id`) REFERENCES `responses`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "desired_answers_value_or_dont_know" CHECK(("desired_answers"."value" IS NULL) <> ("desired_answers"."dont_know" = 0))
);
