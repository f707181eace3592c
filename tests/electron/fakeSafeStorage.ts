import type { SafeStorageLike } from "../../electron/main/safeStorageKeyProvider";

/**
 * A stand-in for Electron's safeStorage: "encrypts" by XOR with a per-keychain secret behind a tag,
 * so a blob made by another keychain (another OS session) fails to decrypt, as the real one does.
 */
export function fakeSafeStorage(secret = "trousseau-de-la-session", options: { available?: boolean } = {}) {
  const tag = Buffer.from(`fake:${secret}:`);
  const pad = Buffer.from(secret);
  const xor = (data: Buffer) => Buffer.from(data.map((byte, index) => byte ^ (pad[index % pad.length] ?? 0)));
  const storage = {
    available: options.available ?? true,
    isEncryptionAvailable: () => storage.available,
    encryptString: (plainText: string) => Buffer.concat([tag, xor(Buffer.from(plainText, "utf8"))]),
    decryptString: (encrypted: Buffer) => {
      if (!encrypted.subarray(0, tag.length).equals(tag)) throw new Error("Error while decrypting the ciphertext provided to safeStorage.decryptString.");
      return xor(encrypted.subarray(tag.length)).toString("utf8");
    },
  };
  return storage satisfies SafeStorageLike;
}
