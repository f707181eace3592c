import { timingSafeEqual } from "node:crypto";
import { isNull } from "drizzle-orm";
import { pbxLinks } from "../../db/central/schema";
import type { CentralDb } from "../context";
import { ApiError } from "../http/apiError";
import { hashPbxSecret } from "./pbxSecrets";

export const PBX_SECRET_HEADER = "x-telesec-pbx-secret";

export interface PbxLink {
  id: string;
  name: string;
}

declare module "fastify" {
  interface FastifyRequest {
    /** The PBX whose secret the request's header showed, checked before its body was read. */
    pbx?: PbxLink;
  }
}

const unauthenticated = () =>
  new ApiError(401, "unauthenticated", "Standard téléphonique non reconnu : secret absent ou invalide (en-tête X-Telesec-Pbx-Secret).");

/**
 * The PBX whose secret this is, or a 401. The presented secret's hash is compared with every live
 * link's, in constant time and without stopping at a match, so the answer time tells nothing of how
 * close a guess came. (An agency has a handful of PBXs: reading them all costs nothing.) Checked
 * against the database on every event, so a revocation takes effect at once on every instance.
 */
export async function authenticatePbx(db: CentralDb, secret: string | undefined): Promise<PbxLink> {
  if (!secret || secret.length > 512) throw unauthenticated();
  const presented = Buffer.from(hashPbxSecret(secret), "hex");
  const links = await db.select({ id: pbxLinks.id, name: pbxLinks.name, secretHash: pbxLinks.secretHash }).from(pbxLinks).where(isNull(pbxLinks.revokedAt));
  let found: PbxLink | undefined;
  for (const link of links) {
    const stored = Buffer.from(link.secretHash, "hex");
    if (stored.length === presented.length && timingSafeEqual(stored, presented)) found ??= { id: link.id, name: link.name };
  }
  if (!found) throw unauthenticated();
  return found;
}
