import { eq } from "drizzle-orm";
import { pbxLinks } from "../../db/central/schema";
import type { CentralDb } from "../context";
import { createPbxLink, hashPbxSecret } from "./pbxSecrets";

/** `--demo` only: a PBX link whose secret is known to everyone, for trying the telephony intake out. */
export const DEMO_PBX_SECRET = "demo-pbx-secret";
const DEMO_PBX_NAME = "Standard de démonstration";

/** Creates the demo PBX link unless it exists already (a demo server restarted on its database). */
export async function ensureDemoPbxLink(db: CentralDb, log: (line: string) => void, now: Date): Promise<void> {
  const [existing] = await db.select({ id: pbxLinks.id }).from(pbxLinks).where(eq(pbxLinks.secretHash, hashPbxSecret(DEMO_PBX_SECRET))).limit(1);
  if (existing) return;
  await createPbxLink(db, DEMO_PBX_NAME, now, DEMO_PBX_SECRET);
  log(`Mode démonstration : standard téléphonique « ${DEMO_PBX_NAME} » créé, secret « ${DEMO_PBX_SECRET} » (en-tête X-Telesec-Pbx-Secret).`);
}
