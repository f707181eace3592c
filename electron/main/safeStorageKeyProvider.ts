import { randomBytes } from "node:crypto";
import { access, mkdir, open, readFile, rename, rm } from "node:fs/promises";
import { dirname } from "node:path";
import { KEY_BYTES, type KeyProvider } from "../core/store/keyProvider";
import { LocalStoreError } from "../../db/local/storeErrors";

/** What this module needs of Electron's `safeStorage`; injected so it can be tested without Electron. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

const UNAVAILABLE_MESSAGE =
  "Le coffre-fort du système (trousseau de la session) est indisponible : la clé de la base locale ne peut pas être protégée ni lue. Fermez la session puis rouvrez-la ; si le problème persiste, contactez le support informatique.";
const UNREADABLE_MESSAGE =
  "La clé de chiffrement de la base locale ne peut pas être déchiffrée par cette session (profil ou trousseau modifié). Réinitialisez le poste pour resynchroniser depuis le serveur.";

const HEX_KEY = new RegExp(`^[0-9a-f]{${KEY_BYTES * 2}}$`);

/**
 * The store key, kept in `keyFilePath` wrapped by the OS keychain (DPAPI on Windows, Keychain on
 * macOS, the Secret Service on Linux): the file alone, copied off the machine, opens nothing.
 */
export function safeStorageKeyProvider(safeStorage: SafeStorageLike, keyFilePath: string): KeyProvider {
  const requireEncryption = () => {
    if (!safeStorage.isEncryptionAvailable()) throw new LocalStoreError("missing_key", UNAVAILABLE_MESSAGE);
  };

  return {
    async readKey() {
      let wrapped: Buffer;
      try {
        wrapped = await readFile(keyFilePath);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
      requireEncryption();
      let hex: string;
      try {
        hex = safeStorage.decryptString(wrapped);
      } catch {
        throw new LocalStoreError("missing_key", UNREADABLE_MESSAGE);
      }
      if (!HEX_KEY.test(hex)) throw new LocalStoreError("missing_key", UNREADABLE_MESSAGE);
      return Uint8Array.from(Buffer.from(hex, "hex"));
    },

    async createKey() {
      requireEncryption();
      // Replacing a key would lock the store it opens for good; forgetting one is destroyKey's job.
      if (await exists(keyFilePath)) {
        throw new Error("Une clé de chiffrement existe déjà sur ce poste : elle n'est jamais remplacée sans réinitialisation.");
      }
      const key = randomBytes(KEY_BYTES);
      await writeFileAtomically(keyFilePath, safeStorage.encryptString(key.toString("hex")));
      return Uint8Array.from(key);
    },

    async destroyKey() {
      await rm(keyFilePath, { force: true });
    },
  };
}

/** Written beside, flushed, then renamed over: a crash leaves the old key file or the new one, never half of one. */
async function writeFileAtomically(path: string, data: Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  const file = await open(temporary, "wx", 0o600);
  try {
    await file.writeFile(data);
    await file.sync();
  } catch (error) {
    await file.close();
    await rm(temporary, { force: true });
    throw error;
  }
  await file.close();
  try {
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
}
