ALTER TABLE "device" ADD COLUMN "token_hash" text NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "device_token_hash_idx" ON "device" USING btree ("token_hash");