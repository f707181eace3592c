-- Patient search index, designed for the one question the call screen asks: "patients of THIS
-- practice whose name (or phone) starts with what I typed". Each term is
-- "<practice id>|n<folded name word>" or "<practice id>|t<national phone digits>", so a lookup is
-- one range scan of a b-tree, practice first, then folded prefix. Local only: it is derived from
-- the patient table and rebuilt whenever a patient row is written.
CREATE TABLE `patient_search_term` (
	`term` text NOT NULL,
	`patient_id` text NOT NULL,
	PRIMARY KEY (`term`, `patient_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `patient_search_term_patient_idx` ON `patient_search_term` (`patient_id`);
