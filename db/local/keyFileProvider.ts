import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { KEY_BYTES, type KeyProvider } from "./keyProvider";

/**
 * Key kept in a plain file (hex), readable by its owner only. For tests, the seed and
 * command-line tools; the app wraps its key with the OS keychain instead (safeStorage).
 */
export function keyFileProvider(path: string): KeyProvider {
  return {
    async readKey() {
      let text: string;
      try {
        text = readFileSync(path, "utf8").trim();
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
      if (!/^[0-9a-f]{64}$/i.test(text)) throw new Error(`Le fichier de clé ${path} est illisible : 64 caractères hexadécimaux attendus.`);
      return Buffer.from(text, "hex");
    },
    async createKey() {
      const key = randomBytes(KEY_BYTES);
      mkdirSync(dirname(path), { recursive: true });
      const temporary = `${path}.${process.pid}.tmp`;
      writeFileSync(temporary, key.toString("hex"), { mode: 0o600 });
      renameSync(temporary, path);
      return key;
    },
    async destroyKey() {
      rmSync(path, { force: true });
    },
  };
}
