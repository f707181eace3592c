CREATE TABLE `practice` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`deleted_at` integer,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`address` text NOT NULL,
	`phone` text,
	`email` text,
	`greetings` text NOT NULL,
	`coverage_schedule` text NOT NULL,
	`access_notes` text DEFAULT '' NOT NULL,
	`referrals` text NOT NULL,
	`active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE INDEX `practice_name_idx` ON `practice` (`name`);--> statement-breakpoint
CREATE TABLE `dialled_number` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`deleted_at` integer,
	`practice_id` text NOT NULL,
	`e164` text NOT NULL,
	`label` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`practice_id`) REFERENCES `practice`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dialled_number_e164_idx` ON `dialled_number` (`e164`);--> statement-breakpoint
CREATE INDEX `dialled_number_practice_idx` ON `dialled_number` (`practice_id`);--> statement-breakpoint
CREATE TABLE `practitioner` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`deleted_at` integer,
	`practice_id` text NOT NULL,
	`title` text NOT NULL,
	`first_name` text NOT NULL,
	`last_name` text NOT NULL,
	`specialty` text NOT NULL,
	`rpps` text,
	`accepts_new_patients` text NOT NULL,
	`working_hours` text NOT NULL,
	`exceptional_openings` text NOT NULL,
	`absences` text NOT NULL,
	`color` text NOT NULL,
	FOREIGN KEY (`practice_id`) REFERENCES `practice`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `practitioner_practice_idx` ON `practitioner` (`practice_id`);--> statement-breakpoint
CREATE TABLE `appointment_type` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`deleted_at` integer,
	`practice_id` text NOT NULL,
	`practitioner_id` text NOT NULL,
	`label` text NOT NULL,
	`duration_minutes` integer NOT NULL,
	`color` text NOT NULL,
	`allowed_for_new_patients` integer NOT NULL,
	`patient_instructions` text DEFAULT '' NOT NULL,
	`min_notice_minutes` integer DEFAULT 0 NOT NULL,
	`restrictions` text NOT NULL,
	FOREIGN KEY (`practice_id`) REFERENCES `practice`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`practitioner_id`) REFERENCES `practitioner`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `appointment_type_practitioner_idx` ON `appointment_type` (`practitioner_id`);--> statement-breakpoint
CREATE TABLE `directive` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`deleted_at` integer,
	`practice_id` text NOT NULL,
	`practitioner_id` text,
	`category` text NOT NULL,
	`title` text NOT NULL,
	`text` text NOT NULL,
	`priority` integer DEFAULT 0 NOT NULL,
	`valid_from` integer,
	`valid_to` integer,
	`flags` text NOT NULL,
	FOREIGN KEY (`practice_id`) REFERENCES `practice`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`practitioner_id`) REFERENCES `practitioner`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `directive_practice_idx` ON `directive` (`practice_id`,`valid_from`);--> statement-breakpoint
CREATE TABLE `patient` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`deleted_at` integer,
	`practice_id` text NOT NULL,
	`birth_name` text NOT NULL,
	`used_name` text,
	`first_name` text NOT NULL,
	`birth_date` text,
	`phones` text NOT NULL,
	`email` text,
	`notes` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`practice_id`) REFERENCES `practice`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `patient_practice_birth_idx` ON `patient` (`practice_id`,`birth_date`);--> statement-breakpoint
CREATE TABLE `appointment` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`deleted_at` integer,
	`practice_id` text NOT NULL,
	`practitioner_id` text NOT NULL,
	`patient_id` text NOT NULL,
	`appointment_type_id` text NOT NULL,
	`start_at` integer NOT NULL,
	`end_at` integer NOT NULL,
	`status` text NOT NULL,
	`cancel_reason` text,
	`notes` text,
	`booked_by` text,
	`channel` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`practice_id`) REFERENCES `practice`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`practitioner_id`) REFERENCES `practitioner`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`patient_id`) REFERENCES `patient`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`appointment_type_id`) REFERENCES `appointment_type`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`booked_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `appointment_practitioner_start_idx` ON `appointment` (`practitioner_id`,`start_at`);--> statement-breakpoint
CREATE INDEX `appointment_patient_idx` ON `appointment` (`patient_id`);--> statement-breakpoint
CREATE TABLE `waitlist_entry` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`deleted_at` integer,
	`practice_id` text NOT NULL,
	`patient_id` text NOT NULL,
	`appointment_type_id` text NOT NULL,
	`practitioner_ids` text NOT NULL,
	`preferred_windows` text NOT NULL,
	`notes` text,
	`created_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`practice_id`) REFERENCES `practice`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`patient_id`) REFERENCES `patient`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`appointment_type_id`) REFERENCES `appointment_type`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `waitlist_practice_idx` ON `waitlist_entry` (`practice_id`);--> statement-breakpoint
CREATE TABLE `message` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`deleted_at` integer,
	`practice_id` text NOT NULL,
	`practitioner_id` text,
	`patient_id` text,
	`call_id` text,
	`caller_name` text NOT NULL,
	`callback_number` text,
	`category` text NOT NULL,
	`urgency` text NOT NULL,
	`text` text NOT NULL,
	`status` text NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`practice_id`) REFERENCES `practice`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`practitioner_id`) REFERENCES `practitioner`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`patient_id`) REFERENCES `patient`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `message_practice_created_idx` ON `message` (`practice_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `call` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`deleted_at` integer,
	`practice_id` text,
	`external_call_id` text,
	`dialled_number` text NOT NULL,
	`caller_number` text,
	`patient_id` text,
	`user_id` text,
	`started_at` integer NOT NULL,
	`answered_at` integer,
	`ended_at` integer,
	`outcome` text,
	`notes` text,
	`links` text NOT NULL,
	FOREIGN KEY (`practice_id`) REFERENCES `practice`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`patient_id`) REFERENCES `patient`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `call_practice_started_idx` ON `call` (`practice_id`,`started_at`);--> statement-breakpoint
CREATE TABLE `user` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`deleted_at` integer,
	`login` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`practice_ids` text NOT NULL,
	`extension` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `user_login_idx` ON `user` (`login`);--> statement-breakpoint
CREATE TABLE `device` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`deleted_at` integer,
	`user_id` text NOT NULL,
	`name` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_seen_at` integer,
	`revoked_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `device_user_idx` ON `device` (`user_id`);--> statement-breakpoint
CREATE TABLE `audit_event` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`deleted_at` integer,
	`at` integer NOT NULL,
	`user_id` text,
	`device_id` text,
	`practice_id` text,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text,
	`details` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_event_at_idx` ON `audit_event` (`at`);--> statement-breakpoint
CREATE TABLE `conflict` (
	`id` text PRIMARY KEY NOT NULL,
	`seq` integer NOT NULL,
	`name` text NOT NULL,
	`args` text NOT NULL,
	`error_code` text NOT NULL,
	`error_message` text NOT NULL,
	`rejected_at` integer NOT NULL,
	`cleared_at` integer
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`seq` integer PRIMARY KEY NOT NULL,
	`mutation_id` text NOT NULL,
	`name` text NOT NULL,
	`args` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_mutationId_unique` ON `outbox` (`mutation_id`);--> statement-breakpoint
CREATE TABLE `sync_state` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
