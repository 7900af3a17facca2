ALTER TABLE `comments` ADD `hidden` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `session_aggregates` ADD `partial` integer DEFAULT 0 NOT NULL;