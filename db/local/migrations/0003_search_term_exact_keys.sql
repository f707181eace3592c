-- A patient's old search terms are deleted by their exact keys, computed from the row before the
-- change (the terms are a pure function of the row, and a version change rebuilds them all), so the
-- index by patient is no longer needed: a first sync spent 2.5 s building it and every patient write
-- paid for keeping it.
DROP INDEX IF EXISTS `patient_search_term_patient_idx`;
