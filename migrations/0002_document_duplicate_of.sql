ALTER TABLE `documents` ADD `duplicate_of` text;--> statement-breakpoint
ALTER TABLE `documents` ADD `duplicate_kept` text DEFAULT '[]' NOT NULL;