CREATE TABLE `answers` (
	`response_id` integer NOT NULL,
	`item_id` text NOT NULL,
	`value` integer,
	`dont_know` integer DEFAULT false NOT NULL,
	`flagged` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`response_id`, `item_id`),
	FOREIGN KEY (`response_id`) REFERENCES `responses`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "answers_value_or_dont_know" CHECK(NOT ("answers"."value" IS NOT NULL AND "answers"."dont_know" = 1))
);
--> statement-breakpoint
CREATE TABLE `comments` (
	`response_id` integer NOT NULL,
	`dimension_id` text NOT NULL,
	`body` text NOT NULL,
	PRIMARY KEY(`response_id`, `dimension_id`),
	FOREIGN KEY (`response_id`) REFERENCES `responses`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `gemeenten` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `gemeenten_name_unique` ON `gemeenten` (`name`);--> statement-breakpoint
CREATE TABLE `leerbeweging_teams` (
	`leerbeweging_id` integer NOT NULL,
	`team_id` integer NOT NULL,
	PRIMARY KEY(`leerbeweging_id`, `team_id`),
	FOREIGN KEY (`leerbeweging_id`) REFERENCES `leerbewegingen`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `leerbewegingen` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `leerbewegingen_name_unique` ON `leerbewegingen` (`name`);--> statement-breakpoint
CREATE TABLE `meetrondes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text NOT NULL,
	`gemeente_id` integer,
	`leerbeweging_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`gemeente_id`) REFERENCES `gemeenten`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`leerbeweging_id`) REFERENCES `leerbewegingen`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "meetrondes_one_owner" CHECK(("meetrondes"."gemeente_id" IS NULL) <> ("meetrondes"."leerbeweging_id" IS NULL)),
	CONSTRAINT "meetrondes_period" CHECK("meetrondes"."starts_on" <= "meetrondes"."ends_on")
);
--> statement-breakpoint
CREATE TABLE `memberships` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`gemeente_id` integer,
	`leerbeweging_id` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`gemeente_id`) REFERENCES `gemeenten`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`leerbeweging_id`) REFERENCES `leerbewegingen`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "memberships_one_scope" CHECK(("memberships"."gemeente_id" IS NULL) <> ("memberships"."leerbeweging_id" IS NULL))
);
--> statement-breakpoint
CREATE INDEX `memberships_user` ON `memberships` (`user_id`);--> statement-breakpoint
CREATE TABLE `questionnaire_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`questionnaire_id` text NOT NULL,
	`version` integer NOT NULL,
	`title` text NOT NULL,
	`content_hash` text NOT NULL,
	`definition` text NOT NULL,
	`loaded_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `questionnaire_versions_id_version` ON `questionnaire_versions` (`questionnaire_id`,`version`);--> statement-breakpoint
CREATE TABLE `responses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`session_id` integer NOT NULL,
	`token_hash` text NOT NULL,
	`resume_code_hash` text NOT NULL,
	`started_at` integer NOT NULL,
	`submitted_at` integer,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `responses_token_hash_unique` ON `responses` (`token_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `responses_resume_code_hash_unique` ON `responses` (`resume_code_hash`);--> statement-breakpoint
CREATE INDEX `responses_session` ON `responses` (`session_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` integer NOT NULL,
	`meetronde_id` integer NOT NULL,
	`questionnaire_version_id` integer NOT NULL,
	`join_code` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`min_respondents` integer DEFAULT 5 NOT NULL,
	`opened_at` integer,
	`closed_at` integer,
	`results_shown_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`meetronde_id`) REFERENCES `meetrondes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`questionnaire_version_id`) REFERENCES `questionnaire_versions`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "sessions_status" CHECK("sessions"."status" IN ('draft', 'open', 'closed')),
	CONSTRAINT "sessions_min_respondents" CHECK("sessions"."min_respondents" >= 3)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sessions_join_code_unique` ON `sessions` (`join_code`);--> statement-breakpoint
CREATE INDEX `sessions_team` ON `sessions` (`team_id`);--> statement-breakpoint
CREATE INDEX `sessions_meetronde` ON `sessions` (`meetronde_id`);--> statement-breakpoint
CREATE TABLE `teams` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`gemeente_id` integer NOT NULL,
	`name` text NOT NULL,
	`tasks` text DEFAULT '[]' NOT NULL,
	`composition` text,
	`legal_form` text,
	`target_group` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`gemeente_id`) REFERENCES `gemeenten`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `teams_gemeente_name` ON `teams` (`gemeente_id`,`name`);--> statement-breakpoint
CREATE TABLE `user_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `user_sessions_user` ON `user_sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);