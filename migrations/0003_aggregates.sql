CREATE TABLE `session_aggregates` (
	`session_id` integer PRIMARY KEY NOT NULL,
	`submitted` integer NOT NULL,
	`dimensions` text NOT NULL,
	`items` text NOT NULL,
	`task_profile` text NOT NULL,
	`computed_at` integer NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
