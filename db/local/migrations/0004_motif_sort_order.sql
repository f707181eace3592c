-- A motif's rank in its practitioner's list: the first (lowest) is the everyday motif, whose free slots the
-- call screen shows before any motif is chosen. Existing motifs all start at 0 (then ordered by label).
ALTER TABLE `appointment_type` ADD `sort_order` integer DEFAULT 0 NOT NULL;
