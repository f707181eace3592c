import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LocalStoreError } from "../../db/local/storeErrors";
import { safeStorageKeyProvider } from "../../electron/main/safeStorageKeyProvider";
import { fakeSafeStorage } from "./fakeSafeStorage";

describe("safeStorageKeyProvider", () => {
  let dir: string;
  let keyFile: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "telesec-key-"));
    keyFile = join(dir, "userData", "store-key.bin");
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("has no key until one is made", async () => {
    expect(await safeStorageKeyProvider(fakeSafeStorage(), keyFile).readKey()).toBeNull();
  });

  it("makes a random 256-bit key and reads the same one back", async () => {
    const provider = safeStorageKeyProvider(fakeSafeStorage(), keyFile);
    const key = await provider.createKey();
    expect(key).toBeInstanceOf(Uint8Array);
    expect(key.length).toBe(32);
    expect(Buffer.from(key).equals(Buffer.alloc(32))).toBe(false);
    const again = await safeStorageKeyProvider(fakeSafeStorage(), keyFile).readKey();
    expect(again && Buffer.from(again).equals(Buffer.from(key))).toBe(true);
  });

  it("never writes the key in clear, and leaves no temporary file", async () => {
    const key = await safeStorageKeyProvider(fakeSafeStorage(), keyFile).createKey();
    const onDisk = await readFile(keyFile);
    expect(onDisk.toString("latin1")).not.toContain(Buffer.from(key).toString("hex"));
    expect(onDisk.includes(Buffer.from(key))).toBe(false);
    expect(await readdir(join(dir, "userData"))).toEqual(["store-key.bin"]);
  });

  it.skipIf(process.platform === "win32")("keeps the key file readable by its owner only", async () => {
    await safeStorageKeyProvider(fakeSafeStorage(), keyFile).createKey();
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
  });

  it("makes a different key each time", async () => {
    const first = await safeStorageKeyProvider(fakeSafeStorage(), keyFile).createKey();
    const second = await safeStorageKeyProvider(fakeSafeStorage(), join(dir, "other.bin")).createKey();
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(false);
  });

  it("never replaces an existing key", async () => {
    const provider = safeStorageKeyProvider(fakeSafeStorage(), keyFile);
    const key = await provider.createKey();
    await expect(provider.createKey()).rejects.toThrow(/existe déjà/);
    expect(Buffer.from((await provider.readKey())!).equals(Buffer.from(key))).toBe(true);
  });

  it("refuses to read when the OS keychain is unavailable, in French", async () => {
    await safeStorageKeyProvider(fakeSafeStorage(), keyFile).createKey();
    const read = safeStorageKeyProvider(fakeSafeStorage(undefined, { available: false }), keyFile).readKey();
    await expect(read).rejects.toBeInstanceOf(LocalStoreError);
    await expect(read).rejects.toThrow(/coffre-fort du système/);
  });

  it("refuses to make a key it could not protect, and writes nothing", async () => {
    const create = safeStorageKeyProvider(fakeSafeStorage(undefined, { available: false }), keyFile).createKey();
    await expect(create).rejects.toBeInstanceOf(LocalStoreError);
    await expect(stat(keyFile)).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("reports a key wrapped by another keychain as unreadable, not as absent", async () => {
    await safeStorageKeyProvider(fakeSafeStorage("session-de-marie"), keyFile).createKey();
    const read = safeStorageKeyProvider(fakeSafeStorage("session-de-paul"), keyFile).readKey();
    await expect(read).rejects.toMatchObject({ name: "LocalStoreError", code: "missing_key" });
    await expect(read).rejects.toThrow(/ne peut pas être déchiffrée/);
  });

  it("reports a damaged key file as unreadable", async () => {
    const storage = fakeSafeStorage();
    await safeStorageKeyProvider(storage, keyFile).createKey();
    await writeFile(keyFile, storage.encryptString("pas une clé"));
    await expect(safeStorageKeyProvider(storage, keyFile).readKey()).rejects.toBeInstanceOf(LocalStoreError);
  });

  it("forgets the key", async () => {
    const provider = safeStorageKeyProvider(fakeSafeStorage(), keyFile);
    await provider.createKey();
    await provider.destroyKey();
    expect(await provider.readKey()).toBeNull();
    await expect(provider.destroyKey()).resolves.toBeUndefined();
    expect((await provider.createKey()).length).toBe(32);
  });
});
