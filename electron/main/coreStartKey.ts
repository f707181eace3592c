import type { CoreKeyErrorBody, CoreStartMessage } from "../core/host/utilityProcessEntry";
import type { KeyProvider } from "../core/store/keyProvider";
import { resolveStoreKey } from "../core/store/keyResolution";
import { LocalStoreError } from "../../db/local/storeErrors";

export type CoreStartKey = Pick<Extract<CoreStartMessage, { key: string }>, "key"> | Pick<Extract<CoreStartMessage, { key: null }>, "key" | "keyError">;

const UNEXPECTED_KEY_FAILURE =
  "La clé de chiffrement de la base locale est inaccessible. Redémarrez le poste ; si le problème persiste, contactez le support informatique.";

/**
 * What the core is told about its key when it starts: the key itself, or why there is none. A
 * failure is handed over rather than thrown, so the core still starts and the window can explain
 * it and offer to reset the workstation.
 */
export async function coreStartKey(dbPath: string, keyProvider: KeyProvider): Promise<CoreStartKey> {
  try {
    const key = await resolveStoreKey(dbPath, keyProvider);
    return { key: Buffer.from(key).toString("hex") };
  } catch (error) {
    return { key: null, keyError: keyErrorBody(error) };
  }
}

/** A key failure as the core's contract states it; unknown failures never leak their details. */
export function keyErrorBody(error: unknown): CoreKeyErrorBody {
  if (error instanceof LocalStoreError) return { code: error.code, message: error.message };
  return { code: "missing_key", message: UNEXPECTED_KEY_FAILURE };
}
