import type { WorkstationStatus } from "../../shared/api/contract";
import { openLocalStore, type LocalStore } from "../../db/local/openLocalStore";
import { LocalStoreError } from "../../db/local/storeErrors";
import { createPatientQueries } from "./queries/patients";
import type { SessionLock } from "./session/sessionLock";
import type { KeyProvider } from "./store/keyProvider";
import { resolveStoreKey } from "./store/keyResolution";
import type { SyncService } from "./sync/syncService";

/** The local store once open, with what works on it: patient queries, sync, the session lock. */
export interface ReadyStore {
  store: LocalStore;
  patients: ReturnType<typeof createPatientQueries>;
  sync: SyncService;
  lock: SessionLock;
}

/** Opens the encrypted store with its key; unreadable (wrong key, damage) is a status, never a crash. */
export async function openStore(dbPath: string, options: { keyProvider: KeyProvider; migrationsDir?: string }): Promise<{ status: WorkstationStatus; ready: Omit<ReadyStore, "sync" | "lock"> | null }> {
  try {
    const key = await resolveStoreKey(dbPath, options.keyProvider);
    const store = openLocalStore({ path: dbPath, key, ...(options.migrationsDir ? { migrationsDir: options.migrationsDir } : {}) });
    return { status: { state: "ready" }, ready: { store, patients: createPatientQueries(store.sqlite) } };
  } catch (error) {
    if (error instanceof LocalStoreError) {
      return { status: { state: "store_unreadable", reason: error.code, message: error.message }, ready: null };
    }
    throw error;
  }
}
