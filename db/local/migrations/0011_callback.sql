CREATE TABLE `callback` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`deleted_at` integer,
	`practice_id` text NOT NULL,
	`patient_id` text,
	`caller_name` text NOT NULL,
	`number` text,
	`kind` text NOT NULL,
	`source_id` text,
	`reason` text NOT NULL,
	`due_at` integer NOT NULL,
	`status` text NOT NULL,
	`owner_id` text,
	`taken_at` integer,
	`attempts` text NOT NULL,
	`notes` text,
	`created_by` text,
	`created_at` integer NOT NULL,
	`closed_at` integer,
	`closed_by` text,
	FOREIGN KEY (`practice_id`) REFERENCES `practice`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`patient_id`) REFERENCES `patient`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`closed_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `callback_practice_due_idx` ON `callback` (`practice_id`,`due_at`);--> statement-breakpoint
CREATE INDEX `callback_open_idx` ON `callback` (`due_at`) WHERE status IN ('a_faire', 'en_cours') AND deleted_at IS NULL;--> statement-breakpoint
ALTER TABLE `practice` ADD `callback_delays` text;