-- The identified caller's previous calls on the call screen (calls.ofPatient): one range scan, newest first.
CREATE INDEX `call_patient_started_idx` ON `call` (`patient_id`,`started_at`);