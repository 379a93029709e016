CREATE TABLE `user_leases` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`project_id` text,
	`expires_at` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `user_leases_user_kind_idx` ON `user_leases` (`user_id`,`kind`,`expires_at`);--> statement-breakpoint
CREATE INDEX `user_leases_expires_idx` ON `user_leases` (`expires_at`);