CREATE TABLE `bans` (
	`id` text PRIMARY KEY NOT NULL,
	`network` text NOT NULL,
	`reason` text NOT NULL,
	`expires_at` text,
	`created_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bans_network_unique` ON `bans` (`network`);--> statement-breakpoint
CREATE INDEX `bans_expires_idx` ON `bans` (`expires_at`);