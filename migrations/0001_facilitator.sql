CREATE TABLE `conclusions` (
	`session_id` integer NOT NULL,
	`dimension_id` text NOT NULL,
	`goes_well` text DEFAULT '' NOT NULL,
	`can_improve` text DEFAULT '' NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`session_id`, `dimension_id`),
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `improvement_actions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`session_id` integer NOT NULL,
	`dimension_id` text NOT NULL,
	`what` text NOT NULL,
	`who` text DEFAULT '' NOT NULL,
	`due_on` text,
	`status` text DEFAULT 'open' NOT NULL,
	`carried_from_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "improvement_actions_status" CHECK("improvement_actions"."status" IN ('open', 'bezig', 'klaar'))
);
--> statement-breakpoint
CREATE INDEX `improvement_actions_session` ON `improvement_actions` (`session_id`);--> statement-breakpoint
CREATE TABLE `invitations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`token_hash` text NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invitations_token_hash_unique` ON `invitations` (`token_hash`);--> statement-breakpoint
CREATE INDEX `invitations_user` ON `invitations` (`user_id`);