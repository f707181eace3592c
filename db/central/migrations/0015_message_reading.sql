-- What the doctor did with a message on the portal (read when, by whom, treated when, their reply): JSON, null until opened.
ALTER TABLE "message" ADD COLUMN "reading" jsonb;
