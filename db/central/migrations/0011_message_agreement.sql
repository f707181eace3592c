-- A request for a practitioner's agreement to see a new patient (wanted motif and slot) and its answer: JSON, null for other messages.
ALTER TABLE "message" ADD COLUMN "request" jsonb;--> statement-breakpoint
ALTER TABLE "message" ADD COLUMN "answer" jsonb;
