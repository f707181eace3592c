-- A request for a practitioner's agreement to see a new patient (wanted motif and slot) and its answer: JSON, null for other messages.
ALTER TABLE `message` ADD `request` text;--> statement-breakpoint
ALTER TABLE `message` ADD `answer` text;--> statement-breakpoint
CREATE INDEX `message_patient_idx` ON `message` (`patient_id`);
