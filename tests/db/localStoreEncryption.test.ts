import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, readlinkSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { openLocalStore, rekeyLocalStore } from "../../db/local/openLocalStore";
import { LocalStoreError } from "../../db/local/storeErrors";
import { insertPatient, insertPractice } from "../support/fixtures";
import { useTempDirs } from "../support/tempDir";

const tempDir = useTempDirs();
const key = () => randomBytes(32);

describe("encrypted local store", () => {
  it("keeps no patient name readable in the database, WAL or shared-memory files", () => {
    const path = join(tempDir(), "telesec.db");
    const storeKey = key();
    const store = openLocalStore({ path, key: storeKey });
    const practiceId = insertPractice(store, "Cabinet des Tilleuls", "+33123456789");
    const names: string[] = [];
    store.sqlite.transaction(() => {
      for (let i = 0; i < 1000; i++) {
        const birthName = `Zorglubesque${i.toString(36)}x`;
        names.push(birthName);
        insertPatient(store, practiceId, { birthName, firstName: "Hélène", phones: ["+33612345678"] });
      }
    })();
    // Read the files while the store is still open too: the WAL is where fresh pages sit.
    const filesWhileOpen = ["", "-wal", "-shm"].map((suffix) => `${path}${suffix}`).filter(existsSync);
    expect(filesWhileOpen).toContain(`${path}-wal`);
    const bytesWhileOpen = filesWhileOpen.map((file) => readFileSync(file).toString("latin1"));
    store.close();
    const bytesAfterClose = ["", "-wal", "-shm"]
      .map((suffix) => `${path}${suffix}`)
      .filter(existsSync)
      .map((file) => readFileSync(file).toString("latin1"));

    for (const bytes of [...bytesWhileOpen, ...bytesAfterClose]) {
      expect(bytes).not.toContain("Zorglubesque");
      expect(bytes).not.toContain("Cabinet des Tilleuls");
      expect(bytes).not.toContain("0612345678");
    }
    expect(readFileSync(path).subarray(0, 16).toString("latin1")).not.toBe("SQLite format 3\0");

    // The data is there for whoever holds the key.
    const reopened = openLocalStore({ path, key: storeKey });
    expect(reopened.sqlite.prepare("SELECT count(*) FROM patient").pluck().get()).toBe(1000);
    reopened.close();
    expect(names).toHaveLength(1000);
  });

  // Linux shows a process's open files, deleted ones included: SQLite unlinks its temporary files at once.
  it.runIf(existsSync("/proc/self/fd"))("writes no temporary file, which the cipher would leave in clear, even for a temporary table larger than its cache", () => {
    const store = openLocalStore({ path: join(tempDir(), "telesec.db"), key: key() });
    const openTemporaryFiles = () =>
      readdirSync("/proc/self/fd")
        .map((fd) => {
          try {
            return readlinkSync(`/proc/self/fd/${fd}`);
          } catch {
            return "";
          }
        })
        .filter((target) => target.includes("etilqs_"));
    store.sqlite.exec("CREATE TEMP TABLE staged (term TEXT NOT NULL, patient_id TEXT NOT NULL)");
    // A tiny cache, so the table spills at once wherever temporary pages go.
    store.sqlite.pragma("temp.cache_size = 10");
    const stage = store.sqlite.prepare("INSERT INTO staged VALUES (?, ?)");
    store.sqlite.transaction(() => {
      for (let i = 0; i < 100_000; i++) stage.run(`nzorglubesque${i}`, `patient-${i}-${"x".repeat(40)}`);
    })();
    expect(store.sqlite.prepare("SELECT count(*) FROM (SELECT term FROM staged ORDER BY term)").pluck().get()).toBe(100_000);
    expect(openTemporaryFiles()).toEqual([]);
    store.close();
  });

  it("refuses a wrong key with a clear French error and leaves the data intact", () => {
    const path = join(tempDir(), "telesec.db");
    const rightKey = key();
    const store = openLocalStore({ path, key: rightKey });
    insertPractice(store, "Cabinet du Parc", "+33123456780");
    store.close();

    const attempt = () => openLocalStore({ path, key: key() });
    expect(attempt).toThrow(LocalStoreError);
    expect(attempt).toThrow(/ne peut pas être déchiffrée/);
    try {
      attempt();
    } catch (error) {
      expect((error as LocalStoreError).code).toBe("wrong_key");
    }

    const again = openLocalStore({ path, key: rightKey });
    expect(again.sqlite.prepare("SELECT name FROM practice").pluck().all()).toEqual(["Cabinet du Parc"]);
    again.close();
  });

  it("opens with foreign keys on and in WAL mode", () => {
    const store = openLocalStore({ path: join(tempDir(), "telesec.db"), key: key() });
    expect(store.sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(store.sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(() =>
      store.sqlite.prepare("INSERT INTO dialled_number (id, practice_id, e164) VALUES ('x', 'no-such-practice', '+33100000000')").run(),
    ).toThrow(/FOREIGN KEY/);
    store.close();
  });

  it("rekeys: the new key opens the store, the old one no longer does", () => {
    const path = join(tempDir(), "telesec.db");
    const oldKey = key();
    const newKey = key();
    const store = openLocalStore({ path, key: oldKey });
    insertPractice(store, "Cabinet de la Gare", "+33123456781");
    rekeyLocalStore(store, newKey);
    expect(store.sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
    store.close();

    expect(() => openLocalStore({ path, key: oldKey })).toThrow(LocalStoreError);
    const reopened = openLocalStore({ path, key: newKey });
    expect(reopened.sqlite.prepare("SELECT name FROM practice").pluck().all()).toEqual(["Cabinet de la Gare"]);
    reopened.close();
  });

  describe("the key's form", () => {
    // Opens the file as SQLCipher would with the key in the given form, nothing else: true if it reads.
    const readsWith = (path: string, storeKey: Buffer, pragma: string): boolean => {
      const sqlite = new Database(path);
      try {
        sqlite.pragma("cipher = 'sqlcipher'");
        sqlite.pragma("legacy = 4");
        sqlite.pragma(pragma.replace("HEX", storeKey.toString("hex")));
        sqlite.prepare("SELECT count(*) FROM sqlite_schema").get();
        return true;
      } catch {
        return false;
      } finally {
        sqlite.close();
      }
    };

    it("keys a new store with its random key as the raw encryption key, not as a passphrase to stretch", () => {
      const path = join(tempDir(), "telesec.db");
      const storeKey = key();
      openLocalStore({ path, key: storeKey }).close();
      expect(readsWith(path, storeKey, `key = "x'HEX'"`)).toBe(true);
      expect(readsWith(path, storeKey, "hexkey = 'HEX'")).toBe(false);
    });

    it("still opens a store keyed as a passphrase (made before raw keys), and a rekey leaves it raw-keyed", () => {
      const path = join(tempDir(), "telesec.db");
      const storeKey = key();
      const legacy = new Database(path);
      legacy.pragma("cipher = 'sqlcipher'");
      legacy.pragma("legacy = 4");
      legacy.pragma(`hexkey = '${storeKey.toString("hex")}'`);
      legacy.exec("CREATE TABLE kept (note TEXT); INSERT INTO kept VALUES ('écrit avant')");
      legacy.close();

      const store = openLocalStore({ path, key: storeKey });
      expect(store.sqlite.prepare("SELECT note FROM kept").pluck().all()).toEqual(["écrit avant"]);
      expect(store.sqlite.prepare("SELECT count(*) FROM practice").pluck().get()).toBe(0);
      expect(() => openLocalStore({ path, key: key() })).toThrow(LocalStoreError);

      const newKey = key();
      rekeyLocalStore(store, newKey);
      store.close();
      expect(readsWith(path, newKey, `key = "x'HEX'"`)).toBe(true);
      const reopened = openLocalStore({ path, key: newKey });
      expect(reopened.sqlite.prepare("SELECT note FROM kept").pluck().all()).toEqual(["écrit avant"]);
      reopened.close();
    });
  });

  it("refuses keys of the wrong length", () => {
    expect(() => openLocalStore({ path: join(tempDir(), "telesec.db"), key: randomBytes(16) })).toThrow(/32 octets/);
  });
});
