CREATE TABLE `comment_reviews` (
	`session_id` integer NOT NULL,
	`dimension_id` text NOT NULL,
	`reviewed_at` integer NOT NULL,
	PRIMARY KEY(`session_id`, `dimension_id`),
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
