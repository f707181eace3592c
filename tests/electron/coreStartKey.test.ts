import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LocalStoreError, missingKeyError } from "../../db/local/storeErrors";
import { coreStartKey, keyErrorBody } from "../../electron/main/coreStartKey";
import { safeStorageKeyProvider } from "../../electron/main/safeStorageKeyProvider";
import { fakeSafeStorage } from "./fakeSafeStorage";

describe("coreStartKey", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "telesec-start-key-"));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("hands the core the key, in hex, making it on first start", async () => {
    const provider = safeStorageKeyProvider(fakeSafeStorage(), join(dir, "store-key.bin"));
    const start = await coreStartKey(join(dir, "telesec.db"), provider);
    expect(start.key).toMatch(/^[0-9a-f]{64}$/);
    const kept = await provider.readKey();
    expect(Buffer.from(kept!).toString("hex")).toBe(start.key);
  });

  it("hands over why there is no key instead of failing, when the key of an existing store is lost", async () => {
    await writeFile(join(dir, "telesec.db"), "base existante");
    const provider = safeStorageKeyProvider(fakeSafeStorage(), join(dir, "store-key.bin"));
    expect(await coreStartKey(join(dir, "telesec.db"), provider)).toEqual({
      key: null,
      keyError: { code: "missing_key", message: missingKeyError().message },
    });
    expect(await provider.readKey()).toBeNull();
  });
});

describe("keyErrorBody", () => {
  it("keeps a LocalStoreError's code and message", () => {
    expect(keyErrorBody(new LocalStoreError("corrupt", "abîmée"))).toEqual({ code: "corrupt", message: "abîmée" });
  });

  it("does not pass on the details of an unexpected failure", () => {
    const body = keyErrorBody(new Error("EACCES: /home/marie/.config/Télésec/store-key.bin"));
    expect(body.code).toBe("missing_key");
    expect(body.message).not.toContain("/home/");
  });
});
