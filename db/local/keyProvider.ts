/**
 * Where the local store's 256-bit key comes from. In the app: a random key wrapped with Electron
 * safeStorage (electron/main). In tests and command-line tools: a key file. The core only sees
 * this interface, never Electron.
 */
export interface KeyProvider {
  /** The key kept on this workstation, or null when none was ever made. */
  readKey(): Promise<Uint8Array | null>;
  /** Makes, keeps and returns a new random 256-bit key. */
  createKey(): Promise<Uint8Array>;
  /** Forgets the key (used by "reset and resync", and by "forget this workstation"). */
  destroyKey(): Promise<void>;
}

export const KEY_BYTES = 32;

/** A provider over a key already unwrapped elsewhere (the Electron main process hands it to the core). */
export function fixedKeyProvider(key: Uint8Array): KeyProvider {
  if (key.length !== KEY_BYTES) throw new Error(`La clé du poste doit faire ${KEY_BYTES} octets.`);
  return {
    readKey: async () => key,
    createKey: async () => {
      throw new Error("Cette clé est fournie par le processus principal et ne peut pas être recréée ici.");
    },
    destroyKey: async () => {},
  };
}
