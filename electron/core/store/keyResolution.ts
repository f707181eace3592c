import { stat } from "node:fs/promises";
import { missingKeyError } from "../../../db/local/storeErrors";
import type { KeyProvider } from "./keyProvider";

/**
 * The key that opens the store at `dbPath`. A new key is made only when there is no store yet:
 * a new key over an existing store would make it unreadable for good, so that case is an error
 * the secretary resolves by resetting the workstation (the server holds the synced truth).
 */
export async function resolveStoreKey(dbPath: string, keyProvider: KeyProvider): Promise<Uint8Array> {
  const existing = await keyProvider.readKey();
  if (existing) return existing;
  if (await fileExists(dbPath)) throw missingKeyError();
  return keyProvider.createKey();
}

async function fileExists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    // Any other failure (permissions, I/O) must not be mistaken for "no store": that would mint a new key.
    throw error;
  }
}
