import { createHash, randomBytes, randomUUID } from "node:crypto";
import { pbxLinks } from "../../db/central/schema";
import type { CentralDb } from "../context";

/**
 * A PBX's shared secret: 32 random bytes, base64url, given once to the admin who types it into the
 * PBX. Only its SHA-256 is stored (a fast hash suffices for 256 random bits, as for devices' tokens).
 */
export const newPbxSecret = (): string => randomBytes(32).toString("base64url");

export const hashPbxSecret = (secret: string): string => createHash("sha256").update(secret, "utf8").digest("hex");

/** Registers a PBX; the secret is generated unless given (Aircall's webhook token, the demo's fixed one). */
export async function createPbxLink(db: CentralDb, name: string, createdAt: Date, secret = newPbxSecret()): Promise<{ id: string; secret: string }> {
  const id = randomUUID();
  await db.insert(pbxLinks).values({ id, name, secretHash: hashPbxSecret(secret), createdAt });
  return { id, secret };
}
