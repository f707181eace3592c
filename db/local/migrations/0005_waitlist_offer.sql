-- The freed slot the server offers a waitlist entry (shared/domain/waitlistMatching.ts), as JSON; null: none.
ALTER TABLE `waitlist_entry` ADD `offered_slot` text;
