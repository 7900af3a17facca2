CREATE TABLE `action_follow_ups` (
	`action_id` integer NOT NULL,
	`session_id` integer NOT NULL,
	`done` text NOT NULL,
	`helped` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`action_id`, `session_id`),
	FOREIGN KEY (`action_id`) REFERENCES `improvement_actions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "action_follow_ups_done" CHECK("action_follow_ups"."done" IN ('gedaan', 'deels', 'niet')),
	CONSTRAINT "action_follow_ups_helped" CHECK("action_follow_ups"."helped" IN ('ja', 'nee', 'weet-nog-niet'))
);
--> statement-breakpoint
CREATE INDEX `action_follow_ups_session` ON `action_follow_ups` (`session_id`);--> statement-breakpoint
CREATE TABLE `topic_vote_totals` (
	`session_id` integer NOT NULL,
	`option_id` text NOT NULL,
	`votes` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`session_id`, `option_id`),
	FOREIGN KEY (`session_id`) REFERENCES `topic_votes`(`session_id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `topic_voters` (
	`session_id` integer NOT NULL,
	`response_id` integer NOT NULL,
	PRIMARY KEY(`session_id`, `response_id`),
	FOREIGN KEY (`session_id`) REFERENCES `topic_votes`(`session_id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`response_id`) REFERENCES `responses`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `topic_votes` (
	`session_id` integer PRIMARY KEY NOT NULL,
	`subject` text NOT NULL,
	`options` text NOT NULL,
	`votes_each` integer NOT NULL,
	`opened_at` integer NOT NULL,
	`closed_at` integer,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "topic_votes_votes_each" CHECK("topic_votes"."votes_each" BETWEEN 2 AND 3)
);
