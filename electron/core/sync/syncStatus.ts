import type { SyncStatus } from "../../../shared/api/contract";

/** Tells listeners about the connection only when something they show has changed. */
export function createStatusBroadcaster(initial: SyncStatus) {
  let current = initial;
  const listeners = new Set<(status: SyncStatus) => void>();
  return {
    get: () => current,
    update(changes: Partial<SyncStatus>): void {
      const next = { ...current, ...changes };
      if (JSON.stringify(next) === JSON.stringify(current)) return;
      current = next;
      for (const listener of listeners) listener(current);
    },
    subscribe(listener: (status: SyncStatus) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
