import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { KeyProvider } from "../../electron/core/store/keyProvider";
import { resolveStoreKey } from "../../electron/core/store/keyResolution";
import { LocalStoreError, missingKeyError } from "../../db/local/storeErrors";

function memoryKeyProvider(initial: Uint8Array | null = null) {
  let key = initial;
  const provider = {
    readKey: vi.fn(async () => key),
    createKey: vi.fn(async () => {
      key = new Uint8Array(32).fill(7);
      return key;
    }),
    destroyKey: vi.fn(async () => {
      key = null;
    }),
  };
  return provider satisfies KeyProvider;
}

describe("resolveStoreKey", () => {
  let dir: string;
  let dbPath: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "telesec-resolve-"));
    dbPath = join(dir, "telesec.db");
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("returns the key kept on the workstation", async () => {
    const kept = new Uint8Array(32).fill(1);
    const provider = memoryKeyProvider(kept);
    await writeFile(dbPath, "base chiffrée");
    expect(await resolveStoreKey(dbPath, provider)).toBe(kept);
    expect(provider.createKey).not.toHaveBeenCalled();
  });

  it("makes a key for a workstation that has neither key nor store", async () => {
    const provider = memoryKeyProvider();
    const key = await resolveStoreKey(dbPath, provider);
    expect(key.length).toBe(32);
    expect(provider.createKey).toHaveBeenCalledOnce();
  });

  it("never makes a new key over an existing store", async () => {
    const provider = memoryKeyProvider();
    await writeFile(dbPath, "base chiffrée avec une clé perdue");
    const resolving = resolveStoreKey(dbPath, provider);
    await expect(resolving).rejects.toBeInstanceOf(LocalStoreError);
    await expect(resolving).rejects.toMatchObject({ code: "missing_key", message: missingKeyError().message });
    expect(provider.createKey).not.toHaveBeenCalled();
  });

  it("says what to do, in French", () => {
    expect(missingKeyError().message).toMatch(/^La clé de chiffrement de la base locale est introuvable\. Réinitialisez le poste/);
  });

  it("counts even an empty store file as a store", async () => {
    const provider = memoryKeyProvider();
    await writeFile(dbPath, "");
    await expect(resolveStoreKey(dbPath, provider)).rejects.toMatchObject({ code: "missing_key" });
    expect(provider.createKey).not.toHaveBeenCalled();
  });

  it("does not guess when it cannot tell whether the store exists", async () => {
    const provider = memoryKeyProvider();
    const notAFolder = join(dir, "fichier");
    await writeFile(notAFolder, "");
    await expect(resolveStoreKey(join(notAFolder, "telesec.db"), provider)).rejects.toMatchObject({ code: "ENOTDIR" });
    expect(provider.createKey).not.toHaveBeenCalled();
  });

  it("lets a failure to read the key through rather than making a new one", async () => {
    const provider = memoryKeyProvider();
    provider.readKey.mockRejectedValueOnce(new LocalStoreError("missing_key", "trousseau indisponible"));
    await expect(resolveStoreKey(dbPath, provider)).rejects.toThrow("trousseau indisponible");
    expect(provider.createKey).not.toHaveBeenCalled();
  });
});

describe("LocalStoreError", () => {
  it("is an Error with a code the contract knows", () => {
    const error = new LocalStoreError("wrong_key", "mauvaise clé");
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("LocalStoreError");
    expect(error.code).toBe("wrong_key");
  });
});
