-- The freed slot offered to a waitlist entry when a cancel or a move frees one (server/sync/waitlistOffers.ts);
-- written in the same transaction as the cancel or move, so every workstation of the practice gets it by sync.
ALTER TABLE "waitlist_entry" ADD COLUMN "offered_slot" jsonb;
